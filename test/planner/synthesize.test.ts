import { describe, expect, it } from 'vitest';
import { printValue } from '../../src/data/index.js';
import {
  type Binding,
  buildMenu,
  extractGoalSignals,
  genTemplate,
  refinePlan,
  splitClauses,
  synthesizeTemplate,
} from '../../src/planner/index.js';
import { defaultCatalog } from './helpers.js';

function show(b: Binding | undefined): string {
  if (b === undefined) return '-';
  switch (b.kind) {
    case 'literal':
      return `lit ${printValue(b.value)}`;
    case 'var':
      return `var ${b.name}`;
    case 'step':
      return `step ${b.step}.${b.output}`;
    case 'rtfs':
      return `rtfs ${b.code}`;
    case 'item':
      return `item ${b.field ?? '.'}`;
  }
}

function plan(goal: string) {
  const catalog = defaultCatalog();
  const s = extractGoalSignals(goal, catalog);
  const menu = buildMenu(s, catalog).menu;
  return { s, menu, r: synthesizeTemplate(s, menu) };
}

describe('clause split', () => {
  it('follows the pattern rules', () => {
    const c = (g: string) => splitClauses(g).map((x) => `${x.kind}:${x.text}`);
    expect(c('list issues then email them')).toEqual(['action:list issues', 'action:email them']);
    expect(c('list issues and filter by bug')).toEqual([
      'action:list issues',
      'transform:filter by bug',
    ]);
    expect(c('list issues in acme/api and jira')).toEqual([
      'action:list issues in acme/api and jira',
    ]);
    expect(c('post the weather but ask me for the city')).toEqual([
      'ask:ask me for the city',
      'action:post the weather',
    ]);
    expect(c('ask me for the city then get the forecast')).toEqual([
      'ask:ask me for the city',
      'action:get the forecast',
    ]);
    expect(c('read a.csv, parse it and count the rows')).toEqual([
      'action:read a.csv',
      'transform:parse it',
      'transform:count the rows',
    ]);
    expect(splitClauses('sort them by title')[0]?.op).toBe('sort');
  });
});

describe('template synthesis', () => {
  it('chooses capabilities and binds typed literals, plan inputs and step outputs', () => {
    const { r } = plan(
      'list the first 5 open issues in acme/api labelled bug and email a summary to the team',
    );
    expect(r.steps.map((s) => s.capability_id)).toEqual([
      'github.list_issues',
      'core.gen.format',
      'mail.send',
    ]);
    const [list, format, send] = r.steps;
    expect(show(list?.inputs['owner'])).toBe('var owner');
    expect(show(list?.inputs['limit'])).toBe('lit 5');
    expect(show(list?.inputs['labels'])).toBe('lit ["bug"]');
    expect(show(list?.inputs['state'])).toBe('lit "open"');
    expect(show(format?.inputs['items'])).toBe('step step_1.issues');
    expect(show(send?.inputs['body'])).toBe('step step_2.text');
    expect(show(send?.inputs['to'])).toBe('var to');
    expect(send?.origin).toEqual({ clause: 'email a summary to the team', rule: 'pattern:action' });
    expect(format?.origin?.rule).toBe('adapter');
    expect(r.log).toMatch(
      /^template: 3 steps; "list the first 5 open issues in acme\/api labelled bug" → github\.list_issues \(/,
    );
  });

  it('invents generated.<slug> below the threshold', () => {
    const { r } = plan('read ./a.csv and print it on the office printer');
    expect(r.steps.map((s) => s.capability_id)).toEqual([
      'fs.read_file',
      'generated.print_office_printer',
    ]);
    // the missing capability's inferred inputs: the data it would print
    expect(show(r.steps[1]?.inputs['content'])).toBe('step step_1.content');
  });

  it('keeps rows with a filter step, not an invented capability', () => {
    const { r } = plan('read ./a.csv, parse the CSV and keep rows containing "x"');
    expect(r.steps.map((s) => s.capability_id)).toEqual([
      'fs.read_file',
      'data.parse_csv',
      'core.data.filter',
    ]);
    expect(show(r.steps[2]?.inputs['pred'])).toBe(
      'rtfs (fn [x] (includes? (lower-case (str x)) "x"))',
    );
  });

  it('binds a function input of a filter step to RTFS code', () => {
    const catalog = defaultCatalog();
    const s = extractGoalSignals('list open issues in acme/api and filter by "p1"', catalog);
    const menu = buildMenu(s, catalog).menu;
    const r = synthesizeTemplate(s, menu);
    const f = r.steps.find((x) => x.capability_id === 'core.data.filter');
    // the items' text fields (issues have a title), not the printed item
    expect(show(f?.inputs['pred'])).toBe(
      'rtfs (fn [x] (includes? (lower-case (str (get x :title))) "p1"))',
    );
    expect(show(f?.inputs['items'])).toBe('step step_1.issues');
  });

  it('asks the user and binds the answer by topic', () => {
    const { r } = plan('ask me for the meeting title then create a calendar event');
    expect(r.steps[0]?.capability_id).toBe('ccos.user.ask');
    expect(show(r.steps[0]?.inputs['prompt'])).toBe('lit "Please give the meeting title"');
    expect(show(r.steps[1]?.inputs['title'])).toBe('step step_1.event_title');
  });

  it('refines with mappings: rename, bind, insert (moves logged in order)', () => {
    const { s, menu, r } = plan('read ./a.csv, parse the CSV, then print rows containing "x"');
    expect(r.steps[2]?.capability_id).toBe('generated.print_row_containing');
    const withFilter = buildMenu(s, defaultCatalog(), {
      // what a resolution mapping generated.print_row_containing to a template would give
      synthesized: [genTemplate('filter')],
    }).menu;
    const next = refinePlan(s, withFilter, { steps: r.steps }, [
      { requested: 'generated.print_row_containing', resolved: 'core.gen.filter' },
    ]);
    expect(next.steps.map((x) => x.capability_id)).toEqual([
      'fs.read_file',
      'data.parse_csv',
      'core.gen.filter',
    ]);
    expect(next.log).toMatch(
      /^refine: rename step_3 generated\.print_row_containing→core\.gen\.filter; drop step_3\.rows; bind step_3\.items; bind step_3\.contains \|/,
    );
    expect(show(next.steps[2]?.inputs['contains'])).toBe('lit "x"');
    expect(menu.length).toBeGreaterThan(0);
  });

  it('is deterministic', () => {
    const a = plan(
      'get the weather forecast for Paris for the next 3 days and post it to #general',
    ).r;
    const b = plan(
      'get the weather forecast for Paris for the next 3 days and post it to #general',
    ).r;
    expect(b).toEqual(a);
  });
});

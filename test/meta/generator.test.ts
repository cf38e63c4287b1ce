import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { read } from '../../src/syntax/index.js';
import { equals, Keyword, RMap, type Value } from '../../src/data/index.js';
import { formatSource } from '../../src/format/index.js';
import {
  generateMetaPlan,
  metaPlanData,
  pipelinePlan,
  planData,
  printMetaPlan,
  printPlan,
  recheckPlan,
} from '../../src/meta/index.js';
import { loadCatalog, runPlannerPipeline } from '../../src/planner/index.js';
import { CATALOG, plan } from './helpers.js';

const GOALS = [
  'list open issues in acme/api labelled bug and email a summary to the team',
  'read the file reports/q3.csv, parse it and count the rows',
  'list my calendar events for tomorrow and post them to the #standup channel',
  'fetch https://example.com/status.json and filter items where status is down',
  'ask me for a city then get the weather forecast for it',
];

const golden = (i: number): URL => new URL(`./golden/goal-${i + 1}.meta.rtfs`, import.meta.url);

describe('the meta-plan generator', () => {
  it.each(GOALS.map((g, i) => [i, g] as const))('pins goal %i in a golden file', (i, goal) => {
    const text = generateMetaPlan(goal);
    const file = golden(i);
    if (process.env['UPDATE_GOLDEN'] === '1' || !existsSync(file)) writeFileSync(file, text);
    expect(text).toBe(readFileSync(file, 'utf8'));
  });

  it.each(GOALS)('emits source that reads, round-trips, is formatted and checks: %s', (goal) => {
    const text = generateMetaPlan(goal, undefined, { maxRefinementCycles: 2, execute: 'dry-run' });
    const r = read(text, 'meta.rtfs');
    expect(r.diagnostics).toEqual([]);
    expect(r.forms).toHaveLength(1);
    expect(
      equals(
        r.forms[0] as Value,
        metaPlanData(goal, undefined, { maxRefinementCycles: 2, execute: 'dry-run' }),
      ),
    ).toBe(true);
    const f = formatSource(text);
    expect(f.ok && f.text).toBe(text);
    expect(recheckPlan(r.forms[0] as Value)).toBeUndefined();
  });

  it('prints a meta-plan exactly as the printer does, whatever the goal and options', () => {
    const goals = [
      ...GOALS,
      'x',
      '',
      'say "hi" \\ to \\"them\\"',
      'line one\nline two\ttabbed',
      'überprüfe die Rechnungen 🧾 und schicke sie an zoë@example.com',
      'list '.repeat(40).trim(),
      'a'.repeat(300),
      `${'w '.repeat(37)}end`,
    ];
    const options = [
      {},
      { maxRefinementCycles: 0, execute: 'full' as const, strategy: 'llm' as const },
      { maxAttempts: 10, allowGaps: true, intentStrategy: 'llm' as const },
      { maxRefinementCycles: 123456789, execute: 'dry-run' as const },
    ];
    for (const goal of goals)
      for (const o of options) {
        const data = metaPlanData(goal, undefined, o);
        expect(printMetaPlan(data)).toBe(printPlan(data));
      }
  });

  it('prints any other plan whole', () => {
    const intent = RMap.fromFlat([Keyword.of('name'), 'triage']);
    const extra = read('(step "note" (call "ccos.echo" {:message "done"}))').forms[0] as Value;
    for (const data of [
      metaPlanData('g', intent),
      metaPlanData('g', undefined, { extraSteps: [extra] }),
      read('(plan :name "p" (step "a" (call "ccos.echo" {:message "m"})))').forms[0] as Value,
      read('{:not "a plan"}').forms[0] as Value,
    ])
      expect(printMetaPlan(data)).toBe(printPlan(data));
  });

  it('agrees with stdlib/planner/pipeline.rtfs: same steps and body, only the defaults differ', () => {
    const file = planData.planParts(pipelinePlan());
    const gen = planData.planParts(metaPlanData('some goal'));
    expect(file && gen).toBeTruthy();
    expect(gen?.body.length).toBe(file?.body.length);
    gen?.body.forEach((f, i) => expect(equals(f, file?.body[i] as Value)).toBe(true));
    const names = (p: typeof gen) => p?.options.map(([k]) => k.name);
    expect(names(gen)).toEqual(names(file));
  });

  it('fills the options in as input defaults and passes an intent to the first call', () => {
    const data = metaPlanData('g', RMap.fromFlat([Keyword.of('name'), 'triage']), {
      maxRefinementCycles: 5,
      strategy: 'llm',
      execute: 'full',
      extraSteps: [read('(step "note" (call "ccos.echo" {:message "done"}))').forms[0] as Value],
    });
    const text = generateMetaPlan('g', RMap.fromFlat([Keyword.of('name'), 'triage']), {
      maxRefinementCycles: 5,
      strategy: 'llm',
      execute: 'full',
      extraSteps: [read('(step "note" (call "ccos.echo" {:message "done"}))').forms[0] as Value],
    });
    expect(text).toContain('[:goal {:default "g"} :string]');
    expect(text).toContain('[:max_refinement_cycles {:default 5} :int]');
    expect(text).toContain('{:default :llm}');
    expect(text).toContain('{:default :full}');
    expect(text).toContain(':intent {:name "triage"}}');
    expect(text).toContain('[:intent_strategy {:default :rules} [:enum :rules :llm]]');
    expect(text).toContain('[:max_attempts {:default 3} :int]');
    const parts = planData.planParts(data);
    expect(planData.stepIndex(parts?.body ?? [], 'note')).toBe((parts?.body.length ?? 0) - 2);
    expect(recheckPlan(data)).toBeUndefined();
  });

  it.each(GOALS)('runs end to end and gives the same final plan as the TS pipeline: %s', (goal) => {
    const { result } = plan(goal);
    expect(result.kind).toBe('ran');
    if (result.kind !== 'ran') return;
    expect(result.outcome.ok).toBe(true);
    const value = result.outcome.ok ? result.outcome.value : null;
    const finalPlan = value instanceof RMap ? value.get(Keyword.of('final_plan')) : undefined;
    const { catalog } = loadCatalog([CATALOG]);
    const direct = runPlannerPipeline(goal, catalog);
    expect(finalPlan).toBe(direct.plan_source);
  });
});

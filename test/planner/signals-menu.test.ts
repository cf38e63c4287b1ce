import { describe, expect, it } from 'vitest';
import { Keyword, RVector, printValue } from '../../src/data/index.js';
import {
  buildMenu,
  extractGoalSignals,
  extractIntent,
  makeCatalog,
  genTemplate,
  loadCatalogText,
} from '../../src/planner/index.js';
import { defaultCatalog } from './helpers.js';

function params(goal: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of extractIntent(goal).params) out[p.name] = `${p.role}:${printValue(p.value)}`;
  return out;
}

describe('rule-based intent extraction', () => {
  it('finds owner/repo, state, labels, filters and limits', () => {
    expect(
      params('list the first 5 open issues in acme/api labelled bug, filtered by "p1"'),
    ).toEqual({
      owner: 'input:"acme"',
      repo: 'input:"api"',
      state: 'qualifier:"open"',
      labels: 'qualifier:["bug"]',
      filter: 'qualifier:"p1"',
      limit: 'qualifier:5',
    });
  });

  it('finds emails, urls, paths, channels, dates, numbers and sort keys', () => {
    expect(params('email a@b.io the report from https://x.example/a.json')).toMatchObject({
      to: 'input:"a@b.io"',
      attendees: 'input:["a@b.io"]',
      url: 'input:"https://x.example/a.json"',
    });
    expect(params('read ./in/data.v2.csv and post to #ops')).toMatchObject({
      path: 'input:"./in/data.v2.csv"',
      channel: 'input:"#ops"',
    });
    expect(params('list events from 2026-01-01 to 2026-01-31')).toMatchObject({
      from: 'input:"2026-01-01"',
      to: 'input:"2026-01-31"',
    });
    expect(params('comment on issue #42, sorted by title descending')).toMatchObject({
      number: 'qualifier:42',
      by: 'qualifier::title',
      order: 'qualifier::desc',
    });
  });

  it('records ask-the-user topics, quoted strings and dates as facts', () => {
    const f = extractIntent('ask me for the due date then create "Q3 plan" on 2026-03-01').facts;
    expect(printValue(f['ask_user'] ?? null)).toBe('["due date"]');
    expect(printValue(f['quoted'] ?? null)).toBe('["Q3 plan"]');
    expect(printValue(f['dates'] ?? null)).toBe('["2026-03-01"]');
  });
});

describe('extractGoalSignals', () => {
  const catalog = defaultCatalog();

  it('adds a :must MustFilter for a filter constraint and :should catalog requirements', () => {
    const s = extractGoalSignals(
      'list open issues in acme/api and filter by "regression"',
      catalog,
    );
    const filter = s.requirements.find((r) => r.kind === 'must-filter');
    expect(filter).toMatchObject({
      priority: 'must',
      expected_value: 'regression',
      readiness: 'unknown',
    });
    const calls = s.requirements.filter((r) => r.kind === 'must-call-capability');
    expect(calls.length).toBeGreaterThan(0);
    expect(calls.every((r) => r.priority === 'should' && r.source.kind === 'catalog')).toBe(true);
    expect(calls[0]?.capability_id).toBe('github.list_issues');
    expect(s.catalog_snapshot).toBe(catalog.snapshot);
  });

  it('scores in [0, 1] and respects min_score and max_results', () => {
    const s = extractGoalSignals('send an email', catalog, { min_score: 0, max_results: 3 });
    const calls = s.requirements.filter((r) => r.kind === 'must-call-capability');
    expect(calls).toHaveLength(3);
    for (const r of calls) {
      const score = Number(/score ([\d.]+)/.exec(r.source.rationale ?? '')?.[1]);
      expect(score).toBeGreaterThanOrEqual(0);
      expect(score).toBeLessThanOrEqual(1);
    }
    expect(
      extractGoalSignals('send an email', catalog, { apply_catalog_search: false }).requirements,
    ).toEqual([]);
  });

  it('absorbs an intent: constraints keep their RTFS values', () => {
    const s = extractGoalSignals('triage', catalog, {
      intent: {
        name: 'triage',
        constraints: { filter: 'urgent', limit: 3 },
        success_criteria: 'done',
      },
      apply_catalog_search: false,
    });
    expect(s.constraints.map((c) => [c.name, c.source.kind])).toEqual([
      ['filter', 'intent-constraint'],
      ['limit', 'intent-constraint'],
    ]);
    expect(s.requirements[0]?.kind).toBe('must-filter');
    expect(s.contextual_facts['intent_name']).toBe('triage');
    expect(s.success_criteria).toEqual([{ description: 'done' }]);
  });
});

describe('buildMenu', () => {
  const catalog = defaultCatalog();

  it('sorts by (-score, id), truncates to the limit and keeps utilities', () => {
    const s = extractGoalSignals(
      'list open issues in acme/api labelled bug and email a summary to the team',
      catalog,
    );
    const m = buildMenu(s, catalog, { limit: 6 }).menu;
    expect(m).toHaveLength(6);
    for (let i = 1; i < m.length; i++) {
      const a = m[i - 1]!;
      const b = m[i]!;
      expect(a.score > b.score || (a.score === b.score && a.id < b.id)).toBe(true);
    }
    expect(m[0]?.id).toBe('github.list_issues');
    expect(m[0]?.required_inputs).toEqual(['owner', 'repo']);
    expect(m[0]?.optional_inputs).toEqual(['state', 'labels', 'limit']);
    expect(m[0]?.outputs).toContain('title');
    const wide = buildMenu(s, catalog, { limit: 40 }).menu;
    expect(wide.find((e) => e.id === 'ccos.echo')?.score).toBe(0.1);
  });

  it('pins :must requirements at score 1 and asks the user when the goal says so', () => {
    const s = extractGoalSignals('ask me for the city then get the weather there', catalog);
    const pinned = {
      ...s,
      requirements: [
        ...s.requirements,
        {
          id: 'requirement::must_call::stocks.get_quote',
          kind: 'must-call-capability' as const,
          capability_id: 'stocks.get_quote',
          priority: 'must' as const,
          source: { kind: 'derived' as const },
          readiness: 'identified' as const,
          metadata: {},
        },
      ],
    };
    const m = buildMenu(pinned, catalog, { limit: 2 }).menu;
    // pinned entries are kept past the limit: the must, the ask, the built-in list operations
    expect(m.map((e) => [e.id, e.score])).toEqual([
      ['ccos.user.ask', 1],
      ['stocks.get_quote', 1],
      ['core.data.count', 0.1],
      ['core.data.filter', 0.1],
      ['core.data.group', 0.1],
      ['core.data.sort', 0.1],
    ]);
  });

  it('adds a synthetic filter scaffold when no filtering capability exists', () => {
    const small = makeCatalog(
      loadCatalogText(
        '[{:id "svc.list_items" :description "List items" :effects [:read] :output-schema [:map [:items [:vector :any]]]}]',
        'c.rtfs',
      ).entries,
    );
    const s = extractGoalSignals('list items and filter by red', small);
    const r = buildMenu(s, small);
    const scaffold = r.menu.find((e) => e.id === 'core.gen.filter');
    expect(scaffold).toMatchObject({
      provenance: 'synthetic',
      metadata: { capability_status: 'scaffold' },
    });
    expect(r.discovery).toContainEqual(
      expect.objectContaining({ capability_id: 'core.gen.filter', status: 'scaffold' }),
    );
  });

  it('includes synthesized capabilities from gap resolution', () => {
    const s = extractGoalSignals('count things', defaultCatalog());
    const m = buildMenu(s, defaultCatalog(), { synthesized: [genTemplate('count')] }).menu;
    expect(m[0]).toMatchObject({
      id: 'core.gen.count',
      provenance: 'synthesized',
      score: 1,
      required_inputs: ['items'],
    });
    expect(m[0]?.input_schema).toBeInstanceOf(RVector);
    expect((m[0]?.input_schema as RVector).get(0)).toBe(Keyword.of('map'));
  });
});

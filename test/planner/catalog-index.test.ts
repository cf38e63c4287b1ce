/**
 * The per-catalog indexes (src/planner/catalog-index.ts, ADR 0021) give what the scans
 * they replace gave, on the evaluation goals and on a generated 5,000-capability catalog;
 * the catalog generator (bench/planner-catalog) is deterministic; planning on 5,000
 * generated capabilities gives a complete plan.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import '../../src/syntax/full.js';
import {
  type Catalog,
  buildMenu,
  extractGoalSignals,
  fuzzyMatch,
  rankCatalog,
  runPlannerPipeline,
  scoreEntry,
  signalQuery,
  schemaInfo,
} from '../../src/planner/index.js';
import { isMetaCapability } from '../../src/planner/scoring.js';
import { compareIds, round4, tokens } from '../../src/planner/text.js';
import { menuCandidates } from '../../src/planner/catalog-index.js';
import { EVAL_DIR, loadGoals } from '../../scripts/eval-planner/goals.js';
import { evalCatalog } from '../../scripts/eval-planner/run.js';
import { generatedCatalog } from '../../bench/planner-catalog/catalog.js';
import {
  catalogSource,
  generateCatalog,
  generatedGoals,
} from '../../bench/planner-catalog/generate.js';

/** rankCatalog as a scan of every entry (before the index). */
function scanRank(catalog: Catalog, query: readonly string[]): { id: string; score: number }[] {
  return catalog.entries
    .filter((e) => !isMetaCapability(e.id))
    .map((e) => ({ id: e.id, score: scoreEntry(e, query) }))
    .filter((h) => h.score > 0)
    .sort((a, b) => b.score - a.score || compareIds(a.id, b.id));
}

/** The ids a menu scan scored at or above 0.3 (words plus the given-inputs bonus). */
function scanMenuIds(catalog: Catalog, query: readonly string[], given: Set<string>): string[] {
  return catalog.entries
    .filter((e) => !isMetaCapability(e.id) && !e.id.startsWith('ccos.'))
    .filter((e) => {
      const required = schemaInfo(e).inputs.filter((i) => !i.optional);
      const have = required.filter((i) => given.has(i.name)).length;
      const bonus = required.length > 0 ? (0.3 * have) / required.length : 0;
      return round4(Math.min(1, scoreEntry(e, query) + bonus)) >= 0.3;
    })
    .map((e) => e.id);
}

const idTokens = (id: string): string[] =>
  tokens(id.replace(/^(?:generated|core\.data|core\.gen)\./, '')).map((t) =>
    ['list', 'fetch', 'retrieve'].includes(t) ? 'get' : t,
  );

/** fuzzyMatch as a scan (ids not starting with `generated.`). */
function scanFuzzy(requested: string, catalog: Catalog): string | undefined {
  const last = requested.split('.').pop() ?? requested;
  const candidates = catalog.entries.filter(
    (e) => !isMetaCapability(e.id) && !e.id.startsWith('ccos.'),
  );
  const sameLast = candidates.filter((e) => (e.id.split('.').pop() ?? '') === last);
  if (sameLast.length > 0) return [...sameLast].sort((a, b) => compareIds(a.id, b.id))[0]?.id;
  const rt = idTokens(requested);
  let best: { id: string; score: number } | undefined;
  for (const e of candidates) {
    const et = new Set(idTokens(e.id));
    const inter = new Set(rt.filter((t) => et.has(t))).size;
    const union = new Set([...rt, ...et]).size;
    const score = union === 0 ? 0 : inter / union;
    if (score < 0.5) continue;
    if (best === undefined || score > best.score || (score === best.score && e.id < best.id))
      best = { id: e.id, score };
  }
  return best?.id;
}

function checkIndexes(catalog: Catalog, goals: readonly string[]): number {
  let checked = 0;
  for (const goal of goals) {
    let signals;
    try {
      signals = extractGoalSignals(goal, catalog);
    } catch {
      continue; // an ambiguous goal: no signals to compare
    }
    const query = signalQuery(signals);
    expect(rankCatalog(catalog, query), goal).toEqual(scanRank(catalog, query));
    const given = new Set(signals.constraints.map((c) => c.name));
    const candidates = new Set(menuCandidates(catalog, query, given).map((e) => e.id));
    for (const id of scanMenuIds(catalog, query, given)) expect(candidates, goal).toContain(id);
    expect(buildMenu(signals, catalog).menu.length, goal).toBeGreaterThan(0);
    checked++;
  }
  return checked;
}

const big = generatedCatalog(5000);
const bigGoals = generatedGoals(generateCatalog(5000), 12);

describe('catalog indexes', () => {
  it('rank and menu candidates as the scans did, on the evaluation goals', () => {
    let checked = 0;
    for (const f of ['goals.rtfs', 'holdout.rtfs', 'blind.rtfs']) {
      for (const g of loadGoals(join(EVAL_DIR, f)))
        checked += checkIndexes(evalCatalog(g.catalog), [g.goal]);
    }
    expect(checked).toBeGreaterThan(90);
  });

  it('fuzzy matches as the scan did', () => {
    const catalog = evalCatalog('default');
    const requested = [
      ...catalog.entries.map((e) => e.id.replace(/^[^.]+\./, 'svc.')),
      ...catalog.entries.map((e) => `x.${e.id.split('.').pop() ?? ''}_items`),
      'mail.send_mail',
      'github.fetch_issues',
      'weather.forecast',
      'nothing.here',
    ];
    for (const r of requested) expect(fuzzyMatch(r, catalog), r).toBe(scanFuzzy(r, catalog));
  });

  it('rank and menu candidates as the scans did, on 5,000 generated capabilities', () => {
    expect(checkIndexes(big, bigGoals)).toBe(bigGoals.length);
  });

  it('plans a goal on 5,000 generated capabilities', () => {
    const goal = bigGoals.find((g) => g.startsWith('get ')) ?? '';
    const r = runPlannerPipeline(goal, big);
    expect(r.gaps).toEqual([]);
    expect(r.plan_source).toContain('(call "sms.send"');
    const service = goal.split(' ')[1] ?? '';
    expect(r.plan_source).toContain(`(call "${service}.get_`);
  });
});

describe('catalog generator', () => {
  it('is deterministic for a seed, and the seed matters', () => {
    const a = generateCatalog(300, 7);
    expect(generateCatalog(300, 7)).toEqual(a);
    expect(catalogSource(a, 'h')).toBe(catalogSource(generateCatalog(300, 7), 'h'));
    expect(generateCatalog(3000, 8)).not.toEqual(generateCatalog(3000, 7));
    expect(generatedGoals(a, 8, 3)).toEqual(generatedGoals(generateCatalog(300, 7), 8, 3));
  });

  it('gives N distinct, loadable capabilities', () => {
    for (const n of [64, 5000]) {
      const caps = generateCatalog(n);
      expect(caps).toHaveLength(n);
      expect(new Set(caps.map((c) => c.id)).size).toBe(n);
    }
    expect(big.entries.filter((e) => !e.builtin)).toHaveLength(5000);
  });
});

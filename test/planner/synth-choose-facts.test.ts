/**
 * `bestChoice` reads the clause's tokens, verb surface and named services once per clause
 * and caches each entry's id parts and description tokens (ADR 0048). Oracle: for every
 * clause of a set of goals and every context, the best entry and its terms equal those
 * of scoring each entry alone with `explainChoice` (which reads the clause afresh), with
 * the caches cold and warmed in the other order.
 */
import { describe, expect, it } from 'vitest';
import {
  bestChoice,
  buildMenu,
  explainChoice,
  extractGoalSignals,
  splitClauses,
} from '../../src/planner/index.js';
import type { ChoiceContext } from '../../src/planner/synth/choose.js';
import { compareIds } from '../../src/planner/text.js';
import type { MenuEntry } from '../../src/planner/types.js';
import { defaultCatalog } from './helpers.js';

const GOALS = [
  'list pending orders in fedex and send them by SMS to +15551234567',
  'search slack messages for "outage" and count them',
  'get pagerduty metric 42 and send it by SMS to +15551234567',
  'count the pending orders in woocommerce',
  'list the pull requests of acme/api, and if any pull request is a draft, notify me on slack',
  'for each product with fewer than 5 units in stock, order 20 more',
  'busca los issues abiertos de acme/api y publícalos en #dev en slack',
  'list the issues in acme/api labelled with needs-triage and post them to #triage',
  'get the weather in Paris and if the temperature is below 5, email me at bob@example.com',
  'print the open issues of acme/api on the office printer and tweet them on Twitter',
  'translate the file notes.txt into French and save it to out.txt',
];

const CONTEXTS: readonly ChoiceContext[] = [
  { clauseParams: new Set(), goalInputs: new Set(), hasPrevious: false },
  {
    clauseParams: new Set(['path', 'channel', 'phone', 'to', 'repo']),
    goalInputs: new Set(['repo', 'limit']),
    hasPrevious: true,
    itemFields: new Set(['number', 'id']),
  },
];

type Best = { id: string; score: number; terms: string[] } | undefined;

/** The best entry by scoring each one alone (ties by id), as `bestChoice` chooses. */
function bestAlone(
  clause: Parameters<typeof explainChoice>[0],
  menu: readonly MenuEntry[],
  ctx: ChoiceContext,
): Best {
  let best: Best;
  for (const m of menu) {
    if (m.id.startsWith('ccos.')) continue;
    if (m.metadata['capability_status'] === 'scaffold' && clause.kind !== 'transform') continue;
    const { score, terms } = explainChoice(clause, m, ctx);
    if (
      best === undefined ||
      score > best.score ||
      (score === best.score && compareIds(m.id, best.id) < 0)
    )
      best = { id: m.id, score, terms };
  }
  return best;
}

function cases(): { clause: ReturnType<typeof splitClauses>[number]; menu: MenuEntry[] }[] {
  const catalog = defaultCatalog();
  const out: { clause: ReturnType<typeof splitClauses>[number]; menu: MenuEntry[] }[] = [];
  for (const goal of GOALS) {
    const menu = buildMenu(extractGoalSignals(goal, catalog), catalog).menu;
    for (const clause of splitClauses(goal)) out.push({ clause, menu });
  }
  return out;
}

describe('bestChoice reads each clause once', () => {
  it('chooses and explains as scoring each entry alone, in either order', () => {
    const all = cases();
    expect(all.length).toBeGreaterThan(15);
    for (const order of [all, [...all].reverse()])
      for (const { clause, menu } of order)
        for (const ctx of CONTEXTS) {
          const r = bestChoice(clause, menu, ctx);
          const expected = bestAlone(clause, menu, ctx);
          expect(
            r === undefined ? undefined : { id: r.entry.id, score: r.score, terms: r.terms },
          ).toEqual(expected);
        }
  });

  it('gives every entry the terms it gets alone, whatever was scored before', () => {
    for (const { clause, menu } of cases()) {
      const ctx = CONTEXTS[1] as ChoiceContext;
      const first = menu.map((m) => explainChoice(clause, m, ctx));
      const again = [...menu]
        .reverse()
        .map((m) => explainChoice(clause, m, ctx))
        .reverse();
      expect(again).toEqual(first);
      menu.forEach((m, i) =>
        expect(bestChoice(clause, [m], ctx)?.terms ?? first[i]?.terms).toEqual(first[i]?.terms),
      );
    }
  });
});

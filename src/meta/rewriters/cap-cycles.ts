/**
 * RW2 `cap-refinement-cycles(N)`: bounds the refinement loop whatever the caller passes:
 * `:max_cycles E` → `(min N E)` in the loop's initial state and `:max-iterations X` →
 * `(min N+1 X)` on the loop call. Applying it twice changes nothing; a tighter earlier
 * cap is kept. Refused when the plan has no `ccos.control.loop` with `:max_cycles`.
 */
import { type Value, Keyword, RList, RMap } from '../../data/index.js';
import type { Rewriter } from '../rewriter.js';
import { callId, isHead, kw, list, sym, transform } from '../plan-data.js';
import { diffEdits } from '../diff-edits.js';

/** `(min n x)`: n when `v` is already a min with a numeric first argument. */
function capped(v: Value, n: number): Value {
  if (isHead(v, 'min') && v.count === 3 && typeof v.items[1] === 'number') {
    const k = v.items[1];
    return k <= n ? v : list(sym('min'), n, v.items[2] as Value);
  }
  if (typeof v === 'number') return Math.min(v, n);
  return list(sym('min'), n, v);
}

export function capRefinementCycles(n: number): Rewriter {
  return {
    id: 'cap-refinement-cycles',
    version: '1',
    params: RMap.fromFlat([kw('max_cycles'), n]),
    rewrite(plan) {
      if (!Number.isSafeInteger(n) || n < 0)
        return { ok: false, reason: `the cap must be a non-negative integer, got ${n}` };
      let found = false;
      const maxCycles = Keyword.of('max_cycles');
      const maxIter = Keyword.of('max-iterations');
      const init = Keyword.of('initial_state');
      const next = transform(plan, (v) => {
        if (callId(v) !== 'ccos.control.loop' || !(v instanceof RList)) return v;
        const m = v.items[2];
        if (!(m instanceof RMap)) return v;
        const state = m.get(init);
        if (!(state instanceof RMap) || !state.has(maxCycles)) return v;
        found = true;
        let args = m.assoc(init, state.assoc(maxCycles, capped(state.get(maxCycles) as Value, n)));
        args = args.assoc(maxIter, capped(m.get(maxIter) ?? n + 1, n + 1));
        const items = [...v.items];
        items[2] = args;
        return new RList(items, v.span, v.meta);
      });
      if (!found)
        return { ok: false, reason: 'the plan has no ccos.control.loop with :max_cycles to cap' };
      return { ok: true, plan: next, edits: diffEdits(plan, next) };
    },
  };
}

/**
 * RW6 `pin-catalog-snapshot`: adds `:catalog_snapshot "<sha256>"` to every call of the
 * planner capabilities that read the catalog, so a run (or a replay) with a different
 * catalog fails fast. Refused without a snapshot, or when a different one is pinned.
 */
import { type Value, Keyword, RList, RMap } from '../../data/index.js';
import type { Rewriter } from '../rewriter.js';
import { callId, isHead, kw, list, sym, transform, walk } from '../plan-data.js';
import { diffEdits } from '../diff-edits.js';

export const CATALOG_READERS = new Set([
  'planner.extract_goal_signals',
  'planner.build_capability_menu',
  'planner.resolve_capability_gaps',
]);

export function pinCatalogSnapshot(snapshot?: string): Rewriter {
  return {
    id: 'pin-catalog-snapshot',
    version: '1',
    params: snapshot === undefined ? RMap.EMPTY : RMap.fromFlat([kw('snapshot'), snapshot]),
    rewrite(plan, ctx) {
      const hash = snapshot ?? ctx.catalogSnapshot;
      if (hash === undefined) return { ok: false, reason: 'no catalog snapshot to pin' };
      const key = Keyword.of('catalog_snapshot');
      let conflict: string | undefined;
      let calls = 0;
      walk(plan, (v) => {
        const id = callId(v);
        if (id === undefined || !CATALOG_READERS.has(id) || !(v instanceof RList)) return;
        calls++;
        const m = v.items[2];
        const pinned = m instanceof RMap ? m.get(key) : undefined;
        if (typeof pinned === 'string' && pinned !== hash) conflict = pinned;
      });
      if (conflict !== undefined)
        return {
          ok: false,
          reason: `the plan is pinned to another catalog snapshot (${conflict.slice(0, 12)}…)`,
        };
      if (calls === 0)
        return { ok: false, reason: 'the plan calls no planner capability that reads the catalog' };
      const next = transform(plan, (v) => {
        const id = callId(v);
        if (id === undefined || !CATALOG_READERS.has(id) || !(v instanceof RList)) return v;
        const m = v.items[2] ?? null;
        let args: Value;
        if (m instanceof RMap) args = m.get(key) === hash ? m : m.assoc(key, hash);
        else if (isHead(m, 'assoc') && m.items[2] === key) args = m;
        else args = list(sym('assoc'), m, key, hash);
        if (args === m) return v;
        const items = [...v.items];
        items[2] = args;
        return new RList(items, v.span, v.meta);
      });
      return { ok: true, plan: next, edits: diffEdits(plan, next) };
    },
  };
}

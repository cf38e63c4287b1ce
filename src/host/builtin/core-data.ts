/**
 * `core.data.*`: pure data capabilities that plans use without network:
 * filter, map, sort, group, select-keys, create_map (identity on its input map, as
 * the reference's cognitive_flow.rtfs uses it), zipmap, count.
 */
import { type Value, Keyword, RMap, RVector, equals, printValue } from '../../data/index.js';
import { RtfsError, applyFn } from '../../runtime/index.js';
import type { Capability } from '../capability.js';
import { withSchemas } from './schema.js';

const k = (n: string): Keyword => Keyword.of(n);
const ITEMS = k('items');

function items(input: Value): Value[] {
  return ((input as RMap).get(ITEMS) as RVector).toArray();
}

function field(item: Value, key: Value): Value {
  return item instanceof RMap ? (item.get(key) ?? null) : null;
}

function pure(
  id: string,
  description: string,
  input: string,
  output: string,
  impl: (input: RMap) => Value,
): Capability {
  return withSchemas(
    { id, description, effects: ['pure'], standard: true, impl: (v) => impl(v as RMap) },
    { input, output },
  );
}

/** Order for sorting: numbers, then strings, then keywords, then anything by print. */
function compareValues(a: Value, b: Value): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  const pa = printValue(a);
  const pb = printValue(b);
  return pa < pb ? -1 : pa > pb ? 1 : 0;
}

export const coreDataCapabilities: readonly Capability[] = [
  pure(
    'core.data.filter',
    'Keep the items whose fields equal every entry of :where (or for which :pred is truthy).',
    '[:map [:items [:vector :any]] [:where :map?] [:pred :fn?]]',
    '[:vector :any]',
    (m) => {
      const where = m.get(k('where'));
      const pred = m.get(k('pred'));
      return RVector.from(
        items(m).filter((it) => {
          if (where instanceof RMap) {
            let ok = true;
            where.forEach((v, key) => {
              if (ok && !equals(field(it, key), v)) ok = false;
            });
            if (!ok) return false;
          }
          if (pred !== undefined && pred !== null) {
            const r = applyFn(pred, [it]);
            return r !== null && r !== false;
          }
          return true;
        }),
      );
    },
  ),
  pure(
    'core.data.map',
    'Transform each item: pluck :key, or apply :fn.',
    '[:map [:items [:vector :any]] [:key :any?] [:fn :fn?]]',
    '[:vector :any]',
    (m) => {
      const key = m.get(k('key'));
      const fn = m.get(k('fn'));
      if ((key === undefined || key === null) && (fn === undefined || fn === null)) {
        throw new RtfsError('capability/invalid-input', 'core.data.map needs :key or :fn');
      }
      return RVector.from(
        items(m).map((it) =>
          fn !== undefined && fn !== null ? applyFn(fn, [it]) : field(it, key as Value),
        ),
      );
    },
  ),
  pure(
    'core.data.sort',
    'Sort items by the field :by (or by value), :order :asc (default) or :desc. Stable.',
    '[:map [:items [:vector :any]] [:by :any?] [:order [:enum :asc :desc] {:optional true}]]',
    '[:vector :any]',
    (m) => {
      const by = m.get(k('by'));
      const desc = m.get(k('order')) === k('desc');
      const key = (it: Value): Value => (by === undefined || by === null ? it : field(it, by));
      const sorted = items(m)
        .map((it, i) => ({ it, i }))
        .sort((a, b) => compareValues(key(a.it), key(b.it)) * (desc ? -1 : 1) || a.i - b.i);
      return RVector.from(sorted.map((x) => x.it));
    },
  ),
  pure(
    'core.data.group',
    'Group items by the value of field :by: a map from that value to the items, in first-seen order.',
    '[:map [:items [:vector :any]] [:by :any]]',
    ':map',
    (m) => {
      const by = m.get(k('by')) as Value;
      let out = RMap.EMPTY;
      for (const it of items(m)) {
        const g = field(it, by);
        const prev = out.get(g);
        out = out.assoc(g, prev instanceof RVector ? prev.conj(it) : RVector.of(it));
      }
      return out;
    },
  ),
  pure(
    'core.data.select-keys',
    'Keep only :keys of each item (of :items), or of a single :item.',
    '[:map [:keys [:vector :any]] [:items [:vector :any] {:optional true}] [:item :map?]]',
    ':any',
    (m) => {
      const keys = (m.get(k('keys')) as RVector).toArray();
      const pick = (it: Value): Value => {
        if (!(it instanceof RMap)) return it;
        const flat: Value[] = [];
        for (const key of keys) {
          const v = it.get(key);
          if (v !== undefined) flat.push(key, v);
        }
        return RMap.fromFlat(flat);
      };
      const one = m.get(k('item'));
      return one !== undefined && one !== null
        ? pick(one)
        : RVector.from(((m.get(ITEMS) as RVector | undefined)?.toArray() ?? []).map(pick));
    },
  ),
  pure(
    'core.data.create_map',
    'Returns its input map (the reference cognitive_flow.rtfs builds its result with it).',
    ':map',
    ':map',
    (m) => m,
  ),
  pure(
    'core.data.zipmap',
    'Build a map from :keys and :values (zipped, as zipmap), or from :entries [[k v] …].',
    '[:union [:map [:keys [:vector :any]] [:values [:vector :any]]] [:map [:entries [:vector [:tuple :any :any]]]]]',
    ':map',
    (m) => {
      const entries = m.get(k('entries'));
      const flat: Value[] = [];
      if (entries instanceof RVector) {
        for (const e of entries)
          flat.push((e as RVector).get(0) as Value, (e as RVector).get(1) as Value);
      } else {
        const keys = (m.get(k('keys')) as RVector).toArray();
        const vals = (m.get(k('values')) as RVector).toArray();
        if (keys.length !== vals.length) {
          throw new RtfsError(
            'capability/invalid-input',
            `core.data.zipmap: ${keys.length} keys but ${vals.length} values`,
          );
        }
        keys.forEach((key, i) => flat.push(key, vals[i] as Value));
      }
      return RMap.fromFlat(flat);
    },
  ),
  pure(
    'core.data.count',
    'The number of items.',
    '[:map [:items [:vector :any]]]',
    ':int',
    (m) => items(m).length,
  ),
];

/**
 * The value a dry run returns for a capability it does not execute. When the output
 * schema describes a record, the value is a record with every required key filled by
 * a sample of its type plus `:simulated true :capability id :input args`, so that the
 * steps after it (which read `(get … :issues)` and pass it on) run against values of
 * the declared shape. Strings, numbers, vectors … get an empty or zero sample (an
 * `:any` field an empty vector). Without
 * a schema, or for `:nil` / `:any`, it is the marker map `{:simulated true
 * :capability id :input args}`.
 */
import { type Value, Keyword, RFloat, RList, RMap, RVector } from '../data/index.js';
import type { TypeAst } from '../types/index.js';
import type { Capability } from './capability.js';

const kw = (n: string): Keyword => Keyword.of(n);

function marker(cap: Capability, input: Value): RMap {
  return RMap.fromFlat([kw('simulated'), true, kw('capability'), cap.id, kw('input'), input]);
}

/** A value of type `t` (undefined when none is simple to make: use the marker). */
function sample(t: TypeAst, label: string, depth: number): Value | undefined {
  if (depth > 6) return undefined;
  switch (t.kind) {
    case 'prim':
      switch (t.name) {
        case 'string':
          return `simulated ${label}`;
        case 'int':
        case 'number':
          return 0;
        case 'float':
          return new RFloat(0);
        case 'bool':
          return false;
        case 'keyword':
          return kw('simulated');
        case 'vector':
          return RVector.EMPTY;
        case 'list':
          return RList.EMPTY;
        case 'map':
          return RMap.fromFlat([kw('simulated'), true]);
        case 'any':
          // Untyped payload fields are most often lists of items.
          return depth > 0 ? RVector.EMPTY : undefined;
        default:
          return undefined;
      }
    case 'optional':
      return sample(t.inner, label, depth + 1) ?? null;
    case 'vector':
    case 'array':
      return RVector.EMPTY;
    case 'list':
      return RList.EMPTY;
    case 'tuple': {
      const items: Value[] = [];
      for (const e of t.elements) {
        const v = sample(e, label, depth + 1);
        if (v === undefined) return undefined;
        items.push(v);
      }
      return RVector.from(items);
    }
    case 'map': {
      const flat: Value[] = [];
      for (const e of t.entries) {
        if (e.optional) continue;
        const v = sample(e.type, label, depth + 1);
        if (v === undefined) return undefined;
        flat.push(e.key, v);
      }
      if (t.rest === undefined) flat.push(kw('simulated'), true);
      return RMap.fromFlat(flat);
    }
    case 'map-of':
      return RMap.EMPTY;
    case 'union':
      for (const m of t.members) {
        const v = sample(m, label, depth + 1);
        if (v !== undefined) return v;
      }
      return undefined;
    case 'and':
      return t.types[0] !== undefined ? sample(t.types[0], label, depth + 1) : undefined;
    case 'enum':
      return t.values[0];
    case 'val':
      return t.value;
    case 'fn':
    case 'resource':
      return undefined;
  }
}

/** The simulated result of `cap` on `input` (see the module comment). */
export function simulatedValue(cap: Capability, input: Value): Value {
  const t = cap.outputSchema;
  if (t === undefined || (t.kind === 'prim' && (t.name === 'any' || t.name === 'nil')))
    return marker(cap, input);
  const v = sample(t, cap.id, 0);
  if (v === undefined) return marker(cap, input);
  if (v instanceof RMap && v.has(kw('simulated'))) {
    return v.assoc(kw('capability'), cap.id).assoc(kw('input'), input);
  }
  return v;
}

/**
 * A stand-in for a plan input a dry-run child plan was not given: `"<name>"` for a string,
 * else a sample of its type (undefined when none is simple to make).
 */
export function placeholderInput(name: string, t: TypeAst): Value | undefined {
  if (t.kind === 'prim' && t.name === 'string') return `<${name}>`;
  return sample(t, name, 0);
}

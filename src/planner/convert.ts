/**
 * RTFS values ↔ the planner's TS data (types.ts). Maps get keyword keys (sorted, so
 * the printed form never depends on construction order), strings in enum fields
 * become keywords, score-like numbers are floats, and a few fields (`value`,
 * `contextual_facts` values, schema forms) carry RTFS values through untouched.
 */
import {
  type Value,
  Keyword,
  RFloat,
  RList,
  RMap,
  RVector,
  Sym,
  printValue,
} from '../data/index.js';

/** Fields whose string values are keywords in RTFS (kebab-case enum values). */
const KEYWORD_FIELDS: ReadonlySet<string> = new Set([
  'kind',
  'priority',
  'readiness',
  'status',
  'provenance',
  'strategy',
  'outcome',
  'method',
  'effects',
  'provision_source',
  'role',
  'measure',
  'op',
]);

/** Fields whose numbers are always floats. */
const FLOAT_FIELDS: ReadonlySet<string> = new Set(['score', 'weight', 'temperature']);

/** Fields holding RTFS values as they are. */
const OPAQUE_FIELDS: ReadonlySet<string> = new Set([
  'value',
  'input_schema',
  'output_schema',
  'example',
]);

/** Fields whose children (map values) are RTFS values as they are. */
const OPAQUE_CHILDREN: ReadonlySet<string> = new Set([
  'contextual_facts',
  'inputs_known',
  'known_inputs',
]);

function isRtfsObject(x: object): x is Exclude<Value, null | boolean | number | bigint | string> {
  return (
    x instanceof RMap ||
    x instanceof RVector ||
    x instanceof RList ||
    x instanceof Keyword ||
    x instanceof Sym ||
    x instanceof RFloat ||
    ('kind' in x && Object.getPrototypeOf(x) !== Object.prototype)
  );
}

/** TS data → RTFS value (see the module comment). */
export function toRtfs(x: unknown, field = ''): Value {
  if (x === undefined || x === null) return null;
  if (OPAQUE_FIELDS.has(field)) return x as Value;
  switch (typeof x) {
    case 'boolean':
    case 'bigint':
      return x;
    case 'string':
      return KEYWORD_FIELDS.has(field) ? Keyword.of(x) : x;
    case 'number':
      return FLOAT_FIELDS.has(field) || !Number.isSafeInteger(x) ? new RFloat(x) : x;
    case 'object':
      break;
    default:
      return null;
  }
  if (Array.isArray(x)) return RVector.from(x.map((e: unknown) => toRtfs(e, field)));
  if (isRtfsObject(x)) return x;
  const obj = x as { readonly [key: string]: unknown };
  const flat: Value[] = [];
  for (const key of Object.keys(obj).sort()) {
    const v = obj[key];
    if (v === undefined) continue;
    flat.push(Keyword.of(key), OPAQUE_CHILDREN.has(field) ? (v as Value) : toRtfs(v, key));
  }
  return RMap.fromFlat(flat);
}

/** The name of a map key: a keyword's or symbol's name, a string, or its printed form. */
export function keyName(k: Value): string {
  if (k instanceof Keyword || k instanceof Sym) return k.name;
  return typeof k === 'string' ? k : printValue(k);
}

/** RTFS value → TS data, before a zod schema checks it (see the module comment). */
export function fromRtfs(v: Value, field = ''): unknown {
  if (OPAQUE_FIELDS.has(field)) return v;
  if (v === null || typeof v !== 'object') return typeof v === 'bigint' ? Number(v) : v;
  switch (v.kind) {
    case 'keyword':
    case 'symbol':
      return v.name;
    case 'float':
      return v.value;
    case 'vector':
      return v.toArray().map((e) => fromRtfs(e, field));
    case 'list':
      return v.items.map((e) => fromRtfs(e, field));
    case 'map': {
      const out: Record<string, unknown> = {};
      v.forEach((val, k) => {
        const name = keyName(k);
        out[name] = OPAQUE_CHILDREN.has(field) ? val : fromRtfs(val, name);
      });
      return out;
    }
    default:
      return v;
  }
}

/** Approximate type compatibility for binding a step output to an input. */
import { type Value, RFloat, RVector } from '../../data/index.js';
import { matchesType, type TypeAst } from '../../types/index.js';

type Family =
  'any' | 'string' | 'number' | 'bool' | 'keyword' | 'seq' | 'map' | 'fn' | 'nil' | 'other';

function families(t: TypeAst): Family[] {
  switch (t.kind) {
    case 'prim':
      switch (t.name) {
        case 'any':
          return ['any'];
        case 'string':
          return ['string'];
        case 'int':
        case 'float':
        case 'number':
          return ['number'];
        case 'bool':
          return ['bool'];
        case 'keyword':
          return ['keyword'];
        case 'vector':
        case 'list':
          return ['seq'];
        case 'map':
          return ['map'];
        case 'fn':
          return ['fn'];
        case 'nil':
          return ['nil'];
        default:
          return ['other'];
      }
    case 'optional':
      return families(t.inner);
    case 'vector':
    case 'list':
    case 'tuple':
    case 'array':
      return ['seq'];
    case 'map':
    case 'map-of':
      return ['map'];
    case 'union':
      return t.members.flatMap(families);
    case 'and':
      return t.types.length > 0 ? families(t.types[0] as TypeAst) : ['any'];
    case 'enum':
    case 'val': {
      const vs = t.kind === 'enum' ? t.values : [t.value];
      return vs.map((v) =>
        typeof v === 'string' ? 'string' : typeof v === 'number' ? 'number' : 'keyword',
      );
    }
    case 'fn':
      return ['fn'];
    case 'resource':
      return ['other'];
  }
}

/** True when a value of type `source` can plausibly be passed where `target` is expected. */
export function accepts(target: TypeAst, source: TypeAst): boolean {
  const t = families(target);
  const s = families(source);
  if (t.includes('any') || s.includes('any')) return true;
  return s.some((f) => t.includes(f));
}

/** `value` coerced to fit `type` when a simple coercion does (scalar → [scalar], "3" → 3). */
export function coerceLiteral(type: TypeAst, value: Value): Value | undefined {
  if (matchesType(type, value)) return value;
  if (typeof value === 'number' && matchesType(type, new RFloat(value))) return new RFloat(value);
  if (!(value instanceof RVector)) {
    const wrapped = RVector.of(value);
    if (matchesType(type, wrapped)) return wrapped;
  }
  if (typeof value === 'string' && /^-?\d+$/.test(value)) {
    const n = Number(value);
    if (matchesType(type, n)) return n;
  }
  if (typeof value === 'number' && matchesType(type, String(value))) return String(value);
  return undefined;
}

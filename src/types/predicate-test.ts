/**
 * Refinement predicates (`[:and T pred …]`) as tests on values, for the validators of
 * compile.ts.
 */
import { type Value, type RMap, Keyword, equals } from '../data/index.js';
import type { Predicate } from './ast.js';
import { formatPredicate } from './format.js';
import { numericValue } from './type-predicates.js';
import { compileLinearRegex } from '../data/linear-regex.js';

const isNumberV = (v: Value) =>
  typeof v === 'number' ||
  typeof v === 'bigint' ||
  (typeof v === 'object' && v !== null && v.kind === 'float');

function isMap(v: Value): v is RMap {
  return typeof v === 'object' && v !== null && v.kind === 'map';
}

/** Numeric `a` vs `b` (either may be a bigint); NaN compares as unordered. */
function cmp(a: number | bigint, b: number | bigint): number {
  if (a < b) return -1;
  if (a > b) return 1;
  if (typeof a === 'number' && a !== a) return NaN;
  if (typeof b === 'number' && b !== b) return NaN;
  return 0;
}

/** The number of characters (code points) of a string or entries of a collection; -1 otherwise. */
function sizeOf(v: Value): number {
  if (typeof v === 'string') {
    let n = v.length;
    for (let i = 0; i < v.length; i++) {
      const c = v.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < v.length) {
        const d = v.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) {
          n--;
          i++;
        }
      }
    }
    return n;
  }
  if (typeof v !== 'object' || v === null) return -1;
  switch (v.kind) {
    case 'vector':
      return v.count;
    case 'list':
      return v.items.length;
    case 'map':
      return v.size;
    default:
      return -1;
  }
}

/** The keys to try for a `:has-key` lookup: the key and its keyword/string twin. */
function keyForms(k: Value): [Value, Value] {
  if (k instanceof Keyword) return [k, k.name];
  if (typeof k === 'string') return [k, Keyword.of(k)];
  return [k, k];
}

function hasKey(v: Value, [a, b]: [Value, Value]): boolean {
  return isMap(v) && (v.has(a) || v.has(b));
}

/** A refinement predicate as a boolean test on RTFS values. */
export function predicateTest(p: Predicate): (v: Value) => boolean {
  switch (p.kind) {
    case 'compare': {
      const lit = p.value;
      if (!isNumberV(lit)) {
        return p.op === '!=' ? (v) => !equals(v, lit) : (v) => equals(v, lit);
      }
      const b = numericValue(lit);
      const ok = compareOk(p.op);
      return (v) => {
        if (!isNumberV(v)) return p.op === '!=';
        return ok(cmp(numericValue(v), b));
      };
    }
    case 'size': {
      const n = p.n;
      switch (p.op) {
        case 'min-length':
        case 'min-count':
          return (v) => sizeOf(v) >= n;
        case 'max-length':
        case 'max-count':
          return (v) => {
            const s = sizeOf(v);
            return s >= 0 && s <= n;
          };
        case 'length':
        case 'count':
          return (v) => sizeOf(v) === n;
      }
      break;
    }
    case 'matches-regex': {
      const r = compileLinearRegex(p.pattern);
      // The analyzer rejected a pattern that does not compile: such a predicate never holds.
      if (r.kind !== 'ok') return () => false;
      const re = r.re;
      return (v) => typeof v === 'string' && re.test(v);
    }
    case 'in-range': {
      const lo = numericValue(p.lo);
      const hi = numericValue(p.hi);
      return (v) => {
        if (!isNumberV(v)) return false;
        const x = numericValue(v);
        return cmp(x, lo) >= 0 && cmp(x, hi) <= 0;
      };
    }
    case 'non-empty':
      return (v) => sizeOf(v) > 0;
    case 'has-key': {
      const forms = keyForms(p.key);
      return (v) => hasKey(v, forms);
    }
    case 'required-keys': {
      const all = p.keys.map(keyForms);
      return (v) => {
        for (let i = 0; i < all.length; i++) if (!hasKey(v, all[i] as [Value, Value])) return false;
        return true;
      };
    }
  }
  throw new Error(`unreachable predicate ${formatPredicate(p)}`);
}

function compareOk(op: '>' | '>=' | '<' | '<=' | '=' | '!='): (c: number) => boolean {
  switch (op) {
    case '>':
      return (c) => c > 0;
    case '>=':
      return (c) => c >= 0;
    case '<':
      return (c) => c < 0;
    case '<=':
      return (c) => c <= 0;
    case '=':
      return (c) => c === 0;
    case '!=':
      return (c) => c !== 0;
  }
}

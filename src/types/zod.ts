/**
 * `toZod`: an RTFS type as a zod schema for JSON-shaped data (what `JSON.parse`
 * returns: null, booleans, numbers, strings, arrays, plain objects), for the host
 * boundary (capability inputs and outputs, JSON files). RTFS values themselves are
 * checked by the closure validators of compile.ts (docs/adr/0004-type-validators.md).
 *
 * JSON has no keywords, symbols or boxed floats, so: keywords and symbols are
 * strings (`serialize-json` drops the colon), `:int` is an integral number, `:float`
 * and `:number` any number, map keys are strings, timestamps are ISO date-time
 * strings, UUIDs 8-4-4-4-12 hex strings, resources `resource://…` strings, and
 * `:fn` matches nothing.
 */
import * as z from 'zod/mini';
import './zod-english.js';
import { type Value, Keyword, toPlain } from '../data/index.js';
import type { Predicate, PrimName, TypeAst } from './ast.js';
import { formatType } from './format.js';
import { numericValue } from './type-expr.js';
import { compileLinearRegex } from '../data/linear-regex.js';

/** A zod schema that accepts exactly the JSON data that the RTFS type describes. */
export function toZod(type: TypeAst): z.ZodMiniType {
  const params = { error: `expected ${formatType(type)}` };
  switch (type.kind) {
    case 'prim':
      return primToZod(type.name, params);
    case 'optional':
      return z.nullable(toZod(type.inner));
    case 'vector':
    case 'list':
      return z.array(toZod(type.element), params);
    case 'tuple':
      return z.tuple(type.elements.map(toZod) as [z.ZodMiniType, ...z.ZodMiniType[]], params);
    case 'array': {
      let s: z.ZodMiniType = toZod(type.element);
      for (let d = type.shape.length - 1; d >= 0; d--) {
        const n = type.shape[d];
        s =
          n === null || n === undefined
            ? z.array(s, params)
            : z.array(s, params).check(z.length(n));
      }
      return s;
    }
    case 'map': {
      const shape: Record<string, z.ZodMiniType> = {};
      for (const e of type.entries) {
        const s = toZod(e.type);
        shape[e.key.name] = e.optional ? z.optional(s) : s;
      }
      return type.rest === undefined
        ? z.looseObject(shape, params)
        : z.catchall(z.object(shape, params), toZod(type.rest));
    }
    case 'map-of': {
      const keyOk = jsonKeyTest(type.key);
      const key = z
        .string()
        .check(z.refine(keyOk, { error: `expected map key ${formatType(type.key)}` }));
      return z.record(key, toZod(type.value), params);
    }
    case 'union': {
      const ms = type.members.map(toZod);
      return ms.length === 1 ? (ms[0] as z.ZodMiniType) : z.union(ms, params);
    }
    case 'and': {
      const parts = type.types.map(toZod);
      let s: z.ZodMiniType = parts[0] ?? z.unknown();
      for (let i = 1; i < parts.length; i++) s = z.intersection(s, parts[i] as z.ZodMiniType);
      const tests = type.predicates.map(jsonPredicate);
      if (tests.length === 0) return s;
      return s.check(
        z.superRefine((v, ctx) => {
          if (!tests.every((t) => t(v))) ctx.addIssue({ code: 'custom', message: params.error });
        }),
      );
    }
    case 'enum':
    case 'val': {
      const wanted = (type.kind === 'enum' ? type.values : [type.value]).map(toJson);
      return z.custom((v) => wanted.some((w) => jsonEquals(v, w)), params);
    }
    case 'fn':
      return z.never(params);
    case 'resource':
      return z.string(params).check(z.startsWith('resource://', params));
  }
}

const UUID_RE = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

function primToZod(name: PrimName, params: { error: string }): z.ZodMiniType {
  switch (name) {
    case 'any':
      return z.unknown();
    case 'never':
      return z.never(params);
    case 'int':
      return z.number(params).check(z.int(params));
    case 'float':
    case 'number':
      return z.number(params);
    case 'string':
    case 'keyword':
    case 'symbol':
      return z.string(params);
    case 'bool':
      return z.boolean(params);
    case 'nil':
      return z.null(params);
    case 'timestamp':
      return z.iso.datetime({ offset: true, ...params });
    case 'uuid':
      return z.string(params).check(z.regex(UUID_RE, params));
    case 'resource':
      return z.string(params).check(z.startsWith('resource://', params));
    case 'error':
      return z.looseObject({ message: z.string() }, params);
    case 'list':
    case 'vector':
      return z.array(z.unknown(), params);
    case 'map':
      return z.record(z.string(), z.unknown(), params);
    case 'fn':
      return z.never(params);
  }
}

/** An RTFS literal as JSON data (keywords and symbols by name, floats unboxed). */
/** A value as plain JSON (functions and error values have none). */
function toJson(v: Value): unknown {
  if (typeof v === 'object' && v !== null && (v.kind === 'fn' || v.kind === 'error'))
    return undefined;
  return toPlain(v);
}

function jsonEquals(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((x, i) => jsonEquals(x, b[i]));
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  const ob = b as Record<string, unknown>;
  const oa = a as Record<string, unknown>;
  return ka.length === kb.length && ka.every((k) => k in ob && jsonEquals(oa[k], ob[k]));
}

/** Whether a JSON object key (always a string) fits the key type of `[:map-of K V]`. */
function jsonKeyTest(t: TypeAst): (k: string) => boolean {
  switch (t.kind) {
    case 'prim':
      switch (t.name) {
        case 'int':
          return (k) => /^-?\d+$/.test(k);
        case 'float':
        case 'number':
          return (k) => k.trim() !== '' && Number.isFinite(Number(k));
        case 'never':
        case 'nil':
        case 'bool':
        case 'list':
        case 'vector':
        case 'map':
        case 'fn':
        case 'error':
          return () => false;
        default:
          return () => true;
      }
    case 'union': {
      const ms = t.members.map(jsonKeyTest);
      return (k) => ms.some((m) => m(k));
    }
    default: {
      const s = toZod(t);
      return (k) => s.safeParse(k).success;
    }
  }
}

function isNum(v: unknown): v is number {
  return typeof v === 'number';
}

function sizeOfJson(v: unknown): number {
  if (typeof v === 'string') return [...v].length;
  if (Array.isArray(v)) return v.length;
  if (typeof v === 'object' && v !== null) return Object.keys(v).length;
  return -1;
}

function hasJsonKey(v: unknown, k: string): boolean {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && Object.hasOwn(v, k);
}

function keyName(k: Value): string {
  return k instanceof Keyword ? k.name : String(toJson(k));
}

/** A refinement predicate on JSON data. */
function jsonPredicate(p: Predicate): (v: unknown) => boolean {
  switch (p.kind) {
    case 'compare': {
      const lit = p.value;
      const numeric =
        typeof lit === 'number' ||
        typeof lit === 'bigint' ||
        (typeof lit === 'object' && lit !== null && lit.kind === 'float');
      if (!numeric) {
        const want = toJson(lit);
        return p.op === '!=' ? (v) => !jsonEquals(v, want) : (v) => jsonEquals(v, want);
      }
      const b = Number(numericValue(lit));
      switch (p.op) {
        case '>':
          return (v) => isNum(v) && v > b;
        case '>=':
          return (v) => isNum(v) && v >= b;
        case '<':
          return (v) => isNum(v) && v < b;
        case '<=':
          return (v) => isNum(v) && v <= b;
        case '=':
          return (v) => isNum(v) && v === b;
        case '!=':
          return (v) => !isNum(v) || v !== b;
      }
      break;
    }
    case 'size': {
      const n = p.n;
      switch (p.op) {
        case 'min-length':
        case 'min-count':
          return (v) => sizeOfJson(v) >= n;
        case 'max-length':
        case 'max-count':
          return (v) => {
            const s = sizeOfJson(v);
            return s >= 0 && s <= n;
          };
        case 'length':
        case 'count':
          return (v) => sizeOfJson(v) === n;
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
      const lo = Number(numericValue(p.lo));
      const hi = Number(numericValue(p.hi));
      return (v) => isNum(v) && v >= lo && v <= hi;
    }
    case 'non-empty':
      return (v) => sizeOfJson(v) > 0;
    case 'has-key': {
      const k = keyName(p.key);
      return (v) => hasJsonKey(v, k);
    }
    case 'required-keys': {
      const ks = p.keys.map(keyName);
      return (v) => ks.every((k) => hasJsonKey(v, k));
    }
  }
  return () => false;
}

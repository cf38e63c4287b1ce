/**
 * JSON in and out. `parse-json` keeps integers exact (see json-parse.ts) and gives
 * string keys unless asked to keywordize (`(parse-json s true)` or
 * `(parse-json s {:keywordize-keys true})`). `serialize-json` writes keywords and
 * symbols as their names (a key `:a` becomes `"a"`), lists as arrays, floats with a
 * fraction or exponent (`2.0`), integers exactly (bigints too), timestamps/UUIDs as
 * their text and error values as `{"message" … "code" … "data" …}`; other map keys are
 * printed (`1` → `"1"`). Functions, NaN and infinities cannot be serialized.
 */
import { type Value, Keyword, RMap, printValue } from '../data/index.js';
import type { Builtin } from '../runtime/fn.js';
import { def, invalidArg, strArg, typeError } from './support.js';
import { parseJson } from './json-parse.js';

const KEYWORDIZE = [Keyword.of('keywordize-keys'), Keyword.of('keywordize')];

function keywordizeOption(opt: Value | undefined): boolean {
  if (opt === undefined || opt === null) return false;
  if (typeof opt === 'boolean') return opt;
  if (opt instanceof RMap) return KEYWORDIZE.some((k) => opt.get(k) === true);
  throw typeError('parse-json', 'a boolean or an options map', opt);
}

function floatText(fn: string, x: number): string {
  if (!Number.isFinite(x)) throw invalidArg(fn, `cannot serialize ${x} to JSON`);
  if (Object.is(x, -0)) return '-0.0';
  const s = String(x);
  return /^-?\d+$/.test(s) ? `${s}.0` : s;
}

function keyText(k: Value): string {
  if (typeof k === 'string') return k;
  if (k instanceof Keyword) return k.name;
  if (typeof k === 'object' && k !== null && k.kind === 'symbol') return k.name;
  return printValue(k);
}

/** Writes `v` as JSON; `indent` is null for compact output, else the current indentation. */
function write(fn: string, v: Value, out: string[], indent: string | null): void {
  switch (typeof v) {
    case 'object':
      break;
    case 'string':
      out.push(JSON.stringify(v));
      return;
    case 'boolean':
    case 'number':
    case 'bigint':
      out.push(String(v));
      return;
    default:
      throw typeError(fn, 'a value', v);
  }
  if (v === null) {
    out.push('null');
    return;
  }
  const inner = indent === null ? null : `${indent}  `;
  const open = (c: string): void => void out.push(c, inner === null ? '' : `\n${inner}`);
  const sep = (): void => void out.push(inner === null ? ',' : `,\n${inner}`);
  const close = (c: string): void => void out.push(indent === null ? c : `\n${indent}${c}`);
  switch (v.kind) {
    case 'float':
      out.push(floatText(fn, v.value));
      return;
    case 'keyword':
    case 'symbol':
      out.push(JSON.stringify(v.name));
      return;
    case 'timestamp':
    case 'uuid':
    case 'resource':
      out.push(JSON.stringify(v.text));
      return;
    case 'vector':
    case 'list': {
      const items = v.kind === 'list' ? v.items : v.toArray();
      if (items.length === 0) {
        out.push('[]');
        return;
      }
      open('[');
      items.forEach((x, i) => {
        if (i > 0) sep();
        write(fn, x, out, inner);
      });
      close(']');
      return;
    }
    case 'map': {
      if (v.size === 0) {
        out.push('{}');
        return;
      }
      open('{');
      let first = true;
      v.forEach((val, k) => {
        if (!first) sep();
        first = false;
        out.push(JSON.stringify(keyText(k)), inner === null ? ':' : ': ');
        write(fn, val, out, inner);
      });
      close('}');
      return;
    }
    case 'error':
      write(
        fn,
        RMap.of(
          Keyword.of('message'),
          v.message,
          Keyword.of('code'),
          v.code,
          Keyword.of('data'),
          v.data,
        ),
        out,
        indent,
      );
      return;
    case 'fn':
      throw typeError(fn, 'data (functions cannot be serialized)', v);
  }
}

export function serializeJson(fn: string, v: Value, pretty: boolean): string {
  const out: string[] = [];
  write(fn, v, out, pretty ? '' : null);
  return out.join('');
}

function parse(s: Value, opt?: Value): Value {
  return parseJson(strArg('parse-json', s), keywordizeOption(opt));
}

export const jsonBuiltins: readonly Builtin[] = [
  ...def(['parse-json', 'tool/parse-json'], 1, 2, parse, (s) => parse(s)),
  ...def(['serialize-json', 'tool/serialize-json'], 1, 1, (v) =>
    serializeJson('serialize-json', v, false),
  ),
  ...def(['serialize-json-pretty', 'tool/serialize-json-pretty'], 1, 1, (v) =>
    serializeJson('serialize-json-pretty', v, true),
  ),
];

/**
 * `(format fmt & args)`: a subset of Java's `String.format`, which Clojure's `format`
 * uses. Directives: `%[flags][width][.precision]conversion` with flags `- 0 + , space`
 * and conversions `s S d f e E x X o b c % n`. `%s` prints strings raw and other values
 * as `pr-str` does (nil as `nil`); `%d`, `%x`, `%o` need integers; `%f`/`%e` accept any
 * number. Surplus arguments are ignored, as in Java.
 */
import { type Value, RFloat, printValue, isTruthy } from '../data/index.js';
import type { Builtin } from '../runtime/fn.js';
import { def, invalidArg, typeError, strArg } from './support.js';
import { chars } from './seq.js';

const DIRECTIVE = /%([-0+ ,]*)(\d+)?(?:\.(\d+))?([a-zA-Z%])/g;

interface Spec {
  readonly flags: string;
  readonly width: number;
  readonly precision: number | undefined;
}

function pad(s: string, spec: Spec, numeric: boolean): string {
  if (s.length >= spec.width) return s;
  const fill = spec.width - s.length;
  if (spec.flags.includes('-')) return s + ' '.repeat(fill);
  if (numeric && spec.flags.includes('0')) {
    const signLen = /^[+\- ]/.test(s) ? 1 : 0;
    return s.slice(0, signLen) + '0'.repeat(fill) + s.slice(signLen);
  }
  return ' '.repeat(fill) + s;
}

function group(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function signed(neg: boolean, body: string, spec: Spec): string {
  if (neg) return `-${body}`;
  if (spec.flags.includes('+')) return `+${body}`;
  if (spec.flags.includes(' ')) return ` ${body}`;
  return body;
}

function numberOf(v: Value, conv: string): number {
  if (v instanceof RFloat) return v.value;
  if (typeof v === 'number' || typeof v === 'bigint') return Number(v);
  throw typeError('format', `a number for %${conv}`, v);
}

function integerOf(v: Value, conv: string): bigint {
  if (typeof v === 'number' || typeof v === 'bigint') return BigInt(v);
  throw typeError('format', `an integer for %${conv}`, v);
}

function exponent(x: number, p: number): string {
  const [m, e] = x.toExponential(p).split('e') as [string, string];
  const sign = e.startsWith('-') ? '-' : '+';
  const digits = e.replace(/^[+-]/, '');
  return `${m}e${sign}${digits.padStart(2, '0')}`;
}

function convert(conv: string, v: Value, spec: Spec): string {
  switch (conv) {
    case 's':
    case 'S': {
      let s = typeof v === 'string' ? v : printValue(v);
      if (spec.precision !== undefined) s = chars(s).slice(0, spec.precision).join('');
      return pad(conv === 'S' ? s.toUpperCase() : s, spec, false);
    }
    case 'd': {
      const n = integerOf(v, conv);
      const digits = (n < 0n ? -n : n).toString();
      return pad(
        signed(n < 0n, spec.flags.includes(',') ? group(digits) : digits, spec),
        spec,
        true,
      );
    }
    case 'f':
    case 'e':
    case 'E': {
      const x = numberOf(v, conv);
      const p = spec.precision ?? 6;
      if (!Number.isFinite(x))
        return pad(x !== x ? 'NaN' : signed(x < 0, 'Infinity', spec), spec, false);
      let body = conv === 'f' ? Math.abs(x).toFixed(p) : exponent(Math.abs(x), p);
      if (conv === 'f' && spec.flags.includes(',')) {
        const [int, frac] = body.split('.') as [string, string | undefined];
        body = group(int) + (frac === undefined ? '' : `.${frac}`);
      }
      if (conv === 'E') body = body.toUpperCase();
      return pad(signed(x < 0 || Object.is(x, -0), body, spec), spec, true);
    }
    case 'x':
    case 'X':
    case 'o': {
      const n = BigInt.asUintN(64, integerOf(v, conv));
      const s = n.toString(conv === 'o' ? 8 : 16);
      return pad(conv === 'X' ? s.toUpperCase() : s, spec, true);
    }
    case 'b':
      return pad(String(isTruthy(v)), spec, false);
    case 'c': {
      if (typeof v === 'string' && chars(v).length === 1) return pad(v, spec, false);
      if (typeof v === 'number' && v >= 0 && v <= 0x10ffff)
        return pad(String.fromCodePoint(v), spec, false);
      throw typeError('format', 'a character (1-char string or code point) for %c', v);
    }
    default:
      throw invalidArg('format', `unsupported directive %${conv}`);
  }
}

export function format(fmt: Value, ...args: Value[]): string {
  const text = strArg('format', fmt);
  let next = 0;
  return text.replace(
    DIRECTIVE,
    (_m, flags: string, width: string | undefined, prec: string | undefined, conv: string) => {
      if (conv === '%') return '%';
      if (conv === 'n') return '\n';
      if (next >= args.length) throw invalidArg('format', `missing argument for %${conv}`);
      const spec: Spec = {
        flags,
        width: width === undefined ? 0 : Number(width),
        precision: prec === undefined ? undefined : Number(prec),
      };
      return convert(conv, args[next++] as Value, spec);
    },
  );
}

export const formatBuiltins: readonly Builtin[] = [...def('format', 1, Infinity, format)];

/**
 * `(format fmt & args)`: a subset of Java's `String.format`, which Clojure's `format`
 * uses. Directives: `%[flags][width][.precision]conversion` with flags `- 0 + , space`
 * and conversions `s S d f e E x X o b c % n`. `%s` prints strings raw and other values
 * as `pr-str` does (nil as `nil`); `%d`, `%x`, `%o` need integers; `%f`/`%e` accept any
 * number. Surplus arguments are ignored, as in Java.
 */
import { type Value, RFloat, printValue, isTruthy } from '../data/index.js';
import type { Builtin } from '../runtime/fn.js';
import { checkStringSize, def, invalidArg, typeError, strArg } from './support.js';
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

/**
 * The shortest decimal digits of a finite x ≥ 0 (what `str` prints) and the exponent of
 * the first one: 1.005 → ["1005", 0]. Java's Formatter rounds these digits (HALF_UP),
 * not the exact binary value, so `%.2f` of 1.005 is "1.01" (toFixed gives "1.00").
 */
function shortestDigits(x: number): [string, number] {
  const [m, e] = x.toExponential().split('e') as [string, string];
  return [m.replace('.', ''), Number(e)];
}

/** Keeps the first n digits of ds (padded with zeros), rounding half up; true if it carried. */
function roundDigits(ds: string, n: number): [string, boolean] {
  const kept = ds.padEnd(n, '0').slice(0, n);
  if (ds.length <= n || (ds[n] as string) < '5') return [kept, false];
  const up = (BigInt(`1${kept}`) + 1n).toString();
  return up[0] === '2' ? [up.slice(1), true] : [up.slice(1), false];
}

/** `%.pf` of a finite x ≥ 0: plain digits (never an exponent), half up. */
function fixed(x: number, p: number): string {
  const [ds, e] = shortestDigits(x);
  // Digits before the point: e + 1 (at least one, padding 0.00ddd with leading zeros).
  const lead = e >= 0 ? ds : '0'.repeat(-e) + ds;
  const intLen = Math.max(e + 1, 1);
  const [kept, carry] = roundDigits(lead, intLen + p);
  const digits = carry ? `1${kept}` : kept;
  const cut = intLen + (carry ? 1 : 0);
  const int = digits.slice(0, cut).replace(/^0+(?=\d)/, '');
  return p === 0 ? int : `${int}.${digits.slice(cut)}`;
}

/** `%.pe` of a finite x ≥ 0: d.ddde±XX, half up. */
function exponent(x: number, p: number): string {
  let [ds, e] = shortestDigits(x);
  const [kept, carry] = roundDigits(ds, p + 1);
  ds = carry ? `1${kept}`.slice(0, p + 1) : kept;
  if (carry) e++;
  if (x === 0) e = 0;
  const m = p === 0 ? (ds[0] as string) : `${ds[0] as string}.${ds.slice(1)}`;
  return `${m}e${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
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
      let body = conv === 'f' ? fixed(Math.abs(x), p) : exponent(Math.abs(x), p);
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
  let total = text.length;
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
      // A width or precision beyond the string limit could only build a string too long.
      checkStringSize('format', Math.max(spec.width, spec.precision ?? 0));
      const s = convert(conv, args[next++] as Value, spec);
      total += s.length;
      checkStringSize('format', total);
      return s;
    },
  );
}

export const formatBuiltins: readonly Builtin[] = [...def('format', 1, Infinity, format)];

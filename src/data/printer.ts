import type { Value, ObjectValue } from './value.js';

/**
 * Prints a value readably (`pr-str`): strings quoted and escaped, keywords with their
 * colon, floats always with a decimal point or exponent, maps in insertion order.
 * For every value built from readable parts, `read(printValue(v))` equals `v`.
 */
export function printValue(v: Value): string {
  const out: string[] = [];
  write(v, out, true, undefined);
  return out.join('');
}

/** Styles the printed text of one atom (`leaf`: a scalar, a function or an error). */
export type Paint = (leaf: Value, text: string) => string;

/**
 * {@link printValue} with every atom's text passed through `paint` (the REPL colours
 * values this way); collections' brackets and spaces are left as they are.
 */
export function printValueStyled(v: Value, paint: Paint): string {
  const out: string[] = [];
  write(v, out, true, paint);
  return out.join('');
}

/**
 * Prints for humans (`str`, `println`): like {@link printValue}, but a top-level
 * string is written raw and nil is written as the empty string.
 */
export function printDisplay(v: Value): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  if (v === null) return '';
  return printValue(v);
}

function write(v: Value, out: string[], readably: boolean, paint: Paint | undefined): void {
  if (typeof v === 'object' && v !== null) {
    writeObject(v, out, readably, paint);
    return;
  }
  push(out, v, atomText(v, readably), paint);
}

function push(out: string[], v: Value, text: string, paint: Paint | undefined): void {
  out.push(paint === undefined ? text : paint(v, text));
}

function atomText(v: Exclude<Value, ObjectValue>, readably: boolean): string {
  switch (typeof v) {
    case 'object':
      return 'nil';
    case 'boolean':
      return v ? 'true' : 'false';
    case 'number':
      return String(v);
    case 'bigint':
      return v.toString();
    case 'string':
      return readably ? quoteString(v) : v;
    default:
      throw new Error(`printValue: not an RTFS value (${typeof v})`);
  }
}

function writeObject(
  v: ObjectValue,
  out: string[],
  readably: boolean,
  paint: Paint | undefined,
): void {
  switch (v.kind) {
    case 'float':
      push(out, v, formatFloat(v.value), paint);
      return;
    case 'keyword':
      push(out, v, `:${v.name}`, paint);
      return;
    case 'symbol':
      push(out, v, v.name, paint);
      return;
    case 'timestamp':
    case 'uuid':
    case 'resource':
      push(out, v, v.text, paint);
      return;
    case 'list':
      writeSeq('(', ')', v.items, v.items.length, out, readably, paint);
      return;
    case 'vector': {
      out.push('[');
      for (let i = 0; i < v.count; i++) {
        if (i > 0) out.push(' ');
        write(v.get(i) as Value, out, readably, paint);
      }
      out.push(']');
      return;
    }
    case 'map': {
      out.push('{');
      let first = true;
      v.forEach((val, key) => {
        if (!first) out.push(' ');
        first = false;
        write(key, out, readably, paint);
        out.push(' ');
        write(val, out, readably, paint);
      });
      out.push('}');
      return;
    }
    case 'fn':
      // A regex value (re-pattern, #"…") is named by its literal and prints as it.
      push(
        out,
        v,
        v.name === undefined ? '#<fn>' : v.name.startsWith('#"') ? v.name : `#<fn ${v.name}>`,
        paint,
      );
      return;
    case 'error':
      push(out, v, `#<error ${v.code.toString()}: ${v.message}>`, paint);
      return;
  }
}

function writeSeq(
  open: string,
  close: string,
  items: readonly Value[],
  n: number,
  out: string[],
  readably: boolean,
  paint: Paint | undefined,
): void {
  out.push(open);
  for (let i = 0; i < n; i++) {
    if (i > 0) out.push(' ');
    write(items[i] as Value, out, readably, paint);
  }
  out.push(close);
}

/**
 * `4.0`, `0.1`, `1.0E21`, `1.5E-7`, `##Inf`, `##-Inf`, `##NaN`, `-0.0`: always
 * distinguishable from an integer, and read back to the same double.
 */
export function formatFloat(x: number): string {
  if (x !== x) return '##NaN';
  if (x === Infinity) return '##Inf';
  if (x === -Infinity) return '##-Inf';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const s = String(x);
  const e = s.indexOf('e');
  if (e < 0) return s.includes('.') ? s : `${s}.0`;
  const mantissa = s.slice(0, e);
  const exp = s.slice(e + 1).replace('+', '');
  return `${mantissa.includes('.') ? mantissa : `${mantissa}.0`}E${exp}`;
}

const ESCAPES: Record<string, string> = {
  '"': '\\"',
  '\\': '\\\\',
  '\n': '\\n',
  '\t': '\\t',
  '\r': '\\r',
};

/** A string literal that reads back to `s`. Other control characters use `\uXXXX`. */
export function quoteString(s: string): string {
  // eslint-disable-next-line no-control-regex
  return `"${s.replace(/["\\\n\t\r]|[\u0000-\u001f\u007f]/g, (c) => ESCAPES[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}"`;
}

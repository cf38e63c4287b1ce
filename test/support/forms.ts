/**
 * Helpers shared by the reader tests: an exact structural comparison (stricter than
 * `equals`: `-0.0` ≠ `0.0`, `##NaN` = `##NaN`, map order matters) and `dump`, a
 * readable rendering of a form that includes metadata and every span, so that
 * differential tests can compare two readers' output with one string comparison.
 */
import type { Value, RMap } from '../../src/data/index.js';
import { formatFloat, printValue } from '../../src/data/index.js';
import type { NodeSpan, Span } from '../../src/source/index.js';
import type { ReadResult } from '../../src/syntax/index.js';

/** Exact sameness: type-strict, floats by `Object.is`, maps in insertion order. */
export function same(a: Value, b: Value): boolean {
  if (typeof a !== 'object' || a === null || typeof b !== 'object' || b === null) {
    return a === b;
  }
  if (a.kind !== b.kind) return false;
  switch (a.kind) {
    case 'float':
      return b.kind === 'float' && Object.is(a.value, b.value);
    case 'keyword':
      return a === b;
    case 'symbol':
      return b.kind === 'symbol' && a.name === b.name;
    case 'timestamp':
    case 'uuid':
    case 'resource':
      return b.kind === a.kind && a.text === b.text;
    case 'list':
      return b.kind === 'list' && sameSeq(a.items, b.items);
    case 'vector':
      return b.kind === 'vector' && sameSeq(a.toArray(), b.toArray());
    case 'map':
      return b.kind === 'map' && sameSeq(a.toFlat(), b.toFlat());
    case 'fn':
    case 'error':
      return a === b;
  }
}

function sameSeq(a: readonly Value[], b: readonly Value[]): boolean {
  return a.length === b.length && a.every((x, i) => same(x, b[i] as Value));
}

/** Whether `v` contains a `##NaN` anywhere (where `equals` is false by design). */
export function hasNaN(v: Value): boolean {
  if (typeof v !== 'object' || v === null) return false;
  switch (v.kind) {
    case 'float':
      return Number.isNaN(v.value);
    case 'list':
      return v.items.some(hasNaN);
    case 'vector':
      return v.toArray().some(hasNaN);
    case 'map':
      return v.toFlat().some(hasNaN);
    default:
      return false;
  }
}

function spanText(s: NodeSpan | undefined, spans: boolean): string {
  return s === undefined || !spans ? '' : `@${s.start}-${s.end}[${s.offsets().join(',')}]`;
}

function metaText(m: RMap | undefined, spans: boolean): string {
  return m === undefined ? '' : `^${dump(m, spans)}`;
}

/**
 * `printValue` plus metadata (`^{…}`), exact floats (`F-0.0`), bigints (`…N`) and, unless
 * `spans` is false, the spans of read collections (`@start-end[children offsets]`).
 */
export function dump(v: Value, spans = true): string {
  const d = (x: Value): string => dump(x, spans);
  if (typeof v !== 'object' || v === null) {
    return typeof v === 'bigint' ? `${v.toString()}N` : printValue(v);
  }
  switch (v.kind) {
    case 'float':
      return `F${formatFloat(v.value)}`;
    case 'symbol':
      return `${v.name}${metaText(v.meta, spans)}`;
    case 'list':
      return `(${v.items.map(d).join(' ')})${spanText(v.span, spans)}${metaText(v.meta, spans)}`;
    case 'vector':
      return `[${v.toArray().map(d).join(' ')}]${spanText(v.span, spans)}${metaText(v.meta, spans)}`;
    case 'map':
      return `{${v.toFlat().map(d).join(' ')}}${spanText(v.span, spans)}${metaText(v.meta, spans)}`;
    default:
      return printValue(v);
  }
}

function spanPair(s: Span): string {
  return `${s.start}-${s.end}`;
}

/** Everything a successful read produced, as one comparable string. */
export function dumpResult(r: ReadResult): string {
  const forms = r.forms.map((f, i) => `${dump(f)} ${spanPair(r.spans[i] as Span)}`);
  const comments = r.comments.map(
    (c) => `${c.block ? 'block' : 'line'} ${spanPair(c.span)} ${JSON.stringify(c.text)}`,
  );
  return [...forms, '--', ...comments].join('\n');
}

/** `line:col` of a diagnostic's start. */
export function lineCol(s: Span): string {
  const { line, column } = s.source.position(s.start);
  return `${line}:${column}`;
}

/**
 * The synchronous formatting API: RTFS text (or RTFS data) → formatted text, through
 * prettier's Doc printer (`printDocToString` is synchronous, so code that generates
 * plans can print through it without awaiting anything).
 */
import { printer, type builders } from 'prettier/doc';
import type { Diagnostic } from '../diagnostics/index.js';
import { read } from '../syntax/index.js';
import { RList, RMap, RVector, printValue, type Value } from '../data/index.js';
import { parseCst, type CstItem, type CstNode, type CstRoot } from './cst.js';
import { printRoot } from './print-doc.js';

/** The repository's prettier `printWidth`. */
export const DEFAULT_WIDTH = 100;

export interface FormatOptions {
  /** Maximum line width (default 100). */
  readonly width?: number;
  /** The name used in diagnostics (default `<input>`). */
  readonly uri?: string;
  /**
   * `formatSource`: type annotations in their canonical spelling (`[x :int]`,
   * `[m :[:map …]]`; the default) or as written. `formatForms` always prints data as it
   * is: its text reads back to the same data, and a canonical spelling would not (the
   * colon of `:[…]` is a form of its own).
   */
  readonly annotations?: 'canonical' | 'as-written';
}

export type FormatResult =
  | { readonly ok: true; readonly text: string }
  | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };

/** Formats RTFS source text; text with syntax errors gives the reader's diagnostics. */
export function formatSource(text: string, opts: FormatOptions = {}): FormatResult {
  const r = read(text, opts.uri ?? '<input>');
  if (r.diagnostics.length > 0) return { ok: false, diagnostics: r.diagnostics };
  const canonical = opts.annotations !== 'as-written';
  return { ok: true, text: printDoc(printRoot(parseCst(text), canonical), opts.width) };
}

/**
 * Prints RTFS data (e.g. a plan built as data) as formatted source, one form per value;
 * the text reads back to the same data (annotations are printed as they are).
 */
export function formatForms(values: readonly Value[], opts: FormatOptions = {}): string {
  const items = values.map(toCst);
  const root: CstRoot = { kind: 'root', text: '', items, start: 0, end: 0 };
  return printDoc(printRoot(root, false), opts.width);
}

export function printDoc(doc: builders.Doc, width = DEFAULT_WIDTH): string {
  return printer.printDocToString(doc, { printWidth: width, tabWidth: 2, useTabs: false })
    .formatted;
}

function toCst(v: Value): CstNode {
  const coll = (open: '(' | '[' | '{', items: CstItem[]): CstNode => ({
    kind: 'coll',
    open,
    items,
    start: 0,
    end: 0,
    value: v,
  });
  if (v instanceof RList) return coll('(', v.items.map(toCst));
  if (v instanceof RVector) return coll('[', [...v].map(toCst));
  if (v instanceof RMap) return coll('{', v.toFlat().map(toCst));
  return { kind: 'atom', text: printValue(v), start: 0, end: 0 };
}

/**
 * What `:doc` and `:type` say about functions: docstrings (stored by `defn` and
 * `defmacro` on the global's cell), arities and annotated signatures read from the
 * `defn` form the session evaluated, and for builtins the arity and one-line summary
 * of docs/stdlib.md (when the package ships it) or the declared arity range.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { type Value, RList, RVector, Sym, printValue, read } from '../index.js';
import { isTypeExpr } from '../types/index.js';
import { stdlibDir } from '../modules/index.js';
import type { Builtin } from '../runtime/index.js';

/** One arity of a defn: its parameter vector and declared return type, printed. */
export interface Signature {
  readonly params: string;
  readonly returns: string | undefined;
}

/** The signatures of `(defn name doc? [params] ret? body…)` or `(defn name doc? ([p] …) …)`. */
export function defnSignatures(form: RList): Signature[] {
  const items = form.items;
  let at = 2;
  if (typeof items[at] === 'string' && items.length > at + 1) at++;
  const first = items[at];
  if (first instanceof RVector) return [arity(items, at)];
  const out: Signature[] = [];
  for (const clause of items.slice(at)) {
    if (clause instanceof RList && clause.items[0] instanceof RVector) {
      out.push(arity(clause.items, 0));
    }
  }
  return out;
}

function arity(items: readonly Value[], at: number): Signature {
  const ret = items[at + 1];
  const returns =
    ret !== undefined && items.length > at + 2 && isTypeExpr(ret) ? printValue(ret) : undefined;
  return { params: printValue(items[at] as Value), returns };
}

/** `[a :int] :int` */
export function formatSignature(s: Signature): string {
  return s.returns === undefined ? s.params : `${s.params} ${s.returns}`;
}

/** True when some parameter or the return type carries an annotation. */
export function isAnnotated(sigs: readonly Signature[], forms: readonly RList[]): boolean {
  if (sigs.some((s) => s.returns !== undefined)) return true;
  return forms.some((f) => {
    const vectors: RVector[] = [];
    for (const x of f.items) {
      if (x instanceof RVector) vectors.push(x);
      if (x instanceof RList && x.items[0] instanceof RVector) vectors.push(x.items[0]);
    }
    return vectors.some((v) => [...v].some((p) => !(p instanceof Sym) && isTypeExpr(p)));
  });
}

/** `1`, `2–3`, `1+` */
export function builtinArity(b: Builtin): string {
  if (b.max === Infinity) return `${b.min}+`;
  return b.min === b.max ? `${b.min}` : `${b.min}–${b.max}`;
}

let stdlibDocs: Map<string, { arity: string; text: string }> | undefined;

/** The rows of docs/stdlib.md by builtin name (empty when the file is not shipped). */
export function builtinDocs(): ReadonlyMap<string, { arity: string; text: string }> {
  if (stdlibDocs !== undefined) return stdlibDocs;
  stdlibDocs = new Map();
  const file = join(dirname(stdlibDir()), 'docs', 'stdlib.md');
  if (!existsSync(file)) return stdlibDocs;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const cells = line.split(/(?<!\\)\|/).map((c) => c.trim());
    if (cells.length < 5 || !cells[1]?.startsWith('`')) continue;
    const names = [...(cells[1] ?? '').matchAll(/`([^`]+)`/g)].map((m) => m[1] as string);
    const row = { arity: cells[2] ?? '', text: (cells[3] ?? '').replace(/\\\|/g, '|') };
    for (const n of names) if (!stdlibDocs.has(n)) stdlibDocs.set(n, row);
  }
  return stdlibDocs;
}

let coreForms: Map<string, RList> | undefined;

/** The `defn`/`defmacro` form of stdlib/core.rtfs that defines `name`, if any. */
export function coreDefn(name: string): RList | undefined {
  if (coreForms === undefined) {
    coreForms = new Map();
    const file = join(stdlibDir(), 'core.rtfs');
    for (const f of read(readFileSync(file, 'utf8'), file).forms) {
      if (f instanceof RList && f.items[1] instanceof Sym) coreForms.set(f.items[1].name, f);
    }
  }
  return coreForms.get(name);
}

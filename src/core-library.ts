/**
 * stdlib/core.rtfs (the core macros) in a runtime's core namespace. Each `defmacro` is
 * installed as a {@link LazyMacro} and analysed on its first expansion; a program that
 * uses no macro never reads or analyses one (docs/adr/0018-lazy-core-macros.md).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Value } from './data/index.js';
import type { Var } from './analyzer/index.js';
import { Fn, type Runtime } from './runtime/index.js';
import { stdlibDir } from './modules/index.js';

/**
 * One top-level form of the core library: where it is, and its name if a `defmacro`, or
 * if a `(def name nil)`.
 */
interface CoreForm {
  readonly start: number;
  readonly end: number;
  readonly macro?: { readonly name: string; readonly doc?: string };
  readonly nilDef?: string;
}

interface CoreLibrary {
  readonly uri: string;
  readonly text: string;
  /** Undefined when the quick scan could not split the text: then every form is read. */
  forms?: readonly CoreForm[] | undefined;
}

let core: CoreLibrary | undefined;

/**
 * Gives the core library's text instead of reading stdlib/core.rtfs (for a bundle that
 * runs where the package's files are not: `rtfs compile --bundle`).
 */
export function provideCoreLibrary(text: string, uri = 'stdlib/core.rtfs'): void {
  core = { uri, text, forms: scanForms(text) };
}

function library(): CoreLibrary {
  if (core === undefined) {
    const uri = join(stdlibDir(), 'core.rtfs');
    const text = readFileSync(uri, 'utf8');
    core = { uri, text, forms: scanForms(text) };
  }
  return core;
}

/** Loads the core library into `rt.core`: macros as placeholders, other forms evaluated. */
export function loadCoreLibrary(rt: Runtime): void {
  const lib = library();
  if (lib.forms === undefined) {
    evalText(rt, lib, lib.text);
    return;
  }
  for (const f of lib.forms) {
    if (f.nilDef !== undefined && defineNil(rt.core.intern(f.nilDef))) continue;
    if (f.macro === undefined) {
      evalText(rt, lib, formText(lib.text, f));
      continue;
    }
    const cell = rt.core.intern(f.macro.name);
    if (f.macro.doc !== undefined) cell.doc = f.macro.doc;
    cell.macro = true;
    cell.value = new LazyMacro(rt, cell, lib, f);
  }
}

/**
 * A core macro not analysed yet: its cell holds this placeholder (a macro, with its
 * docstring) until the first expansion, which evaluates the `defmacro` form in the core
 * namespace (replacing the placeholder) and expands with the real macro.
 */
class LazyMacro extends Fn {
  constructor(
    private readonly rt: Runtime,
    private readonly cell: Var,
    private readonly lib: CoreLibrary,
    private readonly form: CoreForm,
  ) {
    super(cell.name);
  }

  invoke(args: Value[]): Value {
    if (this.cell.value === this) evalText(this.rt, this.lib, formText(this.lib.text, this.form));
    const real = this.cell.value;
    if (!(real instanceof Fn) || real === this)
      throw new Error(`rtfs: the core macro ${this.cell.name} did not define a function`);
    return real.invoke(args);
  }
}

/**
 * Binds a fresh cell to nil as evaluating `(def name nil)` does (declared, then bound,
 * not a macro) without reading, analysing and compiling the form: the evaluator's first
 * use costs about 1 ms, which a compiled program (ADR 0039) need not pay at start-up.
 * False, doing nothing, when the cell is bound or declared already (the form is then
 * evaluated).
 */
function defineNil(cell: Var): boolean {
  if (cell.value !== undefined || cell.declared === true || cell.builtin === true) return false;
  cell.declared = true;
  cell.value = null;
  cell.macro = false;
  return true;
}

/**
 * The text of one form with everything before it blanked (newlines kept), so the
 * reader gives it the same lines, columns and offsets as in the whole file.
 */
function formText(text: string, f: CoreForm): string {
  // Not the prefix with each character replaced (a string per match): any blank text of
  // the same length, newline count and last-line length gives the reader the same places.
  const lineStart = text.lastIndexOf('\n', f.start - 1) + 1;
  let lines = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < lineStart; i = text.indexOf('\n', i + 1))
    lines++;
  const column = f.start - lineStart;
  const blank = ' '.repeat(f.start - lines - column) + '\n'.repeat(lines) + ' '.repeat(column);
  return blank + text.slice(f.start, f.end);
}

function evalText(rt: Runtime, lib: CoreLibrary, text: string): void {
  const o = rt.evalString(text, lib.uri, rt.core);
  if (!o.ok) {
    const why = o.diagnostics ? o.diagnostics.map((d) => d.message).join('; ') : o.error.render();
    throw new Error(`rtfs: the core library failed to load: ${why}`);
  }
}

const DEFMACRO = /^\(defmacro\s+([^\s()[\]{}"';`~^@]+)(?:\s+"([^"\\]*)")?/;
/** `(def name nil)`, for a plain name (not one the reader gives another meaning). */
const RESERVED = new Set(['nil', 'true', 'false']);
const DEF_NIL = /^\(def\s+([*A-Za-z][\w*+!?<>=-]*)\s+nil\s*\)$/;

/** The characters {@link scanForms} looks at. */
const SEMICOLON = 0x3b;
const NEWLINE = 0x0a;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_PAREN = 0x28;
const OPEN_BRACKET = 0x5b;
const OPEN_BRACE = 0x7b;
const CLOSE_PAREN = 0x29;
const CLOSE_BRACKET = 0x5d;
const CLOSE_BRACE = 0x7d;

/**
 * Splits `text` into top-level forms by bracket depth (strings and `;` comments
 * skipped), naming the `defmacro`s and their plain docstrings. Undefined when the text
 * has anything this quick scan does not handle (the whole file is then read at once).
 */
export function scanForms(text: string): CoreForm[] | undefined {
  // Character codes, not one-character strings: this runs over the whole file at every
  // start of a program, and comparing numbers is several times cheaper.
  const out: CoreForm[] = [];
  let depth = 0;
  let start = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === SEMICOLON) {
      while (i < text.length && text.charCodeAt(i) !== NEWLINE) i++;
    } else if (c === QUOTE) {
      for (i++; i < text.length && text.charCodeAt(i) !== QUOTE; i++)
        if (text.charCodeAt(i) === BACKSLASH) i++;
      if (i >= text.length) return undefined;
    } else if (c === OPEN_PAREN || c === OPEN_BRACKET || c === OPEN_BRACE) {
      if (depth === 0) {
        if (c !== OPEN_PAREN) return undefined;
        start = i;
      }
      depth++;
    } else if (c === CLOSE_PAREN || c === CLOSE_BRACKET || c === CLOSE_BRACE) {
      if (--depth < 0) return undefined;
      if (depth === 0) out.push(coreForm(text, start, i + 1));
    } else if (depth === 0 && !/\s|,/.test(text[i] as string)) {
      return undefined;
    }
  }
  return depth === 0 ? out : undefined;
}

function coreForm(text: string, start: number, end: number): CoreForm {
  const form = text.slice(start, end);
  const m = DEFMACRO.exec(form);
  if (m === null) {
    const d = DEF_NIL.exec(form);
    const name = d?.[1];
    return name === undefined || RESERVED.has(name) ? { start, end } : { start, end, nilDef: name };
  }
  // A docstring with escapes: evaluated eagerly rather than unescaped here.
  if (m[2] === undefined && /^\s+"/.test(text.slice(start + m[0].length))) return { start, end };
  // A docstring counts only when more forms follow it (as analyzeDefn has it).
  const doc = m[2] !== undefined && /\S/.test(text.slice(start + m[0].length, end - 1));
  const name = m[1] as string;
  return { start, end, macro: doc ? { name, doc: m[2] as string } : { name } };
}

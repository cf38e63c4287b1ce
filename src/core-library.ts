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
import { type CoreForm, scanForms } from './core-scan.js';
import { builtCoreScan } from './core-scan-loader.js';

export { scanForms } from './core-scan.js';

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
    // The build's scan of the package's core library, if the file still has that text.
    const built = builtCoreScan;
    core = { uri, text, forms: built?.text === text ? built.forms : scanForms(text) };
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

/**
 * The one place that wires a runtime together: builtins (with their output context),
 * and later the stdlib, the host and the causal-chain sink.
 */
import {
  DEFAULT_JIT_THRESHOLD,
  Fn,
  Runtime,
  evaluator,
  type Host,
  type NodeCompiler,
} from './runtime/index.js';
import { fnJit } from './compiler/in-process.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FsModuleLoader, stdlibDir } from './modules/index.js';
import { createBuiltins, type BuiltinContext } from './builtins/index.js';
import { type Value, RList, Sym } from './data/index.js';
import type { Var } from './analyzer/index.js';
import type { Span } from './source/index.js';
import { read } from './syntax/index.js';

export interface RuntimeOptions {
  /** Where `println` writes (default: process.stdout). */
  readonly out?: (text: string) => void;
  /** Where `log` writes (default: process.stderr). */
  readonly log?: (text: string) => void;
  /** Extra module directories (`--path`). */
  readonly paths?: readonly string[];
  readonly host?: Host;
  /** The engine: the evaluator's closures (default) or e.g. the JavaScript compiler. */
  readonly compiler?: NodeCompiler;
  /**
   * The evaluator's second tier (runtime/jit.ts): a function called this many times
   * runs as compiled JavaScript from then on; `false` keeps every function
   * interpreted. Default {@link DEFAULT_JIT_THRESHOLD}. Ignored with `compiler`.
   */
  readonly jit?: number | false;
  /** `*command-line-args*`: the program's arguments (`rtfs run FILE arg…`). */
  readonly commandLineArgs?: readonly string[];
}

export function createRuntime(options: RuntimeOptions = {}): Runtime {
  const ctx: BuiltinContext = {
    out: options.out ?? ((t) => void process.stdout.write(t)),
    log: options.log ?? ((t) => void process.stderr.write(t)),
  };
  const rt = new Runtime(
    createBuiltins(ctx),
    options.host,
    new FsModuleLoader(options.paths ?? []),
    options.compiler ??
      (options.jit === false
        ? evaluator()
        : evaluator(fnJit, options.jit ?? DEFAULT_JIT_THRESHOLD)),
  );
  loadCoreLibrary(rt);
  if (options.commandLineArgs !== undefined && options.commandLineArgs.length > 0) {
    const cell = rt.core.lookup('*command-line-args*');
    if (cell !== undefined) cell.value = new RList([...options.commandLineArgs]);
  }
  return rt;
}

let coreSource: { uri: string; text: string } | undefined;
/** core.rtfs read once per process (its forms are immutable values). */
let coreForms: { forms: readonly Value[]; spans: readonly (Span | undefined)[] } | undefined;

/**
 * Gives the core library's text instead of reading stdlib/core.rtfs (for a bundle that
 * runs where the package's files are not: `rtfs compile --bundle`).
 */
export function provideCoreLibrary(text: string, uri = 'stdlib/core.rtfs'): void {
  coreSource = { uri, text };
  coreForms = undefined;
}

/**
 * A core macro not analysed yet: its cell holds this placeholder (a macro, with its
 * docstring) until the first expansion, which evaluates the `defmacro` form in the core
 * namespace (replacing the placeholder) and expands with the real macro. A program that
 * uses no macro never analyses one: most of a trivial run's start-up was analysing
 * stdlib/core.rtfs (docs/adr/0018-lazy-core-macros.md).
 */
class LazyMacro extends Fn {
  constructor(
    private readonly rt: Runtime,
    private readonly cell: Var,
    private readonly form: Value,
    private readonly span: Span | undefined,
    private readonly uri: string,
  ) {
    super(cell.name);
  }

  invoke(args: Value[]): Value {
    if (this.cell.value === this) {
      const t = this.rt.evalForm(this.form, this.span, this.rt.core, this.uri);
      if (!t.ok) throw new Error(`rtfs: the core macro ${this.cell.name} failed to load`);
    }
    const real = this.cell.value;
    if (!(real instanceof Fn) || real === this)
      throw new Error(`rtfs: the core macro ${this.cell.name} did not define a function`);
    return real.invoke(args);
  }
}

/** `(defmacro name "doc"? …)`: its name and docstring, or undefined for any other form. */
function defmacroHead(form: Value): { name: string; doc?: string } | undefined {
  if (!(form instanceof RList) || form.count < 3) return undefined;
  const [head, name, doc] = form.items;
  if (!(head instanceof Sym) || head.name !== 'defmacro' || !(name instanceof Sym))
    return undefined;
  return typeof doc === 'string' && form.count > 3 ? { name: name.name, doc } : { name: name.name };
}

/**
 * Loads stdlib/core.rtfs into the runtime's core namespace: each `defmacro` as a
 * {@link LazyMacro}, every other form evaluated now.
 */
function loadCoreLibrary(rt: Runtime): void {
  if (coreSource === undefined) {
    const uri = join(stdlibDir(), 'core.rtfs');
    coreSource = { uri, text: readFileSync(uri, 'utf8') };
  }
  const { uri } = coreSource;
  if (coreForms === undefined) {
    const r = read(coreSource.text, uri);
    if (r.diagnostics.length > 0) throw coreError(r.diagnostics.map((d) => d.message).join('; '));
    coreForms = { forms: r.forms, spans: r.spans };
  }
  const { forms, spans } = coreForms;
  for (let i = 0; i < forms.length; i++) {
    const form = forms[i] as Value;
    const head = defmacroHead(form);
    if (head !== undefined) {
      const cell = rt.core.intern(head.name);
      if (head.doc !== undefined) cell.doc = head.doc;
      cell.macro = true;
      cell.value = new LazyMacro(rt, cell, form, spans[i], uri);
      continue;
    }
    const o = rt.evalForm(form, spans[i], rt.core, uri);
    if (!o.ok)
      throw coreError(
        'diagnostics' in o ? o.diagnostics.map((d) => d.message).join('; ') : String(o.error),
      );
  }
}

function coreError(why: string): Error {
  return new Error(`rtfs: the core library failed to load: ${why}`);
}

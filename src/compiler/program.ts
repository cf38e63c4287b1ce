/**
 * `rtfs compile`: a whole program (and the modules it imports) → one standalone ES
 * module. Forms are analyzed in order, as `rtfs run` would; since nothing runs at
 * compile time, a definition binds its cell to a placeholder so later forms can
 * refer to it, and definitions of functions and macros (no effects) are evaluated at
 * compile time so later forms can use their macros.
 */
import type { Span } from '../source/index.js';
import { read } from '../syntax/index.js';
import { diagnostic, type Diagnostic } from '../diagnostics/index.js';
import type { Value } from '../data/index.js';
import type { Globals } from '../analyzer/index.js';
import { analyzeTop, type Node, type Var } from '../analyzer/index.js';
import { PureHost, type RtfsError } from '../runtime/index.js';
import { evalTopLevel, isHead, ModuleCodes } from '../runtime/modules.js';
import { loadModuleFile } from '../runtime/module-file.js';
import type { ModuleHost, TopResult } from '../runtime/modules.js';
import { asRtfsError } from '../runtime/compile-try.js';
import { createRuntime } from '../create-runtime.js';
import { EXPANSION_BUDGET, withBudget } from '../runtime/budget.js';
import { FsModuleLoader } from '../modules/index.js';
import { Linker } from './linker.js';
import { emitTopLevel, jsCompiler } from './in-process.js';
import { ModuleLinks, LinkError } from './module-linker.js';
import { writeModule } from './write-module.js';

export const CompileCodes = {
  unserializable: 'compile/unserializable-constant',
} as const;

export interface CompileOptions {
  /** The import specifier of the runtime module (`rtfs-ts/runtime` or a relative path). */
  readonly runtime: string;
  /** Extra module directories, as `rtfs run --path`. */
  readonly paths?: readonly string[];
  /** Emit a source map; the module ends with `//# sourceMappingURL=<file>`. */
  readonly sourceMap?: { readonly file: string };
}

export type CompileOutcome =
  | { readonly ok: true; readonly code: string; readonly map: string | undefined }
  | { readonly ok: false; readonly diagnostics: Diagnostic[]; readonly error?: undefined }
  | { readonly ok: false; readonly error: RtfsError; readonly diagnostics?: undefined };

export function compileProgram(text: string, uri: string, options: CompileOptions): CompileOutcome {
  const c = new ProgramCompiler(text, uri, options);
  const r = read(text, uri);
  if (r.diagnostics.length > 0) return { ok: false, diagnostics: r.diagnostics };
  for (let i = 0; i < r.forms.length; i++) {
    const t = c.evalForm(r.forms[i] as Value, r.spans[i], c.globals, uri);
    if (!t.ok) {
      if ('diagnostics' in t) return { ok: false, diagnostics: t.diagnostics };
      const err = asRtfsError(t.error);
      if (err === undefined) throw t.error;
      return { ok: false, error: err };
    }
  }
  try {
    return { ok: true, ...writeModule(c.output(), options) };
  } catch (e) {
    if (!(e instanceof LinkError)) throw e;
    const at = e.span ?? r.spans[0];
    if (at === undefined) throw e;
    return {
      ok: false,
      diagnostics: [diagnostic(CompileCodes.unserializable, 'analysis', e.message, at)],
    };
  }
}

/** What the compiler collected: the forms' JavaScript and everything they link to. */
export interface ProgramOutput {
  readonly uri: string;
  readonly forms: readonly { readonly fn: string; readonly span: Span | undefined }[];
  readonly linker: Linker;
  readonly links: ModuleLinks;
  readonly helpers: ReadonlySet<string>;
  readonly marks: readonly Span[];
}

class ProgramCompiler implements ModuleHost {
  private readonly rt = createRuntime({ out: () => undefined, log: () => undefined });
  readonly core = this.rt.core;
  readonly globals = this.rt.globals;
  private readonly modules = new Map<string, Globals>();
  private readonly loading: string[] = [];
  private readonly loader: FsModuleLoader;
  private readonly forms: { fn: string; span: Span | undefined }[] = [];
  private readonly linker = new Linker();
  private readonly helpers = new Set<string>();
  private readonly marks: Span[] = [];
  private readonly links: ModuleLinks;
  private readonly preRun = jsCompiler(new PureHost(), this.core);
  private readonly isCore = (c: Var): boolean => this.core.own(c.name) === c;

  constructor(
    text: string,
    private readonly uri: string,
    options: CompileOptions,
  ) {
    this.loader = new FsModuleLoader(options.paths ?? []);
    this.links = new ModuleLinks(() => [this.core, this.globals, ...this.modules.values()]);
    this.links.sources.push({ uri, text });
  }

  output(): ProgramOutput {
    const { uri, forms, linker, links, helpers, marks } = this;
    return { uri, forms, linker, links, helpers, marks };
  }

  evalForm(form: Value, span: Span | undefined, ns: Globals, uri: string): TopResult {
    const t = evalTopLevel(form, span, ns, uri, this, this.modules, (f, at) =>
      this.evalLeaf(f, at, ns),
    );
    // `(module …)` and `(import …)` evaluate to nil, as in the evaluator: the forms they
    // compiled (a module's definitions, an imported file's) must not give their value.
    if (t.ok && (isHead(form, 'module') || isHead(form, 'import')))
      return this.evalLeaf(null, span, ns);
    return t;
  }

  /** A top-level form that is not `do`, `module` or `import`. */
  private evalLeaf(form: Value, span: Span | undefined, ns: Globals): TopResult {
    // Macros and compile-time definitions run within the expansion budget.
    return withBudget(EXPANSION_BUDGET, () => this.compileLeaf(form, span, ns));
  }

  private compileLeaf(form: Value, span: Span | undefined, ns: Globals): TopResult {
    const a = analyzeTop(form, span, ns);
    if (a.node === undefined) return { ok: false, diagnostics: a.diagnostics };
    const options = { isCore: this.isCore, marks: this.marks };
    const { fn, helpers } = emitTopLevel(a.node, a.frameSize, this.linker, options);
    for (const h of helpers) this.helpers.add(h);
    this.forms.push({ fn, span });
    this.defineAtCompileTime(a.node, a.frameSize);
    return { ok: true, value: null };
  }

  /** Binds the cells the form defines, so that later forms can be analyzed. */
  private defineAtCompileTime(node: Node, frameSize: number): void {
    if (node.kind === 'def' && (node.init.kind === 'fn' || node.macro)) {
      try {
        this.preRun(node, frameSize)([]);
      } catch {
        // Reported when the program runs.
      }
    }
    for (const cell of definedCells(node)) if (cell.value === undefined) cell.value = null;
  }

  loadModule(
    name: string,
    fromUri: string | undefined,
    span: Span | undefined,
    fromModule?: string,
  ): Globals | Diagnostic[] {
    const files = { modules: this.modules, loading: this.loading, loader: this.loader };
    const from = { uri: fromUri ?? this.uri, module: fromModule };
    return loadModuleFile(this, files, name, from, span, {
      failed: (f, fail) =>
        'diagnostics' in f ? f.diagnostics : fail(ModuleCodes.badForm, String(f.error)),
    });
  }
}

const SKIP = new Set(['cell', 'span', 'type', 'value', 'key']);

/** Every cell a `def` inside `node` writes (walking the node tree). */
function definedCells(node: Node): Var[] {
  const out: Var[] = [];
  const walk = (x: unknown): void => {
    if (Array.isArray(x)) {
      for (const y of x) walk(y);
      return;
    }
    if (typeof x !== 'object' || x === null) return;
    const o = x as Record<string, unknown>;
    if (o.kind === 'const') return;
    if (o.kind === 'def') out.push(o.cell as Var);
    for (const [k, v] of Object.entries(o)) if (!SKIP.has(k)) walk(v);
  };
  walk(node);
  return out;
}

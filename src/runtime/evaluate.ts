/**
 * Running RTFS: read → analyze each top-level form → compile to closures → run.
 * Each top-level form is analyzed after the previous one ran, so a `def` (or a
 * `defmacro`) is visible to the forms that follow it. `module` and `import` are
 * handled here, at top level (see modules.ts).
 */
import type { Span } from '../source/index.js';
import { read } from '../syntax/index.js';
import { diagnostic, type Diagnostic } from '../diagnostics/index.js';
import type { Value } from '../data/index.js';
import { Globals, type Node } from '../analyzer/index.js';
import type { Fn } from './fn.js';
import { macroBuiltins } from './macro-support.js';
import { analyzeTop, makeCompiler } from './evaluator-loader.js';
import { loadModuleFile } from './module-file.js';
import { DEFAULT_JIT_THRESHOLD, type FnJit } from './jit.js';
import { DEFAULT_LOOP_THRESHOLD, type LoopJit } from './loop-jit.js';
import { PureHost, type Host } from './host.js';
import { newFrame, type Code } from './env.js';
import type { RtfsError } from './errors.js';
import { asRtfsError } from './compile-try.js';
import { type Budget, withBudget } from './budget.js';
import type { ModuleLoader } from './module-loader.js';
import { evalTopLevel, type ModuleHost, type TopResult } from './modules.js';

/**
 * Turns analyzed top-level nodes into runnable code: the evaluator's closures
 * (`makeCompiler`, the default) or another engine (the JavaScript compiler). `core`
 * is the namespace of builtins, whose cells are never reassigned once it is built.
 */
export type NodeCompiler = (host: Host, core: Globals) => (n: Node, frameSize: number) => Code;

/**
 * The closure evaluator; with `jit`, functions called `threshold` times run as
 * compiled JavaScript from then on (runtime/jit.ts), and with `loop` too, a `loop`
 * that ran `loopThreshold` iterations continues compiled (runtime/loop-jit.ts).
 */
export function evaluator(
  jit?: (host: Host, core: Globals) => FnJit,
  threshold = DEFAULT_JIT_THRESHOLD,
  loop?: (host: Host, core: Globals) => LoopJit,
  loopThreshold = threshold === 0 ? 1 : DEFAULT_LOOP_THRESHOLD,
): NodeCompiler {
  return (host, core) =>
    makeCompiler(
      host,
      jit === undefined
        ? undefined
        : {
            fn: jit(host, core),
            threshold,
            ...(loop === undefined ? {} : { loop: loop(host, core) }),
            loopThreshold,
          },
    );
}

export type EvalOutcome =
  | { readonly ok: true; readonly value: Value }
  | { readonly ok: false; readonly diagnostics: Diagnostic[]; readonly error?: undefined }
  | { readonly ok: false; readonly error: RtfsError; readonly diagnostics?: undefined };

export class Runtime implements ModuleHost {
  /** Builtins and stdlib macros; every namespace falls back to it. */
  readonly core = new Globals('rtfs.core');
  /** The namespace of scripts and the REPL. */
  readonly globals = new Globals('user', this.core);
  private readonly compiler: NodeCompiler;
  /** Made on the first form evaluated: a compiled program may never evaluate one (ADR 0059). */
  private compiled: ReturnType<NodeCompiler> | undefined;
  private readonly modules = new Map<string, Globals>();
  private readonly loading: string[] = [];

  /** A runtime whose core namespace holds `builtins` (see src/create-runtime.ts). */
  constructor(
    builtins: readonly Fn[],
    readonly host: Host = new PureHost(),
    readonly loader: ModuleLoader | undefined = undefined,
    compiler: NodeCompiler = evaluator(),
  ) {
    this.compiler = compiler;
    for (const b of [...macroBuiltins(this.globals), ...builtins]) {
      const cell = this.core.intern(b.name as string);
      cell.value = b;
      cell.builtin = true;
    }
  }

  /**
   * The budget of every {@link evalString} (runtime/budget.ts): none by default; a run
   * sets `--max-steps`/`--timeout` here. Nested in whatever budget is running already.
   */
  budget: Budget = {};

  /** Reads and evaluates every form of `text` in `ns`; the outcome of the last one. */
  evalString(text: string, uri = '<eval>', ns: Globals = this.globals): EvalOutcome {
    return withBudget(this.budget, () => this.evalText(text, uri, ns));
  }

  private evalText(text: string, uri: string, ns: Globals): EvalOutcome {
    const r = read(text, uri);
    if (r.diagnostics.length > 0) return { ok: false, diagnostics: r.diagnostics };
    let last: Value = null;
    for (let i = 0; i < r.forms.length; i++) {
      const t = this.evalForm(r.forms[i] as Value, r.spans[i], ns, uri);
      if (!t.ok) return this.outcome(t);
      last = t.value;
    }
    return { ok: true, value: last };
  }

  private outcome(t: Extract<TopResult, { ok: false }>): EvalOutcome {
    if ('diagnostics' in t) return { ok: false, diagnostics: t.diagnostics };
    const err = asRtfsError(t.error);
    if (err === undefined) throw t.error;
    return { ok: false, error: err };
  }

  /** Evaluates one top-level form in `ns`. */
  evalForm(form: Value, span: Span | undefined, ns: Globals, uri: string): TopResult {
    return evalTopLevel(form, span, ns, uri, this, this.modules, (f, at) =>
      this.evalLeaf(f, at, ns),
    );
  }

  /** A top-level form that is not `do`, `module` or `import`. */
  private evalLeaf(form: Value, span: Span | undefined, ns: Globals): TopResult {
    try {
      const a = analyzeTop(form, span, ns);
      if (a.node === undefined) return { ok: false, diagnostics: a.diagnostics };
      const code = (this.compiled ??= this.compiler(this.host, this.core))(a.node, a.frameSize);
      return { ok: true, value: code(newFrame(a.frameSize, undefined)) };
    } catch (e) {
      const err = asRtfsError(e);
      if (err === undefined) throw e;
      if (err.span === undefined) err.span = span;
      return { ok: false, error: err };
    }
  }

  loadModule(
    name: string,
    fromUri: string | undefined,
    span: Span | undefined,
    fromModule?: string,
  ): Globals | Diagnostic[] {
    const files = { modules: this.modules, loading: this.loading, loader: this.loader };
    return loadModuleFile(this, files, name, { uri: fromUri, module: fromModule }, span, {
      failed: (f, fail) =>
        'diagnostics' in f
          ? f.diagnostics
          : this.asDiagnostics({ ok: false, error: f.error }, fail),
    });
  }

  private asDiagnostics(
    t: Extract<TopResult, { ok: false }>,
    fail: (c: string, m: string) => Diagnostic[],
  ): Diagnostic[] {
    if ('diagnostics' in t) return t.diagnostics;
    const err = asRtfsError(t.error);
    if (err === undefined) throw t.error;
    return err.span
      ? [diagnostic(err.code, 'runtime', err.message, err.span)]
      : fail(err.code, err.message);
  }
}

/**
 * The state of one REPL session: a hosted runtime (its `user` namespace persists from
 * input to input), the causal chain every input is recorded in (one run per input),
 * the `defn` forms evaluated (for `:doc` and `:type`) and the keywords seen (for
 * completion). It runs inside the evaluator worker, or in-process in tests.
 */
import { readFileSync } from 'node:fs';
import { type Value, Keyword, RList, RMap, RVector, Sym, read } from '../../index.js';
import { createHostedRuntime, type Capability, type Hosted } from '../../host/index.js';
import {
  JsonlChain,
  type MemoryChain,
  formatTree,
  readRecords,
  type ChainRecord,
} from '../../audit/index.js';
import { asRtfsError } from '../../runtime/compile-try.js';
import type { RtfsError } from '../../runtime/index.js';
import type { Diagnostic } from '../../reader.js';
import { answersFrom, policyFrom } from '../host-config.js';
import { formatDiagnostic, type Colors } from '../color.js';
import { openSink } from '../evaluate.js';
import { catalogMeta, type PlannerStdlib } from '../catalog-option.js';
import { budgetOf } from '../../host/run-options.js';
import { withBudget } from '../../runtime/index.js';
import { formatValue } from './printing.js';
import { describe } from './commands.js';
import type { Completions, ReplFlags } from './protocol.js';

export type Write = (text: string, stream: 'stdout' | 'stderr') => void;

export interface SessionOptions {
  readonly flags: ReplFlags;
  readonly colors: Colors;
  readonly write: Write;
  /** Answers `ccos.user.ask` when no --answers file is given (the REPL's terminal). */
  readonly ask?: (prompt: string) => string | undefined;
}

/** Stable codes of the errors REPL commands report (docs/errors.md). */
export const ReplCodes = {
  unknownName: 'repl/unknown-name',
  missingArgument: 'repl/missing-argument',
  cannotLoad: 'repl/cannot-load',
} as const;

export class ReplSession {
  hosted: Hosted;
  readonly sink: JsonlChain | MemoryChain;
  readonly policy: { allow: string[]; deny: string[] };
  /** Runs recorded by this session (one per input), in order. */
  readonly runs: string[] = [];
  /** `defn`/`defmacro` forms by name, the latest of each. */
  readonly defns = new Map<string, RList>();
  readonly keywords = new Set<string>();
  /** Lines typed at the prompt so far (the next input starts on line lines + 1). */
  private lines = 0;
  /** True while output is discarded (replaying inputs into a fresh session). */
  quiet = false;
  /** Capabilities added after start-up (the planner standard library, loaded on demand). */
  private readonly extra: Capability[] = [];
  /** The planner standard library, once loaded. */
  private planner: PlannerStdlib | undefined;
  /** Runs of the current namespace (since start or `:reset`), in order. */
  private namespaceRuns: string[] = [];

  constructor(readonly opts: SessionOptions) {
    this.policy = policyFrom(opts.flags);
    this.sink = openSink(opts.flags);
    this.hosted = this.makeHosted();
  }

  private makeHosted(): Hosted {
    const flags = this.opts.flags;
    const ask = this.opts.ask;
    const answers =
      flags.answers !== undefined
        ? answersFrom(flags.answers)
        : ask === undefined
          ? undefined
          : { next: ask };
    const hosted = createHostedRuntime({
      sink: this.sink,
      policy: this.policy,
      out: (t) => this.out(t, 'stdout'),
      log: (t) => this.out(t, 'stderr'),
      paths: [...(flags.path ?? []), process.cwd()],
      readRoots: flags.allowRead ?? [],
      ...(answers === undefined ? {} : { answers }),
      dryRun: flags.dryRun === true,
      capabilities: this.extra,
      // --timeout / --max-steps bound every input (Ctrl-C still works without them).
      budget: budgetOf(flags),
    });
    for (const name of RESULT_VARS) hosted.runtime.globals.intern(name).value = null;
    return hosted;
  }

  /** `*1 *2 *3`: the last three values printed at the prompt; `*e`: the last error. */
  private results(value: Value | undefined, error?: RtfsError): void {
    const g = this.hosted.runtime.globals;
    if (error !== undefined) {
      g.intern('*e').value = error.toValue();
      return;
    }
    g.intern('*3').value = g.lookup('*2')?.value ?? null;
    g.intern('*2').value = g.lookup('*1')?.value ?? null;
    g.intern('*1').value = value ?? null;
  }

  /** Registers capabilities in this session (and in every session after `:reset`). */
  addCapabilities(caps: readonly Capability[]): void {
    this.extra.push(...caps);
    for (const c of caps) this.hosted.registry.register(c);
  }

  /** Adds the planner standard library (its catalog is recorded with every later input). */
  addPlanner(p: PlannerStdlib): void {
    this.planner = p;
    this.addCapabilities(p.capabilities);
  }

  get colors(): Colors {
    return this.opts.colors;
  }

  out(text: string, stream: 'stdout' | 'stderr' = 'stdout'): void {
    if (!this.quiet) this.opts.write(text, stream);
  }

  /** Reports a command error: `error: code: message`. */
  fail(code: string, message: string): false {
    const c = this.colors;
    this.out(`${c.bold(c.red('error'))}${c.bold(`: ${code}: ${message}`)}\n`, 'stderr');
    return false;
  }

  /** A fresh namespace (`:reset`); the chain goes on. */
  reset(): void {
    this.hosted = this.makeHosted();
    this.namespaceRuns = [];
    this.defns.clear();
    this.keywords.clear();
  }

  /**
   * Evaluates every form of `text` in order, printing each value; one recorded run.
   * False when reading, analysis or evaluation failed (the error is printed).
   */
  eval(text: string, uri = '<repl>', print = true): boolean {
    // Inputs typed at the prompt share the name <repl>: their lines are numbered from
    // the start of the session (blank lines stand in for the earlier inputs), so a
    // position such as <repl>:12:3 names one place even in a stack trace.
    const offset = uri === '<repl>' ? this.lines : 0;
    if (uri === '<repl>') this.lines += text.split('\n').length;
    const r = read('\n'.repeat(offset) + text, uri);
    if (r.diagnostics.length > 0) return this.diagnostics(r.diagnostics);
    for (const f of r.forms) collectKeywords(f, this.keywords);
    const { host, runtime } = this.hosted;
    // The earlier inputs of this namespace (a replay runs them first) and the catalog.
    const meta: Value[] = [Keyword.of('uri'), uri, Keyword.of('source'), text];
    if (this.namespaceRuns.length > 0)
      meta.push(Keyword.of('session'), RVector.from([...this.namespaceRuns]));
    if (this.opts.flags.dryRun === true) meta.push(Keyword.of('dry_run'), true);
    const planner = this.planner;
    if (planner !== undefined) meta.push(Keyword.of('catalog'), catalogMeta(planner));
    const run = host.startRun(uri, RMap.fromFlat(meta));
    this.runs.push(run);
    this.namespaceRuns.push(run);
    if (planner !== undefined)
      host.storeContent(planner.catalog.snapshot, 'catalog', planner.content);
    let last: Value = null;
    const prompt = print && uri === '<repl>';
    for (let i = 0; i < r.forms.length; i++) {
      const form = r.forms[i] as Value;
      const docName = prompt ? docCall(form, runtime.globals.lookup('doc')?.value) : undefined;
      if (docName !== undefined) {
        // (doc name), as in Clojure: the :doc command, then nil.
        describe(this, docName);
        this.results(null);
        last = null;
        this.out(`${formatValue(null, this.colors)}\n`);
        continue;
      }
      // Each form runs within --timeout/--max-steps (runtime.budget; none by default).
      const t = withBudget(runtime.budget, () =>
        runtime.evalForm(form, r.spans[i], runtime.globals, uri),
      );
      if (!t.ok) {
        const err = 'diagnostics' in t ? undefined : asRtfsError(t.error);
        if ('diagnostics' in t) {
          const d = t.diagnostics[0];
          host.endRun({ ok: false, error: { code: d?.code ?? '', message: d?.message ?? '' } });
          return this.diagnostics(t.diagnostics);
        }
        if (err === undefined) throw t.error;
        host.endRun({ ok: false, error: { code: err.code, message: err.message } });
        if (prompt) this.results(undefined, err);
        this.trace();
        return this.error(err);
      }
      this.remember(form);
      last = t.value;
      if (prompt) this.results(t.value);
      if (print) this.out(`${formatValue(t.value, this.colors)}\n`);
    }
    host.endRun({ ok: true, value: last });
    this.last = last;
    this.trace();
    return true;
  }

  /** With --trace, the input's run as a tree on stderr. */
  private trace(): void {
    const run = this.runs[this.runs.length - 1];
    if (this.opts.flags.trace !== true || run === undefined) return;
    this.out(`${formatTree(this.records().filter((r) => r.action.run === run))}\n`, 'stderr');
  }

  /** Evaluates `expr` (one run) and returns its value, or undefined after printing the error. */
  value(expr: string): { value: Value } | undefined {
    return this.eval(expr, '<repl>', false) ? { value: this.last } : undefined;
  }

  /** `:load FILE`: evaluates a file in the session, printing the last value. */
  load(file: string): boolean {
    if (file === '') return this.fail(ReplCodes.missingArgument, ':load needs a file name');
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (e) {
      return this.fail(ReplCodes.cannotLoad, `cannot read ${file}: ${(e as Error).message}`);
    }
    const ok = this.eval(text, file, false);
    if (ok) this.out(`${formatValue(this.last, this.colors)}\n`);
    return ok;
  }

  /** The value of the last form of the last successful input. */
  private last: Value = null;

  private remember(form: Value): void {
    if (form instanceof RList && form.items[1] instanceof Sym) {
      const head = form.items[0];
      if (head instanceof Sym && (head.name === 'defn' || head.name === 'defmacro')) {
        this.defns.set(form.items[1].name, form);
      }
    }
  }

  private diagnostics(ds: readonly Diagnostic[]): false {
    for (const d of ds) this.out(`${formatDiagnostic(d, this.colors)}\n`, 'stderr');
    return false;
  }

  private error(err: RtfsError): false {
    const text = err.render();
    const c = this.colors;
    const nl = text.indexOf('\n');
    const head = nl < 0 ? text : text.slice(0, nl);
    const painted = c.isColorSupported
      ? `${c.bold(c.red('error'))}${c.bold(head.slice('error'.length))}${nl < 0 ? '' : text.slice(nl)}`
      : text;
    this.out(`${painted}\n`, 'stderr');
    return false;
  }

  /** This session's chain records (every run it recorded). */
  records(): ChainRecord[] {
    const all =
      this.sink instanceof JsonlChain
        ? readRecords(this.opts.flags.chain as string)
        : this.sink.records();
    const mine = new Set(this.runs);
    return all.filter((r) => r.action.run !== null && mine.has(r.action.run));
  }

  completions(): Completions {
    const { runtime, registry } = this.hosted;
    return {
      symbols: [...new Set(runtime.globals.names())],
      keywords: [...this.keywords],
      capabilities: registry.ids(),
    };
  }

  close(): void {
    if (this.sink instanceof JsonlChain) this.sink.close();
  }
}

/** The REPL's result variables, bound (to nil) in every session. */
export const RESULT_VARS = ['*1', '*2', '*3', '*e'] as const;

/** The name `(doc name)` asks about, unless the program defined its own `doc`. */
function docCall(form: Value, ownDoc: Value | undefined): string | undefined {
  if (ownDoc !== undefined || !(form instanceof RList) || form.items.length !== 2) return undefined;
  const [head, name] = form.items;
  return head instanceof Sym && head.name === 'doc' && name instanceof Sym ? name.name : undefined;
}

/** Adds the name of every keyword in `v` (a form) to `out`. */
export function collectKeywords(v: Value, out: Set<string>): void {
  if (v instanceof Keyword) out.add(v.name);
  else if (v instanceof RList) for (const x of v.items) collectKeywords(x, out);
  else if (v instanceof RVector) for (const x of v) collectKeywords(x, out);
  else if (v instanceof RMap)
    v.forEach((val, key) => {
      collectKeywords(key, out);
      collectKeywords(val, out);
    });
}

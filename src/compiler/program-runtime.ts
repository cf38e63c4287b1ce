/**
 * The start-up half of an emitted ES module (`rtfs compile`): a hosted runtime (the
 * builtins, the core library, capabilities with their policy, the causal chain in
 * memory), the cells, constants and spans the compiled code links to, and the run
 * itself — each top-level form in order, printing what `rtfs run` prints.
 */
import { Source, span as makeSpan, type Span } from '../source/index.js';
import { type Value, Keyword, RMap, fromPlain, printValue } from '../data/index.js';
import { read } from '../syntax/index.js';
import { Globals, type Var } from '../analyzer/index.js';
import { compileValidator, parseTypeExpr, type TypeAst, type Validator } from '../types/index.js';
import { PlanStack } from '../runtime/compile-plan.js';
import type { StepExport } from '../analyzer/nodes.js';
import { asRtfsError } from '../runtime/compile-try.js';
import type { Fn } from '../runtime/fn.js';
// Files, not the barrels of host/ and audit/: esbuild's code splitting puts every file a
// barrel names in the runtime's graph (ADR 0046).
import { createHostedRuntime, runProgram, type Hosted, type RunOutcome } from '../host/create.js';
import type { Capability } from '../host/capability.js';
import { CountingSink } from '../audit/counting-sink.js';
import { programStdout, type Out } from './program-stdout.js';
import type { AuditSink } from '../runtime/audit-sink.js';
import type { RecordedChain } from './program-chain.js';
import { openRecordedChain } from './program-chain-loader.js';
import { budgetOf, parseRunArgs } from '../host/run-options.js';
import { type Budget, withBudget } from '../runtime/budget.js';
import { basename } from 'node:path';

export interface ProgramOptions {
  /** The main file's name (the run's uri). */
  readonly uri: string;
  /** Every source file whose spans the code uses: `[uri, text]`. */
  readonly sources: readonly (readonly [string, string])[];
  /**
   * Command-line arguments, as for `rtfs run` (the host options of
   * src/host/run-options.ts that modules accept; default: `process.argv`); the words
   * that are not options (and everything after `--`) are the program's
   * `*command-line-args*`.
   */
  readonly argv?: readonly string[];
  /** Capabilities besides the built-in ones (the planner standard library). */
  readonly capabilities?: readonly Capability[];
}

interface Flags {
  allow: string[];
  deny: string[];
  readRoots: string[];
  dryRun: boolean;
  trace: boolean;
  chain: string | undefined;
  signKey: string | undefined;
  inputs: RMap;
  budget: Budget;
  /** The program's own arguments (`*command-line-args*`): the others, and all after `--`. */
  args: string[];
}

/** Ends the process as `rtfs` does for a command-line mistake: message, exit code 2. */
function usageExit(message: string, program: string): never {
  process.stderr.write(`error: ${message}\n(run node ${program} --help for the options)\n`);
  process.exit(2);
}

/**
 * The module's command line, parsed strictly with the definitions `rtfs run` uses
 * (src/host/run-options.ts): `--help` prints them and exits; a mistake exits with 2
 * before anything runs.
 */
function parseFlags(argv: readonly string[]): Flags {
  const program = basename(process.argv[1] ?? 'module.mjs');
  const parsed = parseRunArgs(argv, program);
  if (parsed.kind === 'help') {
    process.stdout.write(parsed.text);
    process.exit(0);
  }
  if (parsed.kind === 'error') usageExit(parsed.message, program);
  const v = parsed.values;
  const list = (name: string): string[] => (v[name] as string[] | undefined) ?? [];
  const str = (name: string): string | undefined => v[name] as string | undefined;
  let inputs = RMap.EMPTY;
  const json = str('input-json');
  if (json !== undefined) {
    let data: unknown;
    try {
      data = JSON.parse(json);
    } catch (e) {
      usageExit(`--input-json is not valid JSON: ${(e as Error).message}`, program);
    }
    const m = fromPlain(data);
    if (!(m instanceof RMap)) usageExit('--input-json must be a JSON object', program);
    inputs = m;
  }
  for (const item of list('input')) {
    const eq = item.indexOf('=');
    if (eq <= 0) usageExit(`--input takes NAME=VALUE, got '${item}'`, program);
    inputs = inputs.assoc(Keyword.of(item.slice(0, eq)), literal(item.slice(eq + 1)));
  }
  return {
    allow: list('allow'),
    deny: list('deny'),
    readRoots: list('allow-read'),
    dryRun: v['dry-run'] === true,
    trace: v.trace === true,
    chain: str('chain'),
    signKey: str('sign-key'),
    inputs,
    budget: budgetOf({ maxSteps: str('max-steps'), timeout: str('timeout') }),
    args: [...parsed.args],
  };
}

/**
 * The chain of `--chain DIR` (signed with `--sign-key` or the environment's key), or
 * memory, kept for `--trace` (program-chain.ts, loaded then: ADR 0046); otherwise a sink
 * that only counts appends, as `rtfs run` does (ADR 0037: no node:crypto, no encoding
 * or hashing for a chain nobody reads).
 */
function openChain(flags: Flags): RecordedChain | undefined {
  if (flags.chain === undefined && !flags.trace) return undefined;
  const opened = openRecordedChain(flags.chain, flags.signKey);
  if (opened.kind === 'error') usageExit(opened.message, basename(process.argv[1] ?? 'module.mjs'));
  return opened.chain;
}

/** An input value: the RTFS literal `text` is, or `text` itself (as `rtfs run --input`). */
function literal(text: string): Value {
  const r = read(text, '<input>');
  return r.diagnostics.length === 0 && r.forms.length === 1 ? (r.forms[0] as Value) : text;
}

/** What the compiled code of one program links to at start-up. */
export class Program {
  readonly hosted: Hosted;
  /** The kept chain (`--chain`, `--trace`), else undefined: `sink` only counts. */
  private readonly chain: RecordedChain | undefined;
  private readonly sink: AuditSink;
  private readonly flags: Flags;
  private readonly sources: Source[];
  private readonly namespaces = new Map<string, Globals>();
  /** Standard output: `println` and the last value (directly to a pipe or file, ADR 0052). */
  private readonly out: Out = programStdout();

  constructor(readonly options: ProgramOptions) {
    this.flags = parseFlags(options.argv ?? process.argv.slice(2));
    this.chain = openChain(this.flags);
    this.sink = this.chain?.sink ?? new CountingSink();
    this.hosted = createHostedRuntime({
      out: this.out,
      sink: this.sink,
      policy: { allow: this.flags.allow, deny: this.flags.deny },
      readRoots: this.flags.readRoots,
      dryRun: this.flags.dryRun,
      ...(options.capabilities ? { capabilities: options.capabilities } : {}),
      ...(this.flags.inputs.size > 0 ? { inputs: this.flags.inputs } : {}),
      ...(this.flags.args.length > 0 ? { commandLineArgs: this.flags.args } : {}),
    });
    this.sources = options.sources.map(([uri, text]) => new Source(uri, text));
    const rt = this.hosted.runtime;
    this.namespaces.set(rt.core.name, rt.core);
    this.namespaces.set(rt.globals.name, rt.globals);
  }

  get host(): Hosted['host'] {
    return this.hosted.host;
  }

  /** The cell `name` of namespace `ns` (created unbound if needed). */
  cell(ns: string, name: string): Var {
    let g = this.namespaces.get(ns);
    if (g === undefined) {
      g = new Globals(ns, this.hosted.runtime.core);
      this.namespaces.set(ns, g);
    }
    return g.intern(name);
  }

  /** What a core builtin cell holds, or one of its implementations (`f`, `f1`, `f2`). */
  builtin(ns: string, name: string, impl: 'fn' | 'f' | 'f1' | 'f2'): unknown {
    const b = this.cell(ns, name).value as (Fn & Record<string, unknown>) | undefined;
    return impl === 'fn' || b === undefined ? b : b[impl];
  }

  span(source: number, start: number, end: number): Span {
    return makeSpan(this.sources[source] as Source, start, end);
  }

  /** A constant, from its printed form. */
  value(printed: string): Value {
    return read(printed, '<constant>').forms[0] as Value;
  }

  /** The stack of running plans the compiled code shares (step results, plan inputs). */
  readonly plans = new PlanStack();

  typeAst(printed: string): TypeAst {
    const t = parseTypeExpr(this.value(printed));
    if (!('type' in t)) throw new Error(`rtfs: bad compiled type ${printed}`);
    return t.type;
  }

  validator(printed: string): Validator {
    return compileValidator(this.typeAst(printed));
  }

  exports(pairs: readonly (readonly [string, string])[]): StepExport[] {
    return pairs.map(([key, alias]) => ({ key: Keyword.of(key), alias }));
  }

  /**
   * Runs the top-level forms as one recorded run and prints like `rtfs run`: output,
   * then the last value; an error on stderr and exit code 1.
   */
  run(forms: readonly (readonly [Span | undefined, () => Value])[]): void {
    const text = this.sources[0]?.text ?? '';
    const evaluate = (): RunOutcome => {
      let last: Value = null;
      for (const [span, form] of forms) {
        try {
          last = form();
        } catch (e) {
          const err = asRtfsError(e);
          if (err === undefined) throw e;
          if (err.span === undefined) err.span = span;
          return { ok: false, error: err };
        }
      }
      return { ok: true, value: last };
    };
    let outcome: RunOutcome;
    try {
      outcome = runProgram(this.hosted, text, this.options.uri, {
        evaluate: () => withBudget(this.flags.budget, evaluate),
      });
    } finally {
      this.chain?.close();
    }
    if (this.flags.trace && this.chain !== undefined)
      process.stderr.write(`${this.chain.tree(this.hosted.host.currentRun)}\n`);
    if (outcome.ok) this.out(`${printValue(outcome.value)}\n`);
    else {
      process.stderr.write(`${outcome.error?.render() ?? 'error'}\n`);
      process.exitCode = 1;
    }
  }
}

export function startProgram(options: ProgramOptions): Program {
  return new Program(options);
}

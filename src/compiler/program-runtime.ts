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
import { createHostedRuntime, runProgram, type Hosted, type RunOutcome } from '../host/index.js';
import { MemoryChain, JsonlChain, formatTree, readRecords } from '../audit/index.js';

export interface ProgramOptions {
  /** The main file's name (the run's uri). */
  readonly uri: string;
  /** Every source file whose spans the code uses: `[uri, text]`. */
  readonly sources: readonly (readonly [string, string])[];
  /**
   * Command-line arguments, as for `rtfs run`: `--allow P`, `--deny P`, `--dry-run`,
   * `--trace`, `--chain DIR`, `--input NAME=VALUE`, `--input-json JSON`; the others
   * (and everything after `--`) are the program's `*command-line-args*`.
   */
  readonly argv?: readonly string[];
}

interface Flags {
  allow: string[];
  deny: string[];
  dryRun: boolean;
  trace: boolean;
  chain: string | undefined;
  inputs: RMap;
  /** The program's own arguments (`*command-line-args*`): the others, and all after `--`. */
  args: string[];
}

function parseFlags(argv: readonly string[]): Flags {
  const f: Flags = {
    allow: [],
    deny: [],
    dryRun: false,
    trace: false,
    chain: undefined,
    inputs: RMap.EMPTY,
    args: [],
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === '--') {
      f.args.push(...argv.slice(i + 1));
      break;
    } else if (a === '--allow' || a === '--deny')
      f[a === '--allow' ? 'allow' : 'deny'].push(argv[++i] ?? '');
    else if (a === '--dry-run') f.dryRun = true;
    else if (a === '--trace') f.trace = true;
    else if (a === '--chain') f.chain = argv[++i];
    else if (a === '--input') {
      const item = argv[++i] ?? '';
      const eq = item.indexOf('=');
      if (eq > 0)
        f.inputs = f.inputs.assoc(Keyword.of(item.slice(0, eq)), literal(item.slice(eq + 1)));
    } else if (a === '--input-json') {
      const v = fromPlain(JSON.parse(argv[++i] ?? '{}') as unknown);
      if (v instanceof RMap) for (const [k, x] of v.entries()) f.inputs = f.inputs.assoc(k, x);
    } else f.args.push(a);
  }
  return f;
}

/** An input value: the RTFS literal `text` is, or `text` itself (as `rtfs run --input`). */
function literal(text: string): Value {
  const r = read(text, '<input>');
  return r.diagnostics.length === 0 && r.forms.length === 1 ? (r.forms[0] as Value) : text;
}

/** What the compiled code of one program links to at start-up. */
export class Program {
  readonly hosted: Hosted;
  private readonly sink: MemoryChain | JsonlChain;
  private readonly flags: Flags;
  private readonly sources: Source[];
  private readonly namespaces = new Map<string, Globals>();

  constructor(readonly options: ProgramOptions) {
    this.flags = parseFlags(options.argv ?? process.argv.slice(2));
    this.sink =
      this.flags.chain === undefined ? new MemoryChain() : JsonlChain.open(this.flags.chain);
    this.hosted = createHostedRuntime({
      sink: this.sink,
      policy: { allow: this.flags.allow, deny: this.flags.deny },
      dryRun: this.flags.dryRun,
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
      outcome = runProgram(this.hosted, text, this.options.uri, { evaluate });
    } finally {
      if (this.sink instanceof JsonlChain) this.sink.close();
    }
    if (this.flags.trace) {
      const records =
        this.sink instanceof JsonlChain
          ? readRecords(this.flags.chain as string)
          : this.sink.records();
      process.stderr.write(`${formatTree(records, this.hosted.host.currentRun)}\n`);
    }
    if (outcome.ok) process.stdout.write(`${printValue(outcome.value)}\n`);
    else {
      process.stderr.write(`${outcome.error?.render() ?? 'error'}\n`);
      process.exitCode = 1;
    }
  }
}

export function startProgram(options: ProgramOptions): Program {
  return new Program(options);
}

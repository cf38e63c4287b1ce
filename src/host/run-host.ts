/**
 * The capability host: the runtime's {@link Host} for real runs. It checks every
 * `(call …)` against the policy (deny by default), validates input and output against
 * the capability's schemas, runs it, and records the run, its steps and its calls in
 * the causal chain through an {@link AuditSink}, with explicit parents and a
 * deterministic call path (`"2.0.1"`: the third child of the run's first … ).
 */
import type { Span } from '../source/index.js';
import { type Value, Keyword, RMap, RVector, printValue } from '../data/index.js';
import { RtfsError, checkBudget, type Host, type Fn } from '../runtime/index.js';
import type { AuditSink } from '../runtime/audit-sink.js';
import {
  compileValidator,
  typeErrorMessage,
  type TypeAst,
  type Validator,
} from '../types/index.js';
import type { Capability, CapabilityContext, ExecuteMode } from './capability.js';
import { isSafeInDryRun } from './capability.js';
import type { CapabilityRegistry } from './registry.js';
import { decideCall, type Decision, type Policy } from './policy.js';
import { type Frame, RunSpans } from './run-spans.js';
import { capabilityFromSpec } from './define.js';
import { asRecorded, deterministic } from './recorded.js';
import type { ReplayLog } from './replay.js';
import { placeholderInput, simulatedValue } from './simulate.js';
import { ControlCodes } from './builtin/control.js';

const REPLAY_DIVERGED = 'replay/diverged';

export const CapabilityCodes = {
  unknown: 'capability/unknown',
  denied: 'capability/denied',
  invalidInput: 'capability/invalid-input',
  invalidOutput: 'capability/invalid-output',
  failed: 'capability/failed',
  badDefinition: 'capability/bad-definition',
  redefinition: 'capability/redefinition',
} as const;

export interface RunHostOptions {
  readonly registry: CapabilityRegistry;
  readonly policy: Policy;
  readonly sink?: AuditSink;
  /** `@name` values (plan-id, intent-id …). */
  readonly context?: ReadonlyMap<string, Value>;
  /** Dry run: capabilities with effects other than :pure/:read return a simulated value. */
  readonly dryRun?: boolean;
  readonly log?: (text: string) => void;
  /** Wall clock in ms (tests fix it). */
  readonly now?: () => number;
  /** Replaying a recorded run: calls are matched against, and answered from, this log. */
  readonly replay?: ReplayLog;
  /** The inputs of the plan this run executes (`--input`). */
  readonly inputs?: RMap;
  /** How `ccos.plan.execute` runs a plan given no `:mode` (default dry-run). */
  readonly executeMode?: ExecuteMode;
}

/** Evaluates plan source text as a child program (attached by createHostedRuntime). */
export type PlanEvaluator = (plan: Value, uri: string) => Value;

export class RunHost extends RunSpans implements Host {
  private readonly validators = new WeakMap<
    Capability,
    { input?: Validator; output?: Validator }
  >();
  /**
   * Number of live (non-simulated) capability executions; in a replay, only those of
   * capabilities with effects (the deterministic ones are counted in `reexecuted`).
   */
  liveCalls = 0;
  /** In a replay: deterministic capabilities executed again (and compared with the log). */
  reexecuted = 0;

  private dryRun: boolean;
  private readonly inputStack: RMap[];
  private replay: ReplayLog | undefined;
  private evaluator: PlanEvaluator | undefined;

  constructor(private readonly opts: RunHostOptions) {
    super(opts.sink, opts.now);
    this.dryRun = opts.dryRun === true;
    this.inputStack = [opts.inputs ?? RMap.EMPTY];
    this.replay = opts.replay;
    this.executeMode = opts.executeMode ?? 'dry-run';
  }

  /** True when effects are simulated (`--dry-run`). */
  get isDryRun(): boolean {
    return this.dryRun;
  }

  /** For a replay of several runs (a REPL session): the inputs, mode and log of the next. */
  setInputs(inputs: RMap | undefined): void {
    this.inputStack[0] = inputs ?? RMap.EMPTY;
  }

  setDryRun(dryRun: boolean): void {
    this.dryRun = dryRun;
  }

  /** How `ccos.plan.execute` runs a plan given no `:mode`. */
  executeMode: ExecuteMode;

  replayFrom(log: ReplayLog): void {
    this.replay = log;
  }

  /** Lets `ccos.plan.execute` run child plans through the runtime. */
  attachEvaluator(e: PlanEvaluator): void {
    this.evaluator = e;
  }

  placeholderInput(name: string, type: TypeAst): Value | undefined {
    // Only a child plan run in dry-run mode: nothing real depends on the value.
    if (!this.dryRun || this.inputStack.length < 2) return undefined;
    const v = placeholderInput(name, type);
    if (v !== undefined)
      this.opts.log?.(`dry run: plan input :${name} was not given; using ${printValue(v)}\n`);
    return v;
  }

  planInputs(): Value {
    return this.inputStack[this.inputStack.length - 1] ?? RMap.EMPTY;
  }

  contextValue(name: string): Value | undefined {
    if (name === 'run-id' || name === 'plan-run-id') return this.runId || undefined;
    return this.opts.context?.get(name);
  }

  callCapability(id: string, args: Value[], span: Span | undefined): Value {
    // One argument is the input; none is nil; several are passed as a vector.
    const input: Value =
      args.length === 0 ? null : args.length === 1 ? (args[0] as Value) : RVector.from(args);
    return this.call(id, input, span);
  }

  /** Runs capability `id` on `input` (also used for nested calls from implementations). */
  call(id: string, input: Value, span: Span | undefined): Value {
    // A timeout or Ctrl-C is noticed before an effect, not only between steps.
    checkBudget();
    const cap = this.opts.registry.get(id);
    const replay = this.replay;
    if (replay === undefined) return this.execute(id, cap, input, span);
    // In a replay: answered from the log, or re-executed and compared with it.
    const replayed = this.replayCall(id, input, cap, span);
    if ('value' in replayed) return replayed.value;
    let out: Value;
    try {
      out = this.execute(id, cap, input, span);
    } catch (e) {
      if (!(e instanceof RtfsError) || e.code === REPLAY_DIVERGED) throw e;
      const error = { code: e.code, message: e.message };
      const problem = replay.checkLive(replayed.live, id, { ok: false, error });
      if (problem !== undefined) throw new RtfsError(REPLAY_DIVERGED, problem, span);
      throw e;
    }
    const problem = replay.checkLive(replayed.live, id, { ok: true, value: out });
    if (problem !== undefined) throw new RtfsError(REPLAY_DIVERGED, problem, span);
    return out;
  }

  private execute(
    id: string,
    cap: Capability | undefined,
    input: Value,
    span: Span | undefined,
  ): Value {
    if (cap === undefined) {
      const near = this.opts.registry.suggestions(id);
      const hint = near.length > 0 ? `; did you mean ${near.map((n) => `'${n}'`).join(', ')}?` : '';
      throw new RtfsError(CapabilityCodes.unknown, `unknown capability '${id}'${hint}`, span);
    }
    const simulate = this.dryRun && !isSafeInDryRun(cap);
    const { decision, meta } = this.decisionOf(cap, simulate);
    const frame = this.open('CapabilityCall', id, input, meta, !isSafeInDryRun(cap));
    if (!decision.allowed) {
      this.fail(
        frame,
        id,
        span,
        CapabilityCodes.denied,
        `capability '${id}' is not allowed by this run's policy (grant it with --allow ${id})`,
      );
    }
    const v = this.validatorsOf(cap);
    const bad = v.input?.(input);
    if (bad !== undefined)
      this.fail(
        frame,
        id,
        span,
        CapabilityCodes.invalidInput,
        typeErrorMessage(`the input of capability '${id}'`, bad),
      );
    let out: Value;
    try {
      if (simulate) {
        out = simulated(cap, input);
      } else {
        if (this.replay !== undefined && deterministic(cap)) this.reexecuted++;
        else this.liveCalls++;
        out = cap.impl(input, this.contextFor(span));
      }
    } catch (e) {
      const err =
        e instanceof RtfsError
          ? e
          : new RtfsError(
              CapabilityCodes.failed,
              `capability '${id}' failed: ${e instanceof Error ? e.message : String(e)}`,
              span,
            );
      this.noteFailure(err, id);
      this.close(frame, 'CapabilityResult', id, {
        ok: false,
        error: { code: err.code, message: err.message },
      });
      throw err;
    }
    const badOut = simulate ? undefined : v.output?.(out);
    if (badOut !== undefined)
      this.fail(
        frame,
        id,
        span,
        CapabilityCodes.invalidOutput,
        typeErrorMessage(`the output of capability '${id}'`, badOut),
      );
    // What a replay will answer from the log, the run sees now (map order included).
    if (!deterministic(cap)) out = asRecorded(out);
    this.close(
      frame,
      'CapabilityResult',
      id,
      { ok: true, value: out },
      simulate ? SIMULATED : undefined,
    );
    return out;
  }

  /** Records the call in `frame` as failed with `code` and throws that error. */
  private fail(
    frame: Frame,
    id: string,
    span: Span | undefined,
    code: string,
    message: string,
  ): never {
    const err = new RtfsError(code, message, span);
    this.noteFailure(err, id);
    this.close(frame, 'CapabilityResult', id, { ok: false, error: { code, message } });
    throw err;
  }

  /** In a replay: the recorded answer of this call, or undefined to run it live. */
  private replayCall(
    id: string,
    input: Value,
    cap: Capability | undefined,
    span: Span | undefined,
  ): { value: Value } | { live: string } {
    const replay = this.replay as ReplayLog;
    const parent = this.stack[this.stack.length - 1];
    const path =
      parent === undefined || parent.path === ''
        ? `${parent?.children ?? 0}`
        : `${parent.path}.${parent.children}`;
    const ans = replay.answer(path, id, input, cap);
    if (ans.kind === 'live') return { live: path };
    if (ans.kind === 'diverged') throw new RtfsError('replay/diverged', ans.message, span);
    const frame = this.open('CapabilityCall', id, input);
    const r = ans.result;
    this.close(frame, 'CapabilityResult', id, r);
    if (!r.ok) {
      const err = new RtfsError(r.error.code, r.error.message, span);
      this.noteFailure(err, id);
      throw err;
    }
    return { value: r.value };
  }

  /**
   * The context of a call made at `span`: made once per call site (and step name and
   * execute mode), not per call — its functions depend on nothing else.
   */
  private contextFor(span: Span | undefined): CapabilityContext {
    const stepName = this.innermostStep();
    const key: object = span ?? NO_SPAN;
    let c = this.contexts.get(key);
    if (c === undefined || c.stepName !== stepName || c.executeMode !== this.executeMode) {
      c = {
        call: (id, input) => this.call(id, input, span),
        log: (text) => this.opts.log?.(text),
        step: (name, body) => this.inStep(name, body),
        stepName,
        runPlan: (plan, inputs, dryRun) => this.runChildPlan(plan, inputs, dryRun, span),
        executeMode: this.executeMode,
      };
      this.contexts.set(key, c);
    }
    return c;
  }

  private readonly contexts = new WeakMap<object, CapabilityContext>();

  private inStep(name: string, body: () => Value): Value {
    const id = this.stepStarted(name);
    let v: Value;
    try {
      v = body();
    } catch (e) {
      if (e instanceof RtfsError) this.stepFailed(id, e);
      throw e;
    }
    this.stepCompleted(id, v);
    return v;
  }

  private runChildPlan(plan: Value, inputs: Value, dryRun: boolean, span: Span | undefined): Value {
    if (this.evaluator === undefined)
      throw new RtfsError(CapabilityCodes.failed, 'this host cannot run child plans', span);
    const saved = this.dryRun;
    // A dry-run parent never runs a child for real.
    this.dryRun = saved || dryRun;
    this.inputStack.push(inputs instanceof RMap ? inputs : RMap.EMPTY);
    const base = this.stack.length;
    try {
      return this.evaluator(plan, '<child-plan>');
    } catch (e) {
      if (!(e instanceof RtfsError)) throw e;
      const f = this.failure?.error === e ? this.failure : undefined;
      const where = [
        f?.step !== undefined && f.depth >= base ? `at step "${f.step}"` : '',
        f?.capability !== undefined ? `calling ${f.capability}` : '',
      ]
        .filter((x) => x !== '')
        .join(' ');
      throw new RtfsError(
        ControlCodes.planFailed,
        `the ${this.dryRun ? 'dry run of the ' : ''}plan failed${where ? ` ${where}` : ''}: ${e.code}: ${e.message}`,
        span,
      );
    } finally {
      this.inputStack.pop();
      this.dryRun = saved;
    }
  }

  /**
   * The policy's decision on calling `cap` and the call record's meta, made once per
   * capability (and dry-run state): the same meta map each call lets the chain reuse its
   * canonical encoding.
   */
  private decisionOf(cap: Capability, simulate: boolean): CallDecision {
    let both = this.decisions.get(cap);
    if (both === undefined) this.decisions.set(cap, (both = [undefined, undefined]));
    const i = simulate ? 1 : 0;
    let d = both[i];
    if (d === undefined) {
      const decision = decideCall(this.opts.policy, cap, simulate);
      const effects = cap.effects.map((e) => `:${e}`).join(' ');
      const meta = metaOf(decision.allowed ? 'allow' : 'deny', decision.rule, effects);
      both[i] = d = { decision, meta };
    }
    return d;
  }

  private readonly decisions = new WeakMap<
    Capability,
    [CallDecision | undefined, CallDecision | undefined]
  >();

  private validatorsOf(cap: Capability): { input?: Validator; output?: Validator } {
    let v = this.validators.get(cap);
    if (v === undefined) {
      v = {
        ...(cap.inputSchema ? { input: compileValidator(cap.inputSchema) } : {}),
        ...(cap.outputSchema ? { output: compileValidator(cap.outputSchema) } : {}),
      };
      this.validators.set(cap, v);
    }
    return v;
  }

  defineCapability(id: string, spec: Value, impl: Fn, span: Span | undefined): void {
    const r = capabilityFromSpec(id, spec, impl);
    if ('error' in r) throw new RtfsError(CapabilityCodes.badDefinition, r.error, span);
    const refused = this.opts.registry.define(r.capability);
    if (refused !== undefined)
      throw new RtfsError(CapabilityCodes.redefinition, `defcapability ${refused}`, span);
  }
}

const kw = (name: string): Keyword => Keyword.of(name);

/** The key of the context of calls made without a source span. */
const NO_SPAN = {};

/** The meta of a simulated call's result (one map: the chain encodes it once). */
const SIMULATED: Value = RMap.fromFlat([kw('simulated'), true]);

interface CallDecision {
  readonly decision: Decision;
  readonly meta: Value;
}

function metaOf(decision: string, rule: string | undefined, effects: string): Value {
  return RMap.fromFlat([
    kw('decision'),
    kw(decision),
    kw('rule'),
    rule ?? null,
    kw('effects'),
    effects,
  ]);
}

/** A dry-run stand-in shaped by the capability's output schema (simulate.ts). */
function simulated(cap: Capability, input: Value): Value {
  return simulatedValue(cap, input);
}

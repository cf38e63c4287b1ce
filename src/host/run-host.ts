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
import type { ActionInput, ActionType, AuditSink } from '../runtime/audit-sink.js';
import {
  compileValidator,
  typeErrorMessage,
  type TypeAst,
  type Validator,
} from '../types/index.js';
import type { Capability, CapabilityContext } from './capability.js';
import { isSafeInDryRun } from './capability.js';
import type { CapabilityRegistry } from './registry.js';
import { decide, type Policy } from './policy.js';
import { uuidv7 } from './ids.js';
import { capabilityFromSpec } from './define.js';
import type { ReplayLog } from './replay.js';
import { placeholderInput, simulatedValue } from './simulate.js';

export const CapabilityCodes = {
  unknown: 'capability/unknown',
  denied: 'capability/denied',
  invalidInput: 'capability/invalid-input',
  invalidOutput: 'capability/invalid-output',
  failed: 'capability/failed',
  badDefinition: 'capability/bad-definition',
  redefinition: 'capability/redefinition',
} as const;

interface Frame {
  readonly id: string;
  /** A step's name ('' for runs and calls). */
  readonly name: string;
  readonly path: string;
  children: number;
  readonly started: number;
}

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
}

/** Evaluates plan source text as a child program (attached by createHostedRuntime). */
export type PlanEvaluator = (plan: Value, uri: string) => Value;

export class RunHost implements Host {
  private readonly stack: Frame[] = [];
  private readonly validators = new WeakMap<
    Capability,
    { input?: Validator; output?: Validator }
  >();
  private runId = '';
  /** Number of live (non-simulated) capability executions. */
  liveCalls = 0;

  private dryRun: boolean;
  private readonly inputStack: RMap[];
  private evaluator: PlanEvaluator | undefined;

  constructor(private readonly opts: RunHostOptions) {
    this.dryRun = opts.dryRun === true;
    this.inputStack = [opts.inputs ?? RMap.EMPTY];
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

  private now(): number {
    return (this.opts.now ?? Date.now)();
  }

  private record(a: ActionInput, durable = false): void {
    this.opts.sink?.append(a, durable);
  }

  /** Opens a run: records PlanStarted (with the program source and its name). */
  startRun(name: string, meta: Value = null): string {
    this.runId = uuidv7(this.now());
    const frame: Frame = { id: this.runId, name: '', path: '', children: 0, started: this.now() };
    this.stack.length = 0;
    this.stack.push(frame);
    this.record(
      {
        id: this.runId,
        type: 'PlanStarted',
        parent: null,
        run: this.runId,
        callPath: '',
        name,
        meta,
      },
      true,
    );
    return this.runId;
  }

  /** Closes the run with its value or error (PlanCompleted / PlanAborted) and flushes. */
  endRun(
    outcome: { ok: true; value: Value } | { ok: false; error: { code: string; message: string } },
  ): void {
    const run = this.stack[0];
    if (run === undefined) return;
    const type: ActionType = outcome.ok ? 'PlanCompleted' : 'PlanAborted';
    this.record({
      id: `${this.runId}/end`,
      type,
      parent: this.runId,
      run: this.runId,
      callPath: 'end',
      result: outcome.ok
        ? { ok: true, value: outcome.value }
        : { ok: false, error: { code: outcome.error.code, message: outcome.error.message } },
      durationMs: this.now() - run.started,
    });
    this.stack.length = 0;
    this.opts.sink?.checkpoint?.();
    this.opts.sink?.flush();
  }

  /**
   * Records a run-level event that is not a call or a step (an applied plan rewrite):
   * a child of the run with call path `<kind>.<n>`.
   */
  note(type: ActionType, kind: string, n: number, name: string, meta: Value): void {
    this.record({
      id: `${this.runId}/${kind}${n}`,
      type,
      parent: this.runId,
      run: this.runId,
      callPath: `${kind}.${n}`,
      name,
      meta,
    });
  }

  get currentRun(): string {
    return this.runId;
  }

  /** Opens a child span of the innermost open one; returns it. */
  private open(
    type: ActionType,
    name: string,
    extra: Partial<ActionInput> = {},
    durable = false,
  ): Frame {
    const parent = this.stack[this.stack.length - 1];
    const index = parent === undefined ? 0 : parent.children++;
    const path =
      parent === undefined || parent.path === '' ? `${index}` : `${parent.path}.${index}`;
    const id = `${this.runId || 'norun'}/${path}`;
    this.record(
      { id, type, parent: parent?.id ?? null, run: this.runId, callPath: path, name, ...extra },
      durable,
    );
    const frame: Frame = {
      id,
      name: type === 'StepStarted' ? name : '',
      path,
      children: 0,
      started: this.now(),
    };
    this.stack.push(frame);
    return frame;
  }

  private close(frame: Frame, type: ActionType, name: string, extra: Partial<ActionInput>): void {
    const top = this.stack.pop();
    if (top !== frame) throw new Error(`rtfs host: span ${frame.id} closed out of order`);
    this.record({
      id: `${frame.id}/end`,
      type,
      parent: frame.id,
      run: this.runId,
      callPath: frame.path,
      name,
      durationMs: this.now() - frame.started,
      ...extra,
    });
  }

  stepStarted(name: string): string {
    return this.open('StepStarted', name).id;
  }

  stepCompleted(id: string, value: Value): void {
    const frame = this.stack[this.stack.length - 1];
    if (frame?.id !== id) return;
    this.close(frame, 'StepCompleted', '', { result: { ok: true, value } });
  }

  stepFailed(id: string, error: RtfsError): void {
    const frame = this.stack[this.stack.length - 1];
    if (frame?.id !== id) return;
    this.close(frame, 'StepFailed', '', {
      result: { ok: false, error: { code: error.code, message: error.message } },
    });
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
    // In a replay, the call path of a capability re-executed live (its result is compared).
    let livePath: string | undefined;
    if (this.opts.replay !== undefined) {
      const replayed = this.replayCall(id, input, cap, span);
      if ('value' in replayed) return replayed.value;
      livePath = replayed.live;
    }
    if (cap === undefined) {
      const near = this.opts.registry.suggestions(id);
      const hint = near.length > 0 ? `; did you mean ${near.map((n) => `'${n}'`).join(', ')}?` : '';
      throw new RtfsError(CapabilityCodes.unknown, `unknown capability '${id}'${hint}`, span);
    }
    const decision = decide(this.opts.policy, id);
    const effects = cap.effects.map((e) => `:${e}`).join(' ');
    const frame = this.open(
      'CapabilityCall',
      id,
      { args: input, meta: metaOf(decision.allowed ? 'allow' : 'deny', decision.rule, effects) },
      !isSafeInDryRun(cap),
    );
    const fail = (code: string, message: string): never => {
      const err = new RtfsError(code, message, span);
      this.close(frame, 'CapabilityResult', id, {
        result: { ok: false, error: { code, message } },
      });
      throw err;
    };
    if (!decision.allowed) {
      fail(
        CapabilityCodes.denied,
        `capability '${id}' is not allowed by this run's policy (grant it with --allow ${id})`,
      );
    }
    const v = this.validatorsOf(cap);
    const bad = v.input?.(input);
    if (bad !== undefined)
      fail(CapabilityCodes.invalidInput, typeErrorMessage(`the input of capability '${id}'`, bad));
    let out: Value;
    const simulate = this.dryRun && !isSafeInDryRun(cap);
    try {
      if (simulate) {
        out = simulated(cap, input);
      } else {
        this.liveCalls++;
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
      this.close(frame, 'CapabilityResult', id, {
        result: { ok: false, error: { code: err.code, message: err.message } },
      });
      throw err;
    }
    const badOut = simulate ? undefined : v.output?.(out);
    if (badOut !== undefined)
      fail(
        CapabilityCodes.invalidOutput,
        typeErrorMessage(`the output of capability '${id}'`, badOut),
      );
    this.close(frame, 'CapabilityResult', id, {
      result: { ok: true, value: out },
      ...(simulate ? { meta: RMap.fromFlat([kw('simulated'), true]) } : {}),
    });
    if (livePath !== undefined) {
      const problem = this.opts.replay?.checkLive(livePath, id, out);
      if (problem !== undefined) throw new RtfsError('replay/diverged', problem, span);
    }
    return out;
  }

  /** In a replay: the recorded answer of this call, or undefined to run it live. */
  private replayCall(
    id: string,
    input: Value,
    cap: Capability | undefined,
    span: Span | undefined,
  ): { value: Value } | { live: string } {
    const replay = this.opts.replay as ReplayLog;
    const parent = this.stack[this.stack.length - 1];
    const path =
      parent === undefined || parent.path === ''
        ? `${parent?.children ?? 0}`
        : `${parent.path}.${parent.children}`;
    const ans = replay.answer(path, id, input, cap);
    if (ans.kind === 'live') return { live: path };
    if (ans.kind === 'diverged') throw new RtfsError('replay/diverged', ans.message, span);
    const frame = this.open('CapabilityCall', id, { args: input });
    const r = ans.result;
    this.close(frame, 'CapabilityResult', id, { result: r });
    if (!r.ok) throw new RtfsError(r.error.code, r.error.message, span);
    return { value: r.value };
  }

  private contextFor(span: Span | undefined): CapabilityContext {
    return {
      call: (id, input) => this.call(id, input, span),
      log: (text) => this.opts.log?.(text),
      step: (name, body) => this.inStep(name, body),
      stepName: this.innermostStep(),
      runPlan: (plan, inputs, dryRun) => this.runChildPlan(plan, inputs, dryRun, span),
    };
  }

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

  private innermostStep(): string | undefined {
    for (let i = this.stack.length - 1; i >= 0; i--) {
      const f = this.stack[i] as Frame;
      if (f.name !== '') return f.name;
    }
    return undefined;
  }

  private runChildPlan(plan: Value, inputs: Value, dryRun: boolean, span: Span | undefined): Value {
    if (this.evaluator === undefined)
      throw new RtfsError(CapabilityCodes.failed, 'this host cannot run child plans', span);
    const saved = this.dryRun;
    // A dry-run parent never runs a child for real.
    this.dryRun = saved || dryRun;
    this.inputStack.push(inputs instanceof RMap ? inputs : RMap.EMPTY);
    try {
      return this.evaluator(plan, '<child-plan>');
    } finally {
      this.inputStack.pop();
      this.dryRun = saved;
    }
  }

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

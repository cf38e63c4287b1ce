/**
 * Wires a runtime to a capability host: builtins, core macros, the built-in
 * capabilities, a policy, and an audit sink.
 */
import { type Value, Keyword, MAX_STRING, RMap, printValue } from '../data/index.js';
import { Globals } from '../analyzer/index.js';
import { RtfsError, RuntimeCodes } from '../runtime/index.js';
import { Source } from '../source/index.js';
import { createRuntime } from '../create-runtime.js';
import type { Budget, Runtime, NodeCompiler } from '../runtime/index.js';
import type { AuditSink } from '../runtime/audit-sink.js';
import { CapabilityRegistry } from './registry.js';
import { RunHost } from './run-host.js';
import type { Policy } from './policy.js';
import { coreDataCapabilities } from './builtin/core-data.js';
import { ccosCapabilities } from './builtin/ccos.js';
import { controlCapabilities } from './builtin/control.js';
import { approvalCapabilities, dryRunCapability } from './builtin/approval.js';
import type { Capability, ExecuteMode } from './capability.js';
import type { ReplayLog } from './replay.js';

export interface HostedOptions {
  readonly policy: Policy;
  readonly sink?: AuditSink;
  readonly out?: (text: string) => void;
  readonly log?: (text: string) => void;
  readonly paths?: readonly string[];
  readonly readRoots?: readonly string[];
  readonly answers?: { next(prompt: string): string | undefined };
  readonly dryRun?: boolean;
  /** Extra capabilities (catalog implementations, test doubles). */
  readonly capabilities?: readonly Capability[];
  readonly context?: ReadonlyMap<string, Value>;
  readonly replay?: ReplayLog;
  /** The inputs of the plan being run (`rtfs run --input`). */
  readonly inputs?: RMap;
  /** The engine (see RuntimeOptions.compiler). */
  readonly compiler?: NodeCompiler;
  /** The evaluator's JIT tier (see RuntimeOptions.jit). */
  readonly jit?: number | false;
  /** How `ccos.plan.execute` runs a plan given no `:mode` (default dry-run). */
  readonly executeMode?: ExecuteMode;
  /** Step and time limits of the run (see RuntimeOptions.budget). */
  readonly budget?: Budget;
  /** `*command-line-args*` (see RuntimeOptions.commandLineArgs). */
  readonly commandLineArgs?: readonly string[];
}

export interface Hosted {
  readonly runtime: Runtime;
  readonly host: RunHost;
  readonly registry: CapabilityRegistry;
}

export function builtinCapabilities(
  o: Pick<HostedOptions, 'log' | 'readRoots' | 'answers'>,
  registry?: CapabilityRegistry,
): Capability[] {
  return [
    ...coreDataCapabilities,
    ...controlCapabilities(),
    dryRunCapability(),
    ...approvalCapabilities({
      effectsOf: (id) => registry?.get(id)?.effects,
      ...(o.answers ? { answers: o.answers } : {}),
    }),
    ...ccosCapabilities({
      log: o.log ?? ((t) => void process.stderr.write(t)),
      readRoots: o.readRoots ?? [],
      ...(o.answers ? { answers: o.answers } : {}),
    }),
  ];
}

export function createHostedRuntime(o: HostedOptions): Hosted {
  const registry = new CapabilityRegistry();
  for (const c of [...builtinCapabilities(o, registry), ...(o.capabilities ?? [])])
    registry.register(c);
  const host = new RunHost({
    registry,
    policy: o.policy,
    ...(o.sink ? { sink: o.sink } : {}),
    ...(o.log ? { log: o.log } : {}),
    ...(o.context ? { context: o.context } : {}),
    ...(o.dryRun !== undefined ? { dryRun: o.dryRun } : {}),
    ...(o.replay ? { replay: o.replay } : {}),
    ...(o.inputs ? { inputs: o.inputs } : {}),
    ...(o.executeMode ? { executeMode: o.executeMode } : {}),
  });
  const runtime = createRuntime({
    host,
    ...(o.out ? { out: o.out } : {}),
    ...(o.log ? { log: o.log } : {}),
    ...(o.paths ? { paths: o.paths } : {}),
    ...(o.compiler ? { compiler: o.compiler } : {}),
    ...(o.jit !== undefined ? { jit: o.jit } : {}),
    ...(o.budget !== undefined ? { budget: o.budget } : {}),
    ...(o.commandLineArgs ? { commandLineArgs: o.commandLineArgs } : {}),
  });
  host.attachEvaluator((plan, uri) => {
    const text = typeof plan === 'string' ? plan : printValue(plan);
    // A child plan gets its own namespace: its definitions do not leak into the parent.
    const o = runtime.evalString(text, uri, new Globals('plan', runtime.core));
    if (o.ok) return o.value;
    if (o.error !== undefined) throw o.error;
    const d = o.diagnostics[0];
    throw new RtfsError(d?.code ?? 'runtime/unknown', d?.message ?? 'the child plan failed');
  });
  return { runtime, host, registry };
}

export type RunOutcome = ReturnType<Runtime['evalString']>;

/**
 * Runs a program as one recorded run: PlanStarted (with the program's uri and source,
 * so a replay can re-run it), the evaluation, then PlanCompleted or PlanAborted.
 */
export function runProgram(
  h: Hosted,
  text: string,
  uri: string,
  extra?: { meta?: RMap; before?: () => void; evaluate?: () => RunOutcome },
): RunOutcome {
  // A source beyond the size limit is refused by the reader; do not record it first.
  if (text.length > MAX_STRING) return h.runtime.evalString(text, uri);
  let meta = RMap.fromFlat([Keyword.of('uri'), uri, Keyword.of('source'), text]);
  const inputs = h.host.planInputs();
  if (inputs instanceof RMap && inputs.size > 0) meta = meta.assoc(Keyword.of('inputs'), inputs);
  if (h.host.isDryRun) meta = meta.assoc(Keyword.of('dry_run'), true);
  if (h.host.executeMode !== 'dry-run')
    meta = meta.assoc(Keyword.of('execute_mode'), Keyword.of(h.host.executeMode));
  extra?.meta?.forEach((v, k) => {
    meta = meta.assoc(k, v);
  });
  h.host.startRun(uri, meta);
  extra?.before?.();
  const outcome = extra?.evaluate ? extra.evaluate() : h.runtime.evalString(text, uri);
  if (outcome.ok) {
    try {
      h.host.endRun({ ok: true, value: outcome.value });
    } catch (e) {
      if (!(e instanceof RangeError)) throw e;
      // The value is nested too deeply to encode (the record was not written): the run
      // fails with a clear error, recorded, instead of crashing.
      const error = new RtfsError(
        RuntimeCodes.stackDepth,
        "the program's value is nested too deeply to record in the causal chain",
        { source: new Source(uri, text), start: 0, end: Math.min(1, text.length) },
      );
      h.host.endRun({ ok: false, error: { code: error.code, message: error.message } });
      return { ok: false, error };
    }
  } else {
    const d = outcome.diagnostics?.[0];
    const error = outcome.error ?? {
      code: d?.code ?? 'runtime/unknown',
      message: d?.message ?? '',
    };
    h.host.endRun({ ok: false, error: { code: error.code, message: error.message } });
  }
  return outcome;
}

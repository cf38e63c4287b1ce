/**
 * Wires a runtime to a capability host: builtins, core macros, the built-in
 * capabilities, a policy, and an audit sink.
 */
import { type Value, Keyword, RMap } from '../data/index.js';
import { createRuntime } from '../create-runtime.js';
import type { Runtime, NodeCompiler } from '../runtime/index.js';
import type { AuditSink } from '../runtime/audit-sink.js';
import { CapabilityRegistry } from './registry.js';
import { RunHost } from './run-host.js';
import type { Policy } from './policy.js';
import { coreDataCapabilities } from './builtin/core-data.js';
import { ccosCapabilities } from './builtin/ccos.js';
import type { Capability } from './capability.js';
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
  /** The engine (see RuntimeOptions.compiler). */
  readonly compiler?: NodeCompiler;
}

export interface Hosted {
  readonly runtime: Runtime;
  readonly host: RunHost;
  readonly registry: CapabilityRegistry;
}

export function builtinCapabilities(
  o: Pick<HostedOptions, 'log' | 'readRoots' | 'answers'>,
): Capability[] {
  return [
    ...coreDataCapabilities,
    ...ccosCapabilities({
      log: o.log ?? ((t) => void process.stderr.write(t)),
      readRoots: o.readRoots ?? [],
      ...(o.answers ? { answers: o.answers } : {}),
    }),
  ];
}

export function createHostedRuntime(o: HostedOptions): Hosted {
  const registry = new CapabilityRegistry();
  for (const c of [...builtinCapabilities(o), ...(o.capabilities ?? [])]) registry.register(c);
  const host = new RunHost({
    registry,
    policy: o.policy,
    ...(o.sink ? { sink: o.sink } : {}),
    ...(o.log ? { log: o.log } : {}),
    ...(o.context ? { context: o.context } : {}),
    ...(o.dryRun !== undefined ? { dryRun: o.dryRun } : {}),
    ...(o.replay ? { replay: o.replay } : {}),
  });
  const runtime = createRuntime({
    host,
    ...(o.out ? { out: o.out } : {}),
    ...(o.log ? { log: o.log } : {}),
    ...(o.paths ? { paths: o.paths } : {}),
    ...(o.compiler ? { compiler: o.compiler } : {}),
  });
  return { runtime, host, registry };
}

export type RunOutcome = ReturnType<Runtime['evalString']>;

/**
 * Runs a program as one recorded run: PlanStarted (with the program's uri and source,
 * so a replay can re-run it), the evaluation, then PlanCompleted or PlanAborted.
 */
export function runProgram(h: Hosted, text: string, uri: string): RunOutcome {
  return runProgramWith(h, text, uri, () => h.runtime.evalString(text, uri));
}

/** {@link runProgram} with another evaluation (compiled code running the same program). */
export function runProgramWith(
  h: Hosted,
  text: string,
  uri: string,
  evaluate: () => RunOutcome,
): RunOutcome {
  const meta = RMap.fromFlat([Keyword.of('uri'), uri, Keyword.of('source'), text]);
  h.host.startRun(uri, meta);
  const outcome = evaluate();
  if (outcome.ok) h.host.endRun({ ok: true, value: outcome.value });
  else {
    const d = outcome.diagnostics?.[0];
    const error = outcome.error ?? {
      code: d?.code ?? 'runtime/unknown',
      message: d?.message ?? '',
    };
    h.host.endRun({ ok: false, error: { code: error.code, message: error.message } });
  }
  return outcome;
}

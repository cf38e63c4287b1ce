import type { ChainRecord } from '../audit/index.js';
import type { AuditSink } from '../runtime/audit-sink.js';
import { createHostedRuntime, runProgram, type HostedOptions } from './create.js';
import { checkFinal, loadRun, ReplayLog, type ReplayOutcome } from './replay.js';
import type { Capability } from './capability.js';

export interface ReplayOptions {
  /** Run id (default: the last run in the log). */
  readonly runId?: string;
  /** Replay this source instead of the recorded one (to test a change). */
  readonly source?: string;
  /** Capabilities to execute for real instead of answering from the log (default: none). */
  readonly live?: (c: Capability | undefined) => boolean;
  /** Where the replay's own records go (default: nowhere). */
  readonly sink?: AuditSink;
  readonly capabilities?: HostedOptions['capabilities'];
  readonly paths?: readonly string[];
}

/**
 * Re-evaluates a recorded run with its capability calls answered from the log and
 * checks that the calls and the final value match. With no `live` capabilities a
 * replay makes zero live calls.
 */
export function replayRun(
  records: readonly ChainRecord[],
  opts: ReplayOptions = {},
): ReplayOutcome & { runId: string } {
  const run = loadRun(records, opts.runId);
  const log = new ReplayLog(run, opts.live);
  const hosted = createHostedRuntime({
    policy: { allow: ['*'], deny: [] },
    replay: log,
    out: () => undefined,
    log: () => undefined,
    ...(opts.sink ? { sink: opts.sink } : {}),
    ...(opts.capabilities ? { capabilities: opts.capabilities } : {}),
    ...(opts.paths ? { paths: opts.paths } : {}),
    ...(run.inputs ? { inputs: run.inputs } : {}),
  });
  const outcome = runProgram(hosted, opts.source ?? run.source, run.uri);
  if (!outcome.ok) {
    const message =
      log.firstDivergence ??
      (outcome.error
        ? `the replay failed: ${outcome.error.code}: ${outcome.error.message}`
        : `the replay failed: ${outcome.diagnostics?.[0]?.message ?? 'unknown error'}`);
    return { ok: false, message, runId: run.runId };
  }
  return { ...checkFinal(run, log, outcome.value, hosted.host.liveCalls), runId: run.runId };
}

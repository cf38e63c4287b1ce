import { Keyword } from '../data/index.js';
import type { ActionResult, ChainRecord } from '../audit/index.js';
import type { AuditSink } from '../runtime/audit-sink.js';
import { createHostedRuntime, runProgram, type HostedOptions, type RunOutcome } from './create.js';
import {
  checkFinal,
  loadRun,
  sessionRuns,
  ReplayLog,
  type RecordedRun,
  type ReplayOutcome,
} from './replay.js';
import type { Capability } from './capability.js';

export interface ReplayOptions {
  /** Run id (default: the last run in the log). */
  readonly runId?: string;
  /** Replay this source instead of the recorded one (to test a change). */
  readonly source?: string;
  /**
   * Capabilities to execute again and compare (default: the deterministic ones; see
   * `deterministic`). Every other answer comes from the log.
   */
  readonly live?: (c: Capability | undefined) => boolean;
  /** Where the replay's own records go (default: nowhere). */
  readonly sink?: AuditSink;
  readonly capabilities?: HostedOptions['capabilities'];
  readonly paths?: readonly string[];
}

/** The outcome of a run as a chain result. */
function resultOf(o: RunOutcome): ActionResult {
  if (o.ok) return { ok: true, value: o.value };
  const d = o.diagnostics?.[0];
  const e = o.error ?? { code: d?.code ?? 'runtime/unknown', message: d?.message ?? '' };
  return { ok: false, error: { code: e.code, message: e.message } };
}

/**
 * Re-evaluates a recorded run against the log: deterministic capabilities are executed
 * again and compared, every other answer (LLM, human, network, files, external services)
 * comes from the log, so the replay makes no live effect. A REPL input is replayed after
 * the earlier inputs of its session (each checked against its own records). A run that
 * failed replays to the same error ("failed as recorded").
 */
export function replayRun(
  records: readonly ChainRecord[],
  opts: ReplayOptions = {},
): ReplayOutcome & { runId: string } {
  const run = loadRun(records, opts.runId);
  const logs: { run: RecordedRun; log: ReplayLog }[] = [...sessionRuns(records, run), run].map(
    (r) => ({ run: r, log: new ReplayLog(r, opts.live) }),
  );
  const first = logs[0] as { run: RecordedRun; log: ReplayLog };
  const hosted = createHostedRuntime({
    policy: { allow: ['*'], deny: [] },
    replay: first.log,
    out: () => undefined,
    log: () => undefined,
    ...(opts.sink ? { sink: opts.sink } : {}),
    ...(opts.capabilities ? { capabilities: opts.capabilities } : {}),
    ...(opts.paths ? { paths: opts.paths } : {}),
  });
  const host = hosted.host;
  for (const { run: r, log } of logs) {
    const last = r === run;
    host.replayFrom(log);
    host.setInputs(r.inputs);
    host.setDryRun(r.meta.get(Keyword.of('dry_run')) === true);
    const mode = r.meta.get(Keyword.of('execute_mode'));
    host.executeMode =
      mode === Keyword.of('none') ? 'none' : mode === Keyword.of('full') ? 'full' : 'dry-run';
    const before = { reexecuted: host.reexecuted, liveCalls: host.liveCalls };
    const outcome = runProgram(hosted, last ? (opts.source ?? r.source) : r.source, r.uri);
    const counts = {
      reexecuted: host.reexecuted - before.reexecuted,
      liveCalls: host.liveCalls - before.liveCalls,
    };
    const checked = checkFinal(r, log, resultOf(outcome), counts);
    if (last) return { ...checked, runId: run.runId };
    if (!checked.ok)
      return {
        ok: false,
        message: `while replaying the earlier session input ${r.runId}: ${checked.message}`,
        runId: run.runId,
      };
  }
  throw new Error('rtfs replay: the run itself was not replayed');
}

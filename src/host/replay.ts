/**
 * Replay of a recorded run: re-evaluate the program source stored in its PlanStarted
 * record with capability calls answered from the log, matched by call path, capability
 * id and args hash. Issue 4 answers every call from the log (zero live calls); a
 * replay may instead re-execute deterministic capabilities (`live`) and take only the
 * non-deterministic ones (LLM, human, network) from the log (issue 6).
 */
import { type Value, Keyword, RMap, printValue } from '../data/index.js';
import {
  argsHash,
  valueHash,
  sha256Hex,
  canonicalResult,
  type ChainAction,
  type ChainRecord,
  type ActionResult,
} from '../audit/index.js';
import type { Capability } from './capability.js';

export interface RecordedRun {
  readonly runId: string;
  readonly uri: string;
  readonly source: string;
  /** Recorded calls by call path. */
  readonly calls: ReadonlyMap<string, { call: ChainAction; result: ChainAction | undefined }>;
  /** The recorded final outcome (PlanCompleted/PlanAborted), if the run finished. */
  readonly final: ActionResult | undefined;
  /** The run's PlanStarted metadata (source, inputs, rewrites, catalog …). */
  readonly meta: RMap;
  /** The plan inputs the run was given. */
  readonly inputs: RMap | undefined;
}

export class ReplayError extends Error {}

/** Finds run `runId` (default: the last run) in the records and what a replay needs. */
export function loadRun(records: readonly ChainRecord[], runId?: string): RecordedRun {
  const starts = records.filter((r) => r.action.type === 'PlanStarted');
  const start =
    runId === undefined ? starts[starts.length - 1] : starts.find((r) => r.action.id === runId);
  if (start === undefined) {
    throw new ReplayError(
      runId === undefined ? 'the log has no run' : `no run ${runId} in the log`,
    );
  }
  const id = start.action.id;
  const meta = start.action.meta;
  const source = meta instanceof RMap ? meta.get(Keyword.of('source')) : undefined;
  const uri = meta instanceof RMap ? meta.get(Keyword.of('uri')) : undefined;
  if (typeof source !== 'string')
    throw new ReplayError(`run ${id} did not record its program source`);
  const calls = new Map<string, { call: ChainAction; result: ChainAction | undefined }>();
  let final: ActionResult | undefined;
  for (const r of records) {
    const a = r.action;
    if (a.run !== id) continue;
    if (a.type === 'CapabilityCall' && a.callPath !== null)
      calls.set(a.callPath, { call: a, result: undefined });
    else if (a.type === 'CapabilityResult' && a.callPath !== null) {
      const c = calls.get(a.callPath);
      if (c !== undefined) c.result = a;
    } else if (a.type === 'PlanCompleted' || a.type === 'PlanAborted') final = a.result;
  }
  const inputs = (meta as RMap).get(Keyword.of('inputs'));
  return {
    runId: id,
    uri: typeof uri === 'string' ? uri : '<replay>',
    source,
    calls,
    final,
    meta: meta as RMap,
    inputs: inputs instanceof RMap ? inputs : undefined,
  };
}

export type ReplayAnswer =
  | { readonly kind: 'answer'; readonly result: ActionResult }
  | { readonly kind: 'live' }
  | { readonly kind: 'diverged'; readonly message: string };

/** Answers a replayed run's calls from the log and notes what was used. */
export class ReplayLog {
  private readonly used = new Set<string>();
  firstDivergence: string | undefined;

  constructor(
    readonly run: RecordedRun,
    /** Capabilities to execute for real instead of answering from the log. */
    private readonly live: (c: Capability | undefined) => boolean = () => false,
  ) {}

  answer(callPath: string, id: string, input: Value, cap: Capability | undefined): ReplayAnswer {
    const rec = this.run.calls.get(callPath);
    const got = `${id} ${argsHash(input).slice(0, 12)}`;
    if (rec === undefined) {
      return this.diverge(
        `diverged at ${callPath}: expected no call, got ${id} ${printValue(input)}`,
      );
    }
    const expected = `${rec.call.name ?? '?'} ${(rec.call.argsHash ?? '').slice(0, 12)}`;
    if (rec.call.name !== id || rec.call.argsHash !== argsHash(input)) {
      return this.diverge(`diverged at ${callPath}: expected ${expected}, got ${got}`);
    }
    this.used.add(callPath);
    if (this.live(cap)) return { kind: 'live' };
    if (rec.result?.result === undefined) {
      return this.diverge(
        `diverged at ${callPath}: the log has no result for ${id} (the run stopped there)`,
      );
    }
    const stored = rec.result.resultHash;
    if (stored !== undefined && sha256Hex(canonicalResult(rec.result.result)) !== stored) {
      return this.diverge(
        `diverged at ${callPath}: the recorded result of ${id} does not match its result_hash (the log was edited)`,
      );
    }
    return { kind: 'answer', result: rec.result.result };
  }

  /**
   * A capability re-executed during the replay (deterministic): its result must hash to
   * the recorded one. Returns the divergence message, or undefined.
   */
  checkLive(callPath: string, id: string, value: Value): string | undefined {
    const rec = this.run.calls.get(callPath)?.result?.result;
    if (rec === undefined || !rec.ok) {
      const m = `diverged at ${callPath} (${id}): the log has no successful result to compare with`;
      this.firstDivergence ??= m;
      return m;
    }
    const expected = valueHash(rec.value);
    const got = valueHash(value);
    if (expected === got) return undefined;
    const m = `diverged at ${callPath} (${id}): result ${got.slice(0, 12)}… differs from the recorded ${expected.slice(0, 12)}…`;
    this.firstDivergence ??= m;
    return m;
  }

  private diverge(message: string): ReplayAnswer {
    this.firstDivergence ??= message;
    return { kind: 'diverged', message };
  }

  /** Recorded calls the replay never made, in call-path order. */
  unused(): string[] {
    return [...this.run.calls.keys()].filter((p) => !this.used.has(p));
  }
}

export type ReplayOutcome =
  | { readonly ok: true; readonly finalHash: string; readonly liveCalls: number }
  | { readonly ok: false; readonly message: string };

/** Compares a replay's final value with the recorded one. */
export function checkFinal(
  run: RecordedRun,
  log: ReplayLog,
  value: Value,
  liveCalls: number,
): ReplayOutcome {
  if (log.firstDivergence !== undefined) return { ok: false, message: log.firstDivergence };
  const missing = log.unused();
  if (missing.length > 0) {
    const first = run.calls.get(missing[0] as string)?.call;
    return {
      ok: false,
      message: `diverged at ${missing[0]}: expected ${first?.name ?? 'a call'}, got the end of the program`,
    };
  }
  const finalHash = valueHash(value);
  if (run.final === undefined) return { ok: false, message: 'the recorded run never finished' };
  if (!run.final.ok)
    return {
      ok: false,
      message: `diverged at end: the recorded run failed (${run.final.error.code}) but the replay produced a value`,
    };
  const recorded = valueHash(run.final.value);
  if (recorded !== finalHash) {
    return {
      ok: false,
      message: `diverged at end: expected final value ${recorded.slice(0, 16)}…, got ${finalHash.slice(0, 16)}…`,
    };
  }
  return { ok: true, finalHash, liveCalls };
}

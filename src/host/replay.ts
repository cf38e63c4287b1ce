/**
 * Replay of a recorded run: re-evaluate the program source stored in its PlanStarted
 * record with the calls matched against the log by call path, capability id and args
 * hash. Deterministic capabilities (in-process and `:pure`, or defined by the program)
 * are re-executed and their results compared with the log; every other answer (LLM,
 * human, network, files, external services) comes from the log, so a replay makes no
 * live effect. A divergence names the call path, the step and the capability, and shows
 * the first differing argument or result, decoded.
 */
import { type Value, Keyword, RMap, RVector, printValue } from '../data/index.js';
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
import { clipText, describeDifference, firstDifference } from './value-diff.js';
import { asRecorded, deterministic } from './recorded.js';

export { asRecorded, deterministic };

const k = (n: string): Keyword => Keyword.of(n);

export interface RecordedCall {
  readonly call: ChainAction;
  result: ChainAction | undefined;
  /** The innermost step the call ran in ('' at top level). */
  readonly step: string;
}

export interface RecordedRun {
  readonly runId: string;
  readonly uri: string;
  readonly source: string;
  /** Recorded calls by call path. */
  readonly calls: ReadonlyMap<string, RecordedCall>;
  /** The recorded final outcome (PlanCompleted/PlanAborted), if the run finished. */
  readonly final: ActionResult | undefined;
  /** The recorded final outcome's result_hash. */
  readonly finalHash: string | undefined;
  /** The run's PlanStarted metadata (source, inputs, rewrites, catalog …). */
  readonly meta: RMap;
  /** The plan inputs the run was given. */
  readonly inputs: RMap | undefined;
}

export class ReplayError extends Error {}

/** The ids of the runs (PlanStarted records) in the log, in order. */
function starts(records: readonly ChainRecord[]): ChainRecord[] {
  return records.filter((r) => r.action.type === 'PlanStarted');
}

/** Finds run `runId` (default: the last run) in the records and what a replay needs. */
export function loadRun(records: readonly ChainRecord[], runId?: string): RecordedRun {
  const all = starts(records);
  const start = runId === undefined ? all[all.length - 1] : all.find((r) => r.action.id === runId);
  if (start === undefined) {
    throw new ReplayError(
      runId === undefined ? 'the log has no run' : `no run ${runId} in the log`,
    );
  }
  const id = start.action.id;
  const meta = start.action.meta instanceof RMap ? start.action.meta : RMap.EMPTY;
  const source = meta.get(k('source'));
  const uri = meta.get(k('uri'));
  if (typeof source !== 'string')
    throw new ReplayError(`run ${id} did not record its program source`);
  const calls = new Map<string, RecordedCall>();
  const steps = new Map<string, { name: string; parent: string | null }>();
  const stepOf = (parent: string | null): string => {
    for (let p = parent; p !== null;) {
      const s = steps.get(p);
      if (s === undefined) return '';
      if (s.name !== '') return s.name;
      p = s.parent;
    }
    return '';
  };
  let final: ChainAction | undefined;
  for (const r of records) {
    const a = r.action;
    if (a.run !== id) continue;
    if (a.type === 'StepStarted') steps.set(a.id, { name: a.name ?? '', parent: a.parent });
    else if (a.type === 'CapabilityCall') {
      steps.set(a.id, { name: '', parent: a.parent });
      if (a.callPath !== null)
        calls.set(a.callPath, { call: a, result: undefined, step: stepOf(a.parent) });
    } else if (a.type === 'CapabilityResult' && a.callPath !== null) {
      const c = calls.get(a.callPath);
      if (c !== undefined) c.result = a;
    } else if (a.type === 'PlanCompleted' || a.type === 'PlanAborted') final = a;
  }
  const inputs = meta.get(k('inputs'));
  return {
    runId: id,
    uri: typeof uri === 'string' ? uri : '<replay>',
    source,
    calls,
    final: final?.result,
    finalHash: final?.resultHash,
    meta,
    inputs: inputs instanceof RMap ? inputs : undefined,
  };
}

/**
 * The runs a REPL input depended on (`:session` in its PlanStarted: the earlier inputs of
 * the session since its start or last `:reset`), oldest first.
 */
export function sessionRuns(records: readonly ChainRecord[], run: RecordedRun): RecordedRun[] {
  const ids = run.meta.get(k('session'));
  if (!(ids instanceof RVector)) return [];
  return [...ids].filter((x): x is string => typeof x === 'string').map((i) => loadRun(records, i));
}

/**
 * Content stored in the log (`ContentStored` records, e.g. a catalog): the value stored
 * under `hash`, from any run of the chain, or undefined.
 */
export function storedContent(records: readonly ChainRecord[], hash: string): Value | undefined {
  for (const r of records) {
    const a = r.action;
    if (a.type !== 'ContentStored' || a.name !== hash || !(a.meta instanceof RMap)) continue;
    const content = a.meta.get(k('content'));
    if (content !== undefined) return content;
  }
  return undefined;
}

export type ReplayAnswer =
  | { readonly kind: 'answer'; readonly result: ActionResult }
  | { readonly kind: 'live' }
  | { readonly kind: 'diverged'; readonly message: string };

function where(path: string, rec: RecordedCall | undefined, id: string): string {
  const step = rec?.step ? ` in step "${rec.step}"` : '';
  return `diverged at ${path}${step} (${id})`;
}

function errorText(r: ActionResult): string {
  return r.ok ? 'a value' : `${r.error.code}: ${clipText(r.error.message, 160)}`;
}

/** Answers a replayed run's calls from the log and notes what was used. */
export class ReplayLog {
  private readonly used = new Set<string>();
  firstDivergence: string | undefined;
  /** Answers taken from the log. */
  fromLog = 0;

  constructor(
    readonly run: RecordedRun,
    /** Capabilities to execute again (and compare) instead of answering from the log. */
    private readonly live: (c: Capability | undefined) => boolean = deterministic,
  ) {}

  answer(callPath: string, id: string, input: Value, cap: Capability | undefined): ReplayAnswer {
    const rec = this.run.calls.get(callPath);
    if (rec === undefined) {
      return this.diverge(
        `diverged at ${callPath}: the run made no call here, the replay calls ${id} with ${clipText(printValue(input))}`,
      );
    }
    if (rec.call.name !== id) {
      return this.diverge(
        `${where(callPath, rec, rec.call.name ?? '?')}: the run called ${rec.call.name ?? '?'}, the replay calls ${id}`,
      );
    }
    if (rec.call.argsHash !== argsHash(input)) {
      const d = rec.call.args === undefined ? undefined : firstDifference(rec.call.args, input);
      return this.diverge(
        `${where(callPath, rec, id)}: the arguments differ${d ? describeDifference(d) : ''}`,
      );
    }
    this.used.add(callPath);
    // A call the run's policy refused never ran: it is refused again.
    const refused = meta(rec.call, 'decision') === k('deny');
    if (!refused && this.live(cap)) return { kind: 'live' };
    if (rec.result?.result === undefined) {
      return this.diverge(
        `${where(callPath, rec, id)}: the log has no result for it (the run stopped there)`,
      );
    }
    const stored = rec.result.resultHash;
    if (stored !== undefined && sha256Hex(canonicalResult(rec.result.result)) !== stored) {
      return this.diverge(
        `${where(callPath, rec, id)}: the recorded result does not match its result_hash (the log was edited)`,
      );
    }
    this.fromLog++;
    return { kind: 'answer', result: rec.result.result };
  }

  /**
   * A capability re-executed during the replay: its outcome (value or error) must be the
   * recorded one. Returns the divergence message, or undefined.
   */
  checkLive(callPath: string, id: string, outcome: ActionResult): string | undefined {
    const rec = this.run.calls.get(callPath);
    const recorded = rec?.result?.result;
    let m: string | undefined;
    if (recorded === undefined) m = `${where(callPath, rec, id)}: the log has no result for it`;
    else if (recorded.ok && outcome.ok) {
      if (valueHash(recorded.value) !== valueHash(outcome.value)) {
        const d = firstDifference(recorded.value, outcome.value);
        m = `${where(callPath, rec, id)}: the result differs${d ? describeDifference(d) : ''}`;
      }
    } else if (
      recorded.ok !== outcome.ok ||
      (!recorded.ok && !outcome.ok && recorded.error.code !== outcome.error.code)
    ) {
      m = `${where(callPath, rec, id)}: the run got ${errorText(recorded)}, the replay got ${errorText(outcome)}`;
    }
    if (m !== undefined) this.firstDivergence ??= m;
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

function meta(a: ChainAction, key: string): Value | undefined {
  return a.meta instanceof RMap ? a.meta.get(k(key)) : undefined;
}

export type ReplayOutcome =
  | {
      readonly ok: true;
      /** Hash of the final value, or of the recorded error for a run that failed. */
      readonly finalHash: string;
      /** Deterministic calls executed again and compared. */
      readonly reexecuted: number;
      /** Answers taken from the log (LLM, human, external, effects). */
      readonly fromLog: number;
      /** Capabilities with effects executed for real (0 unless `live` asks for them). */
      readonly liveCalls: number;
      /** Set when the run failed and the replay failed the same way. */
      readonly failed?: { readonly code: string; readonly message: string };
    }
  | { readonly ok: false; readonly message: string };

export interface ReplayCounts {
  readonly reexecuted: number;
  readonly liveCalls: number;
}

/** Compares a replay's outcome (value or error) with the recorded one. */
export function checkFinal(
  run: RecordedRun,
  log: ReplayLog,
  outcome: ActionResult,
  counts: ReplayCounts,
): ReplayOutcome {
  if (log.firstDivergence !== undefined) return { ok: false, message: log.firstDivergence };
  const missing = log.unused()[0];
  if (missing !== undefined) {
    const rec = run.calls.get(missing);
    const step = rec?.step ? ` in step "${rec.step}"` : '';
    return {
      ok: false,
      message: `diverged at ${missing}${step}: the run called ${rec?.call.name ?? 'a capability'} here; the replay ended without it${outcome.ok ? '' : ` (${errorText(outcome)})`}`,
    };
  }
  const final = run.final;
  if (final === undefined) return { ok: false, message: 'the recorded run never finished' };
  const done = {
    reexecuted: counts.reexecuted,
    fromLog: log.fromLog,
    liveCalls: counts.liveCalls,
  };
  if (!final.ok || !outcome.ok) {
    if (!final.ok && !outcome.ok && final.error.code === outcome.error.code) {
      return {
        ok: true,
        finalHash: sha256Hex(canonicalResult(outcome)),
        ...done,
        failed: { code: outcome.error.code, message: outcome.error.message },
      };
    }
    return {
      ok: false,
      message: `diverged at the end: the run ended with ${final.ok ? 'a value' : errorText(final)}, the replay with ${errorText(outcome)}`,
    };
  }
  const finalHash = valueHash(outcome.value);
  if (valueHash(final.value) !== finalHash) {
    const d = firstDifference(final.value, outcome.value);
    return {
      ok: false,
      message: `diverged at the end: the final value differs${d ? describeDifference(d) : ''}`,
    };
  }
  return { ok: true, finalHash, ...done };
}

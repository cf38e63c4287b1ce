import type { Value } from '../data/index.js';

/**
 * What the host writes to the causal chain. The runtime and host only know this
 * interface; src/audit/ implements it (in memory, or a hash-chained JSONL log).
 */
export type ActionType =
  | 'PlanStarted'
  | 'PlanCompleted'
  | 'PlanAborted'
  | 'StepStarted'
  | 'StepCompleted'
  | 'StepFailed'
  | 'CapabilityCall'
  | 'CapabilityResult'
  | 'GovernanceDecision'
  | 'RewriteApplied'
  | 'ReplayStarted'
  | 'ReplayDiverged'
  | 'ContentStored';

/** One action, as the host describes it (the sink adds seq, prev, hash, ts). */
export interface ActionInput {
  /** Unique, time-ordered id (UUIDv7), chosen by the host before appending. */
  readonly id: string;
  readonly type: ActionType;
  /** The enclosing open action (step, or the call that made a nested call); null for a run. */
  readonly parent: string | null;
  /** The id of this run's PlanStarted record. */
  readonly run: string;
  /** Deterministic ordinal path of this action within the run, e.g. `"2.0.5"`. */
  readonly callPath: string;
  /** Capability id (calls and results), step name (steps), plan name (plans). */
  readonly name?: string;
  readonly args?: Value;
  readonly argsHash?: string;
  /** Result value or error ({ok:false, error:{code, message}}) of a result/completion. */
  readonly result?:
    | { readonly ok: true; readonly value: Value }
    | { readonly ok: false; readonly error: { readonly code: string; readonly message: string } };
  readonly resultHash?: string;
  readonly durationMs?: number;
  /** Free-form extra fields (effects, decision, plan source hash, rewrite edits …). */
  readonly meta?: Value;
}

export interface AuditSink {
  /**
   * Appends an action. `durable` asks for it to be on disk (fsync) before this returns
   * (write-ahead for side-effecting calls); otherwise it may be buffered.
   */
  append(action: ActionInput, durable?: boolean): void;
  /** Makes every appended action durable. */
  flush(): void;
  /**
   * True when the log already holds a `ContentStored` record named `hash` (content is
   * stored once per chain). Sinks without it store content with every run.
   */
  hasContent?(hash: string): boolean;
  /**
   * Seals everything appended so far: a signing sink appends a signed checkpoint.
   * The host calls it at the end of every run.
   */
  checkpoint?(): void;
  /**
   * True when appended actions are only counted: nothing keeps, hashes or exports them
   * (`rtfs run` without `--chain`, `--trace` or live export). The ids in them are then
   * seen by no one after the run, and the host may draw them from `Math.random` rather
   * than a cryptographic source (ADR 0037).
   */
  readonly countsOnly?: boolean;
}

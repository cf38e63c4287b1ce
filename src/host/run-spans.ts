/**
 * The span tree of a run in the causal chain: the run (PlanStarted … PlanCompleted /
 * PlanAborted), its steps and capability calls as open/close pairs with explicit parents
 * and deterministic call paths (`"2.0.1"`: the second child of the first child of the
 * run's third …), run-level notes (rewrites, stored content), and where the error being
 * thrown started (for a failed child plan's message). RunHost adds capability dispatch.
 */
import { type Value, Keyword, RMap } from '../data/index.js';
import type { RtfsError } from '../runtime/index.js';
import type { ActionInput, ActionType, AuditSink } from '../runtime/audit-sink.js';

/** A call's or step's outcome, as recorded. */
type SpanResult = NonNullable<ActionInput['result']>;
import { mathRandomBytes, uuidv7 } from './ids.js';

export interface Frame {
  readonly id: string;
  /** A step's name ('' for runs and calls). */
  readonly name: string;
  readonly path: string;
  children: number;
  readonly started: number;
}

const kw = (name: string): Keyword => Keyword.of(name);

export class RunSpans {
  protected readonly stack: Frame[] = [];
  protected runId = '';
  /** Where the error being thrown started: its capability and innermost step. */
  protected failure:
    { error: RtfsError; capability?: string; step?: string; depth: number } | undefined;

  constructor(
    private readonly sink: AuditSink | undefined,
    private readonly clock: (() => number) | undefined,
  ) {}

  private now(): number {
    return (this.clock ?? Date.now)();
  }

  private record(a: ActionInput, durable = false): void {
    this.sink?.append(a, durable);
  }

  /** Opens a run: records PlanStarted (with the program source and its name). */
  startRun(name: string, meta: Value = null): string {
    // Nobody sees the run id of a chain that only counts: spare it node:crypto (ADR 0037).
    this.runId =
      this.sink?.countsOnly === true ? uuidv7(this.now(), mathRandomBytes) : uuidv7(this.now());
    this.contentCount = 0;
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
    this.sink?.checkpoint?.();
    this.sink?.flush();
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

  /**
   * Stores `content` (a catalog …) in the log under its `hash`, once per chain: a
   * `ContentStored` record, child of the run, that a replay reads back by hash.
   */
  storeContent(hash: string, kind: string, content: Value): void {
    const sink = this.sink;
    if (sink === undefined || sink.hasContent?.(hash) === true) return;
    this.note(
      'ContentStored',
      'content',
      this.contentCount++,
      hash,
      RMap.fromFlat([kw('kind'), kind, kw('hash'), hash, kw('content'), content]),
    );
  }

  private contentCount = 0;

  get currentRun(): string {
    return this.runId;
  }

  /**
   * Opens a child span of the innermost open one; returns it. The action is built with
   * the same members every time (no spread): one object shape for the sinks.
   */
  protected open(
    type: ActionType,
    name: string,
    args?: Value,
    meta?: Value,
    durable = false,
  ): Frame {
    const parent = this.stack[this.stack.length - 1];
    const index = parent === undefined ? 0 : parent.children++;
    const path =
      parent === undefined || parent.path === '' ? `${index}` : `${parent.path}.${index}`;
    const id = `${this.runId || 'norun'}/${path}`;
    const up = parent?.id ?? null;
    const run = this.runId;
    this.record(
      args === undefined
        ? { id, type, parent: up, run, callPath: path, name }
        : meta === undefined
          ? { id, type, parent: up, run, callPath: path, name, args }
          : { id, type, parent: up, run, callPath: path, name, args, meta },
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

  /** Closes `frame` with its result (and meta): one object shape, as in {@link open}. */
  protected close(
    frame: Frame,
    type: ActionType,
    name: string,
    result: SpanResult,
    meta?: Value,
  ): void {
    const top = this.stack.pop();
    if (top !== frame) throw new Error(`rtfs host: span ${frame.id} closed out of order`);
    const id = `${frame.id}/end`;
    const run = this.runId;
    const durationMs = this.now() - frame.started;
    this.record(
      meta === undefined
        ? { id, type, parent: frame.id, run, callPath: frame.path, name, durationMs, result }
        : { id, type, parent: frame.id, run, callPath: frame.path, name, durationMs, result, meta },
    );
  }

  stepStarted(name: string): string {
    return this.open('StepStarted', name).id;
  }

  stepCompleted(id: string, value: Value): void {
    const frame = this.stack[this.stack.length - 1];
    if (frame?.id !== id) return;
    this.close(frame, 'StepCompleted', '', { ok: true, value });
  }

  stepFailed(id: string, error: RtfsError): void {
    const frame = this.stack[this.stack.length - 1];
    if (frame?.id !== id) return;
    this.noteFailure(error, undefined);
    this.close(frame, 'StepFailed', '', {
      ok: false,
      error: { code: error.code, message: error.message },
    });
  }

  protected innermostStep(): string | undefined {
    for (let i = this.stack.length - 1; i >= 0; i--) {
      const f = this.stack[i] as Frame;
      if (f.name !== '') return f.name;
    }
    return undefined;
  }

  /**
   * Remembers where `error` started (the first capability and innermost step it passed),
   * so a failed child plan can say where it failed.
   */
  protected noteFailure(error: RtfsError, capability: string | undefined): void {
    if (this.failure?.error === error) return;
    let depth = -1;
    for (let i = this.stack.length - 1; i >= 0; i--) {
      if ((this.stack[i] as Frame).name !== '') {
        depth = i;
        break;
      }
    }
    const step = depth >= 0 ? (this.stack[depth] as Frame).name : undefined;
    this.failure = {
      error,
      ...(capability !== undefined ? { capability } : {}),
      ...(step !== undefined ? { step } : {}),
      depth,
    };
  }
}

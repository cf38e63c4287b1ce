/**
 * The front end's handle on the evaluator worker: requests and their replies, the
 * shared interrupt flag, and a forced restart (terminate, then replay the inputs that
 * succeeded, silently) for an evaluation that does not stop when asked (ADR 0009).
 */
import { Worker } from 'node:worker_threads';
import type { Completions, Reply, Request, ReplFlags, WorkerInit } from './protocol.js';
import { answer, makeAnswerBuffer } from './ask-bridge.js';

export type Output = (text: string, stream: 'stdout' | 'stderr') => void;

/** A request without its id. */
export type Body = DistributiveOmit<Request, 'id'>;
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

const EMPTY: Completions = { symbols: [], keywords: [], capabilities: [] };

export class EvalClient {
  private worker: Worker | undefined;
  private readonly pending = new Map<number, (ok: boolean) => void>();
  private nextId = 1;
  /** The worker's interrupt flag: element 0 set to 1 asks the running evaluation to stop. */
  private flag: Int32Array = new Int32Array(1);
  private readonly answers = makeAnswerBuffer();
  /** Called when the evaluation asks the user (`ccos.user.ask`); must call {@link answer}. */
  onAsk: (prompt: string) => void = () => this.answer(undefined);
  completions: Completions = EMPTY;
  /** True between a request and its reply. */
  busy = false;

  constructor(
    private readonly workerUrl: URL,
    private readonly flags: ReplFlags,
    private readonly colors: boolean,
    private readonly output: Output,
  ) {}

  /** Starts the worker; rejects with the message of a session that cannot be built. */
  start(): Promise<void> {
    const w = new Worker(this.workerUrl, {
      workerData: {
        flags: this.flags,
        colors: this.colors,
        answers: this.answers,
      } satisfies WorkerInit,
    });
    this.worker = w;
    return new Promise((resolve, reject) => {
      w.on('message', (r: Reply) => {
        switch (r.kind) {
          case 'ready':
            this.completions = r.completions;
            this.flag = r.interrupt;
            resolve();
            return;
          case 'fatal':
            this.worker = undefined;
            void w.terminate();
            reject(new Error(r.message));
            return;
          case 'out':
            this.output(r.text, r.stream);
            return;
          case 'ask':
            this.onAsk(r.prompt);
            return;
          case 'done': {
            this.completions = r.completions;
            const k = this.pending.get(r.id);
            this.pending.delete(r.id);
            this.busy = false;
            k?.(r.ok);
            return;
          }
        }
      });
      w.on('error', (e) => {
        this.output(
          `rtfs: internal error in the evaluator (please report it): ${e.stack ?? e.message}\n`,
          'stderr',
        );
        reject(e);
        this.failPending();
      });
      w.on('exit', () => {
        if (this.worker !== w) return;
        this.worker = undefined;
        this.failPending();
      });
    });
  }

  private failPending(): void {
    for (const k of this.pending.values()) k(false);
    this.pending.clear();
    this.busy = false;
  }

  /** Sends a request; resolves with its success once the worker answered. */
  request(body: Body): Promise<boolean> {
    const w = this.worker;
    if (w === undefined) return Promise.resolve(false);
    Atomics.store(this.flag, 0, 0);
    const id = this.nextId++;
    this.busy = true;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      w.postMessage({ ...body, id } as Request);
    });
  }

  /** Wakes the worker waiting in `ccos.user.ask` with `text` (undefined: no answer). */
  answer(text: string | undefined): void {
    answer(this.answers, text);
  }

  /** False once the worker is gone (it crashed, or was closed). */
  get alive(): boolean {
    return this.worker !== undefined;
  }

  /** Asks the running evaluation to stop (it raises runtime/interrupted). */
  interrupt(): void {
    Atomics.store(this.flag, 0, 1);
  }

  /**
   * Kills the worker (the evaluation did not stop) and builds a new session from the
   * inputs that succeeded, replayed without output.
   */
  async restart(replay: readonly Body[]): Promise<void> {
    const old = this.worker;
    this.worker = undefined;
    this.failPending();
    await old?.terminate();
    await this.start();
    for (const body of replay) {
      if (body.kind !== 'close') await this.request({ ...body, quiet: true });
    }
  }

  async close(): Promise<void> {
    if (this.worker === undefined) return;
    await this.request({ kind: 'close' });
    const w = this.worker;
    this.worker = undefined;
    await w.terminate();
  }
}

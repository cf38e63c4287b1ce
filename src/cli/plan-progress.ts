/**
 * Live progress of `rtfs plan` on stderr, read from the chain as the run appends to it:
 * the current top-level step (with its nested loop iteration and the capability being
 * called) and the elapsed time.
 *
 * - On a terminal: one status line, redrawn in place: by the main thread when the
 *   step or call changes, and ten times a second by a worker thread, which writes to
 *   the terminal itself — the run evaluates synchronously and may block for seconds
 *   inside a call (an LLM, a person), and the elapsed time keeps counting meanwhile. Both sides take a lock (an `Int32Array` on shared
 *   memory) around each write, so the line is cleared before any other output and
 *   never drawn into it.
 * - Elsewhere (a pipe, a CI log): one plain line per top-level step as it starts.
 */
import { Worker } from 'node:worker_threads';
import type { ActionInput, AuditSink } from '../runtime/audit-sink.js';
import { observeSink } from '../audit/index.js';
import type { OutStream } from './io.js';

/** Shared words: the terminal lock, and the state (0 draw, 1 paused, 2 stopped). */
const LOCK = 0;
const STATE = 1;

const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const { writeSync } = require('node:fs');
const s = new Int32Array(workerData.shared);
const frames = ['⠋','⠙','⠹','⠸','⠼','⠴','⠦','⠧','⠇','⠏'];
let text = '';
let n = 0;
const lock = () => { while (Atomics.compareExchange(s, 0, 0, 1) !== 0) Atomics.wait(s, 0, 1, 5); };
const unlock = () => { Atomics.store(s, 0, 0); Atomics.notify(s, 0); };
const elapsed = () => ((Date.now() - workerData.start) / 1000).toFixed(1) + ' s';
parentPort.on('message', (m) => { text = m; });
const timer = setInterval(() => {
  const state = Atomics.load(s, 1);
  if (state === 2) {
    clearInterval(timer);
    parentPort.close();
    return;
  }
  if (state !== 0 || text === '') return;
  lock();
  if (Atomics.load(s, 1) === 0)
    writeSync(workerData.fd, '\\r\\x1b[2K' + frames[n++ % frames.length] + ' ' + text + '  ' + elapsed());
  unlock();
}, 100);
`;

/** Columns kept free on the status line for the spinner and the elapsed time. */
const RESERVED = 14;

export interface Progress {
  /** `sink`, with every append also reported. */
  tap(sink: AuditSink): AuditSink;
  /** Writes `text` to stderr without mixing it with the status line. */
  write(text: string): void;
  /** Clears the status line for good (before the command prints its result). */
  stop(): void;
}

interface Open {
  readonly type: 'step' | 'call';
  readonly name: string;
}

/** What the run is doing now: `[3] refinement_loop › refinement_loop#1 → planner.validate_plan`. */
class Current {
  private readonly open = new Map<string, Open>();
  private readonly order: string[] = [];
  private top = 0;
  private run: string | undefined;

  /** Returns whether a top-level step started. */
  update(a: ActionInput): boolean {
    if (a.type === 'PlanStarted') {
      this.run ??= a.id;
      return false;
    }
    if (a.type === 'StepStarted' || a.type === 'CapabilityCall') {
      this.open.set(a.id, { type: a.type === 'StepStarted' ? 'step' : 'call', name: a.name ?? '' });
      this.order.push(a.id);
      if (a.type === 'StepStarted' && a.parent === this.run) {
        this.top++;
        return true;
      }
      return false;
    }
    if (a.parent !== null && this.open.delete(a.parent)) {
      const i = this.order.lastIndexOf(a.parent);
      if (i >= 0) this.order.splice(i, 1);
    }
    return false;
  }

  text(): string {
    const spans = this.order.map((id) => this.open.get(id) as Open);
    const steps = spans.filter((s) => s.type === 'step').map((s) => s.name);
    const call = spans.filter((s) => s.type === 'call').at(-1);
    if (steps.length === 0 && call === undefined) return '';
    return `[${this.top}] ${steps.join(' › ')}${call ? ` → ${call.name}` : ''}`;
  }

  get step(): number {
    return this.top;
  }
}

/**
 * The progress display for stderr: a redrawn status line when it is a terminal of
 * `width` columns (each cut to fit by `fitLine`), plain lines otherwise (or nothing when
 * `quiet`).
 */
export function planProgress(
  stderr: OutStream,
  width: number | undefined,
  quiet: boolean,
  fitLine: (text: string, width: number) => string,
): Progress {
  const start = Date.now();
  const current = new Current();
  if (width === undefined || quiet) {
    return {
      tap: (sink) =>
        observeSink(sink, {
          appended(a) {
            if (current.update(a) && !quiet)
              stderr.write(
                `${current.text()} started (${((Date.now() - start) / 1000).toFixed(2)} s)\n`,
              );
          },
        }),
      write: (t) => stderr.write(t),
      stop: () => undefined,
    };
  }
  const shared = new Int32Array(new SharedArrayBuffer(8));
  const worker = new Worker(WORKER, {
    eval: true,
    workerData: { shared: shared.buffer, fd: 2, start },
  });
  worker.unref();
  let stopped = false;
  const lock = (): void => {
    while (Atomics.compareExchange(shared, LOCK, 0, 1) !== 0) Atomics.wait(shared, LOCK, 1, 5);
  };
  const unlock = (): void => {
    Atomics.store(shared, LOCK, 0);
    Atomics.notify(shared, LOCK);
  };
  let shown = '';
  return {
    tap: (sink) =>
      observeSink(sink, {
        appended(a) {
          current.update(a);
          const text = fitLine(current.text(), Math.max(10, width - RESERVED));
          if (text !== shown && !stopped) {
            // Drawn here at once (a fast run still shows it), then kept ticking by the worker.
            shown = text;
            lock();
            stderr.write(`\r\x1b[2K⠿ ${text}  ${((Date.now() - start) / 1000).toFixed(1)} s`);
            unlock();
            worker.postMessage(text);
          }
        },
      }),
    write(t) {
      if (stopped) return stderr.write(t);
      Atomics.store(shared, STATE, 1);
      lock();
      stderr.write(`\r\x1b[2K${t}`);
      unlock();
      Atomics.store(shared, STATE, 0);
    },
    stop() {
      if (stopped) return;
      stopped = true;
      // Once the state says stopped, the worker draws nothing more (it checks under the lock).
      Atomics.store(shared, STATE, 2);
      lock();
      stderr.write('\r\x1b[2K');
      unlock();
      void worker.terminate();
    },
  };
}

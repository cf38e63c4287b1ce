/**
 * A time budget for RTFS code the toolchain runs on the user's behalf (an RTFS rewriter):
 * a watchdog thread raises the evaluator's interrupt flag (ADR 0009) when the budget is
 * spent, which stops the evaluation at its next call or loop iteration. Evaluation is
 * synchronous, so a timer on this thread could never fire in time.
 */
import { Worker } from 'node:worker_threads';
import { interruptFlag } from '../runtime/index.js';

// state[0]: 0 running, 1 finished in time, 2 the watchdog fired (it then raises the flag).
const WATCHDOG = `
const { workerData } = require('node:worker_threads');
const { flag, state, ms } = workerData;
if (Atomics.wait(state, 0, 0, ms) === 'timed-out' && Atomics.compareExchange(state, 0, 0, 2) === 0) {
  Atomics.store(flag, 0, 1);
  Atomics.notify(flag, 0);
}
`;

export type Budgeted<T> = { readonly value: T } | { readonly timedOut: true };

/** Runs `fn`; if it is still running after `ms` milliseconds it is interrupted. */
export function withTimeBudget<T>(ms: number, fn: () => T): Budgeted<T> {
  const state = new Int32Array(new SharedArrayBuffer(4));
  const watchdog = new Worker(WATCHDOG, {
    eval: true,
    workerData: { flag: interruptFlag, state, ms },
  });
  watchdog.unref();
  let out: Budgeted<T> | undefined;
  let error: unknown;
  try {
    out = { value: fn() };
  } catch (e) {
    error = e;
  }
  if (Atomics.compareExchange(state, 0, 0, 1) === 0) {
    Atomics.notify(state, 0);
  } else {
    // The watchdog fired: wait until it has raised the flag, then lower it again.
    while (Atomics.load(interruptFlag, 0) === 0) Atomics.wait(interruptFlag, 0, 0, 50);
    Atomics.store(interruptFlag, 0, 0);
    return { timedOut: true };
  }
  if (out === undefined) throw error;
  return out;
}

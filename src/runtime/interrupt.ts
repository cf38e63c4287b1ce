/**
 * Cooperative interruption (ADR 0009): the REPL runs the evaluator in a worker thread
 * and, on Ctrl-C, sets this flag from the main thread (the worker hands it over: it
 * lives in a SharedArrayBuffer). The budget's slow path (runtime/budget.ts, at most
 * every 16,384 steps: function calls, `recur`, `loop`, `dotimes` and `for`
 * iterations) tests it and raises `runtime/interrupted`, which `try` does not catch.
 * Outside the REPL nobody sets it.
 *
 * The flag is a `const` over a SharedArrayBuffer (which cannot be detached), so the
 * optimising compiler reduces the test to one load and a compare.
 */
import { RtfsError, RuntimeCodes } from './errors.js';

/** Element 0 is non-zero when the running evaluation must stop. */
export const interruptFlag: Int32Array = new Int32Array(new SharedArrayBuffer(4));

/** The error an interrupted evaluation raises. */
export function interrupted(): RtfsError {
  const e = new RtfsError(RuntimeCodes.interrupted, 'evaluation interrupted (Ctrl-C)');
  e.fatal = true;
  return e;
}

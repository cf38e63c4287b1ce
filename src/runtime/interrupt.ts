/**
 * Cooperative interruption (ADR 0009): the REPL runs the evaluator in a worker thread
 * and, on Ctrl-C, sets this flag from the main thread (the worker hands it over: it
 * lives in a SharedArrayBuffer). Function bodies (every call and every `recur` of a
 * function), `loop`, `dotimes` and `for` iterations test it and raise
 * `runtime/interrupted`, which `try` does not catch. Outside the REPL nobody sets it.
 *
 * The flag is a `const` over a SharedArrayBuffer (which cannot be detached), so the
 * optimising compiler reduces the test to one load and a compare.
 */
import { RtfsError, RuntimeCodes } from './errors.js';

/** Element 0 is non-zero when the running evaluation must stop. */
export const interruptFlag: Int32Array = new Int32Array(new SharedArrayBuffer(4));

/** The error an interrupted evaluation raises. */
export function interrupted(): RtfsError {
  return new RtfsError(RuntimeCodes.interrupted, 'evaluation interrupted (Ctrl-C)');
}

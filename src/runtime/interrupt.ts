/**
 * Cooperative interruption (ADR 0009): the REPL runs the evaluator in a worker thread
 * and, on Ctrl-C, sets a flag in a SharedArrayBuffer. Function bodies (every call and
 * every `recur` of a function) and `loop` iterations test it, where the evaluator
 * already loops, and raise `runtime/interrupted`, which `try` does not catch.
 * Without an installed flag the test reads a private, never-set cell.
 */
import { RtfsError, RuntimeCodes } from './errors.js';

/** Element 0 is non-zero when the running evaluation must stop. */
export let interruptFlag: Int32Array = new Int32Array(1);

/** Makes the evaluator watch `flag` (an Int32Array over a SharedArrayBuffer). */
export function installInterruptFlag(flag: Int32Array): void {
  interruptFlag = flag;
}

/** The error an interrupted evaluation raises. */
export function interrupted(): RtfsError {
  return new RtfsError(RuntimeCodes.interrupted, 'evaluation interrupted (Ctrl-C)');
}

import type { Value } from '../data/index.js';

/** One call frame: slots for parameters and locals, and the frame it closes over. */
export class Env {
  constructor(
    readonly slots: Value[],
    readonly parent: Env | undefined,
  ) {}
}

/** Compiled code: runs against a frame. */
export type Code = (env: Env) => Value;

/** Returned by `recur` (after it stored the new values) to make the loop go round. */
export const RECUR = { recur: true } as unknown as Value;

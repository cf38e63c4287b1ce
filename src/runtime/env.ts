import type { Value } from '../data/index.js';

/**
 * One call frame: an array whose slot 0 holds the enclosing frame (the closure's
 * environment) and whose other slots hold parameters and locals. One allocation per
 * call; the analyzer numbers slots from 1.
 */
export type Env = Value[];

/** A new frame of `size` slots under `parent`. */
export function newFrame(size: number, parent: Env | undefined): Env {
  const f = new Array<Value>(size);
  f[0] = (parent ?? null) as unknown as Value;
  return f;
}

/** The enclosing frame of `env`. */
export function parentOf(env: Env): Env {
  return env[0] as unknown as Env;
}

/** Compiled code: runs against a frame. */
export type Code = (env: Env) => Value;

/** Returned by `recur` (after it stored the new values) to make the loop go round. */
export const RECUR = { recur: true } as unknown as Value;

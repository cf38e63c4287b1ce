/**
 * Iterating on a fresh frame (ADR 0023). A `loop`, a `recur`ing function, `for`,
 * `doseq` or `dotimes` whose body makes a function reading what the form binds runs
 * each iteration on its own copy of the frame, so the function keeps the bindings of
 * the iteration that made it (Clojure's), not the values the next iteration stores.
 * The analyzer decides which forms need it (analyzer/fresh-frames.ts); others share
 * one frame and pay nothing.
 */
import type { Value } from '../data/index.js';
import { RECUR, type Code, type Env } from './env.js';
import { meter, refuel } from './budget.js';

/**
 * Runs `body` on `env` until it returns something other than RECUR; the caller has
 * counted the first iteration's budget step. `recur` stores the new values in the
 * running frame: the next iteration runs on a copy of it, and the frame just left
 * gets its `slots` back, so functions made in it still see that iteration's values.
 */
export function iterateFresh(body: Code, env: Env, slots: readonly number[]): Value {
  const n = slots.length;
  const saved = new Array<Value>(n);
  let cur = env;
  for (;;) {
    for (let i = 0; i < n; i++) saved[i] = cur[slots[i] as number] as Value;
    const v = body(cur);
    if (v !== RECUR) return v;
    const next = cur.slice();
    for (let i = 0; i < n; i++) cur[slots[i] as number] = saved[i] as Value;
    cur = next;
    if (--meter[0]! < 0) refuel();
  }
}

/** Body code for a function arity that needs a fresh frame per `recur`. */
export function freshArityBody(body: Code, slots: readonly number[]): Code {
  return (env) => iterateFresh(body, env, slots);
}

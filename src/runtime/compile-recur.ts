/**
 * `recur` with two or more arguments: every new value is computed before any slot
 * changes (the old values stay visible to later arguments), without allocating per
 * iteration. Two to four arguments go through JavaScript locals; more through scratch
 * arrays taken from a per-node pool (an argument may run the same `recur` again, in a
 * recursive call, so one shared array would not do; an array lost to an exception is
 * simply not returned to the pool).
 */
import type { Value } from '../data/index.js';
import { RECUR, type Code, type Env } from './env.js';

export function compileRecur(args: readonly Code[], slots: readonly number[]): Code {
  switch (args.length) {
    case 2: {
      const [a0, a1] = args as [Code, Code];
      const [s0, s1] = slots as [number, number];
      return (env) => {
        const v0 = a0(env);
        const v1 = a1(env);
        env[s0] = v0;
        env[s1] = v1;
        return RECUR;
      };
    }
    case 3: {
      const [a0, a1, a2] = args as [Code, Code, Code];
      const [s0, s1, s2] = slots as [number, number, number];
      return (env) => {
        const v0 = a0(env);
        const v1 = a1(env);
        const v2 = a2(env);
        env[s0] = v0;
        env[s1] = v1;
        env[s2] = v2;
        return RECUR;
      };
    }
    case 4: {
      const [a0, a1, a2, a3] = args as [Code, Code, Code, Code];
      const [s0, s1, s2, s3] = slots as [number, number, number, number];
      return (env) => {
        const v0 = a0(env);
        const v1 = a1(env);
        const v2 = a2(env);
        const v3 = a3(env);
        env[s0] = v0;
        env[s1] = v1;
        env[s2] = v2;
        env[s3] = v3;
        return RECUR;
      };
    }
    default:
      return pooled(args, slots);
  }
}

function pooled(args: readonly Code[], slots: readonly number[]): Code {
  const n = args.length;
  const pool: Value[][] = [];
  return (env: Env) => {
    const vals = pool.pop() ?? new Array<Value>(n).fill(null);
    for (let i = 0; i < n; i++) vals[i] = (args[i] as Code)(env);
    for (let i = 0; i < n; i++) {
      env[slots[i] as number] = vals[i] as Value;
      vals[i] = null;
    }
    pool.push(vals);
    return RECUR;
  };
}

/** A runtime whose loop tier compiles after `threshold` iterations, counting compilations. */
import { createRuntime } from '../../src/create-runtime.js';
import { fnJit, loopJit } from '../../src/compiler/index.js';
import { evaluator, type Host, type LoopJit } from '../../src/runtime/index.js';
import type { Globals } from '../../src/analyzer/index.js';
import type { Budget } from '../../src/runtime/budget.js';

export function tiered(threshold: number, budget?: Budget) {
  const compiled: number[] = [];
  const counting = (host: Host, core: Globals): LoopJit => {
    const jit = loopJit(host, core);
    return (n, size) => {
      compiled.push(n.slots.length);
      return jit(n, size);
    };
  };
  const rt = createRuntime({
    out: () => undefined,
    compiler: evaluator(fnJit, 1_000_000, counting, threshold),
    ...(budget === undefined ? {} : { budget }),
  });
  return { rt, compiled };
}

/**
 * The step meter is exact in every engine: a program takes the same number of steps in the
 * closure evaluator and in the compile engine, and `maxSteps` stops both at the same point.
 */
import { expect, it } from 'vitest';
import { createRuntime, type RuntimeOptions } from '../../src/create-runtime.js';
import { printValue } from '../../src/data/index.js';
import { jsCompiler } from '../../src/compiler/index.js';
import { stepsUsed } from '../../src/runtime/budget.js';

const quiet = (): void => undefined;
const engines: readonly RuntimeOptions[] = [
  { out: quiet, jit: false },
  { out: quiet, compiler: jsCompiler },
];

/** Declares the two tests of step agreement for `src` (inside a `describe`). */
export function itCountsStepsAsTheEvaluator(src: string, limits: readonly number[]): void {
  it('a program uses the same number of steps in both engines', () => {
    const used = engines.map((opts) => {
      const rt = createRuntime(opts);
      const before = stepsUsed();
      const o = rt.evalString(src, 'steps.rtfs');
      return [o.ok ? printValue(o.value) : 'error', stepsUsed() - before];
    });
    expect(used[0]?.[0]).not.toBe('error');
    expect(used[1]).toEqual(used[0]);
  });

  it('--max-steps stops the run at the same point in both engines', () => {
    for (const maxSteps of limits) {
      const [interpreted, compiled] = engines.map((opts) => {
        const rt = createRuntime({ ...opts, budget: { maxSteps } });
        const o = rt.evalString(src, 'steps.rtfs');
        return o.ok ? printValue(o.value) : (o.error?.render() ?? 'diagnostics');
      });
      expect(compiled).toBe(interpreted);
    }
  });
}

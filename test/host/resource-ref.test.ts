/** `(resource:ref "name")`, the reference's spelling of `@name`, in every engine. */
import { describe, expect, it } from 'vitest';
import { createHostedRuntime, runProgram } from '../../src/host/index.js';
import { printValue } from '../../src/data/index.js';
import { jsCompiler } from '../../src/compiler/index.js';

const ENGINES = [
  { name: 'evaluator', options: { jit: false as const } },
  { name: 'evaluator, jit at first call', options: { jit: 0 } },
  { name: 'compiler', options: { compiler: jsCompiler } },
];

describe.each(ENGINES)('(resource:ref "name") ($name)', (engine) => {
  it('reads the host context value, as @name does', () => {
    const h = createHostedRuntime({
      policy: { allow: [], deny: [] },
      out: () => undefined,
      log: () => undefined,
      context: new Map([['plan-id', 'plan-42']]),
      ...engine.options,
    });
    const o = runProgram(h, '[(resource:ref "plan-id") @plan-id]', 'ref.rtfs');
    expect(o.ok ? printValue(o.value) : o.error?.code).toBe('["plan-42" "plan-42"]');
  });
});

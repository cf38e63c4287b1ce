/**
 * Table-driven builtin tests: each case is RTFS source and the expected outcome, either
 * the `pr-str` of the result or `!! <error code>`.
 */
import { describe, it, expect } from 'vitest';
import { createRuntime } from '../../src/create-runtime.js';
import { printValue } from '../../src/data/index.js';

export type Case = readonly [src: string, expected: string];

const silent = { out: () => undefined, log: () => undefined };

export function run(src: string): string {
  const o = createRuntime(silent).evalString(src, 'test.rtfs');
  if (o.ok) return printValue(o.value);
  if (o.diagnostics) return `!! ${o.diagnostics.map((d) => d.code).join(' ')}`;
  return `!! ${o.error.code}`;
}

/** The error message of a failing evaluation (for message-format checks). */
export function errorMessage(src: string): string {
  const o = createRuntime(silent).evalString(src, 'test.rtfs');
  if (o.ok || o.diagnostics) throw new Error(`expected a runtime error from ${src}`);
  return o.error.message;
}

/** One `describe` per table, one `it` per case. */
export function table(name: string, cases: readonly Case[]): void {
  describe(name, () => {
    for (const [src, expected] of cases) {
      it(src, () => {
        expect(run(src)).toBe(expected);
      });
    }
  });
}

export const TYPE = '!! runtime/type-error';
export const ARITY = '!! runtime/arity-mismatch';
export const INDEX = '!! runtime/index-out-of-bounds';
export const INVALID = '!! runtime/invalid-argument';
export const DIV0 = '!! runtime/division-by-zero';
export const OVERFLOW = '!! runtime/integer-overflow';

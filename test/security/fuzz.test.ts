/**
 * Fuzz suite (issue 15): generated and mutated programs go through read, check, fmt,
 * run in every engine (evaluator, no JIT, compile engine) and compile. Whatever the
 * input, each phase returns diagnostics or an RTFS error: nothing throws (which the
 * CLI reports as exit 3, "internal error"), and nothing runs past its budget.
 * Bounded: fixed seeds, a few hundred programs, a step and time budget per run.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRuntime, type RuntimeOptions } from '../../src/create-runtime.js';
import { jsCompiler } from '../../src/compiler/index.js';
import { read, Source } from '../../src/index.js';
import { checkSource } from '../../src/check/index.js';
import { formatSource } from '../../src/format/index.js';
import { compileProgram } from '../../src/compiler/index.js';

const ATOMS = [
  '0',
  '1',
  '-1',
  '2.5',
  '9223372036854775807',
  '##NaN',
  'nil',
  'true',
  ':k',
  'x',
  'f',
  '"s"',
  '""',
  '"%5d"',
  '[]',
  '{}',
  '()',
  '(range 10)',
  '[1 2 3]',
  '{:a 1}',
  "'x",
  '`(a ~b)',
  '#"a+"',
  '#(inc %)',
  '@x',
  '^:m x',
  '#_ 1',
  ';; c\n',
  '\\a',
  '2026-01-01T00:00:00Z',
];
const HEADS = [
  'do',
  'let',
  'fn',
  'defn',
  'def',
  'if',
  'when',
  'cond',
  'loop',
  'recur',
  'match',
  'try',
  'catch',
  'finally',
  'throw',
  'quote',
  'defmacro',
  'for',
  'dotimes',
  'plan',
  'step',
  'call',
  'str',
  'join',
  'format',
  'map',
  'reduce',
  'apply',
  'get',
  'assoc',
  'conj',
  'count',
  'first',
  'rest',
  'nth',
  'repeat',
  'range',
  '+',
  '-',
  '*',
  '/',
  '=',
  '<',
  'vector',
  'list',
  'hash-map',
  'keys',
  'vals',
  'into',
  'sort',
  'println',
  're-find',
];

/** Programs: well-bracketed forms from the vocabulary. */
const form: fc.Arbitrary<string> = fc.letrec<{ f: string }>((tie) => ({
  f: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom(...ATOMS),
    fc
      .tuple(fc.constantFrom(...HEADS), fc.array(tie('f'), { maxLength: 4 }))
      .map(([h, xs]) => `(${[h, ...xs].join(' ')})`),
    fc.array(tie('f'), { maxLength: 4 }).map((xs) => `[${xs.join(' ')}]`),
    fc.array(tie('f'), { maxLength: 4 }).map((xs) => `{${xs.join(' ')}}`),
  ),
})).f;
const program = fc.array(form, { minLength: 1, maxLength: 4 }).map((xs) => xs.join('\n'));

/** Mutations of a program's text: cut, duplicate, insert noise, drop a bracket. */
const NOISE = ['(', ')', '[', ']', '{', '}', '"', '\\', '#', '`', '~@', '^', '\u2028', '\0', ':'];
const mutated = fc
  .tuple(program, fc.nat(), fc.nat(), fc.constantFrom(...NOISE), fc.nat(3))
  .map(([text, a, b, noise, how]) => {
    const i = a % (text.length + 1);
    const j = b % (text.length + 1);
    switch (how) {
      case 0:
        return text.slice(0, i) + text.slice(j);
      case 1:
        return text.slice(0, i) + noise + text.slice(i);
      case 2:
        return text.slice(0, i) + text.slice(Math.min(i, j), Math.max(i, j)) + text.slice(i);
      default:
        return text.slice(0, i) + noise.repeat(1 + (j % 50)) + text.slice(i);
    }
  });

const quiet = (): void => undefined;
const BUDGET = { maxSteps: 200_000, timeoutMs: 2_000 };
const ENGINES: readonly RuntimeOptions[] = [
  { out: quiet, log: quiet, budget: BUDGET },
  { out: quiet, log: quiet, budget: BUDGET, jit: false },
  { out: quiet, log: quiet, budget: BUDGET, compiler: jsCompiler },
];

/** Runs `text` through every phase; throws only on a bug (an exit 3). */
function everyPhase(text: string): void {
  const source = new Source('fuzz.rtfs', text);
  read(source);
  checkSource(source);
  formatSource(text);
  for (const opts of ENGINES) {
    const o = createRuntime(opts).evalString(text, 'fuzz.rtfs');
    if (!o.ok) expect(o.error ?? o.diagnostics?.[0]).toBeDefined();
  }
  compileProgram(text, 'fuzz.rtfs', { runtime: 'rtfs-ts/runtime' });
}

describe('fuzz: no input crashes a phase', () => {
  it('generated programs', () => {
    fc.assert(
      fc.property(program, (text) => everyPhase(text)),
      { numRuns: 150, seed: 15 },
    );
  });

  it('mutated programs', () => {
    fc.assert(
      fc.property(mutated, (text) => everyPhase(text)),
      { numRuns: 150, seed: 1515 },
    );
  });
});

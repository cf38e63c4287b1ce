import { describe, it, expect } from 'vitest';
import { type Value, RMap, RVector, kw, printValue } from '../../src/data/index.js';
import { mapBuiltins } from '../../src/builtins/maps.js';
import { coreBuiltins } from '../../src/builtins/core.js';
import { RtfsError } from '../../src/runtime/errors.js';
import type { Builtin } from '../../src/runtime/fn.js';

function builtin(list: readonly Builtin[], name: string): Builtin {
  const b = list.find((x) => x.name === name);
  if (b === undefined) throw new Error(`no builtin ${name}`);
  return b;
}

/** The printed result, or the error's code and message. */
function outcome(f: () => Value): string {
  try {
    return printValue(f());
  } catch (e) {
    if (e instanceof RtfsError) return `!! ${e.code} ${e.message}`;
    throw e;
  }
}

const inc = builtin(coreBuiltins, 'inc');
const m = RMap.of(kw('a'), 1, kw('b'), 2);
/** Calls with at least the minimum of 3 arguments (a direct call never has fewer). */
const SAMPLES: readonly (readonly Value[])[] = [
  [m, kw('a'), 10],
  [m, kw('c'), null],
  [null, kw('a'), 1],
  [RVector.of(1, 2), 1, 5],
  [RVector.of(1, 2), 2, 5],
  [RVector.of(1, 2), 3, 5],
  [5, kw('a'), 1],
  [m, kw('a'), inc],
  [m, kw('z'), inc],
  [m, kw('a'), 7],
  [m, kw('a'), 1, kw('b')],
  [m, kw('a'), 1, kw('b'), 20],
  [m, kw('a'), inc, 5, 6],
];

describe('the direct entries (f) of assoc and update', () => {
  for (const name of ['assoc', 'update']) {
    const b = builtin(mapBuiltins, name);
    for (const args of SAMPLES) {
      it(`${name} agrees with its array entry on ${args.map((x) => printValue(x)).join(' ')}`, () => {
        expect(outcome(() => b.f(...args))).toBe(outcome(() => b.invoke([...args])));
      });
    }
  }
});

import { describe, it, expect } from 'vitest';
import { createRuntime } from '../../src/create-runtime.js';
import { printValue } from '../../src/data/index.js';

function diagnostic(src: string): { message: string; line: number; column: number } {
  const o = createRuntime().evalString(src, 'x.rtfs');
  const d = !o.ok && o.diagnostics ? o.diagnostics[0] : undefined;
  if (d === undefined) throw new Error(`expected a diagnostic for ${src}`);
  return { message: d.message, ...d.span.source.position(d.span.start) };
}

describe('names RTFS leaves out on purpose', () => {
  it('says sets do not exist and what to use instead', () => {
    for (const name of ['set', 'hash-set', 'disj', 'clojure.set/union', 'set/difference']) {
      expect(diagnostic(`(${name} [1])`).message).toBe(
        `unbound symbol '${name}': RTFS has no sets; use a vector with distinct (membership: (some #(= x %) v)), or a map whose keys are the members (membership: contains?)`,
      );
    }
  });

  it('says randomness is left out for replay', () => {
    for (const name of ['rand', 'rand-int', 'rand-nth', 'shuffle', 'random-uuid']) {
      const d = diagnostic(`(do\n  (${name} [1 2]))`);
      expect(d.message).toContain(`unbound symbol '${name}': RTFS builtins are deterministic`);
      expect(d.message).toContain('replays from the causal chain');
      expect([d.line, d.column]).toEqual([2, 4]);
    }
  });

  it('keeps the did-you-mean hint for other names', () => {
    expect(diagnostic('(interleav [1])').message).toBe(
      "unbound symbol 'interleav'; did you mean 'interleave'?",
    );
  });
});

describe('(take n (iterate …)) and friends', () => {
  it('keeps the positions of the rewritten call for errors inside it', () => {
    const o = createRuntime().evalString('(take 2\n  (iterate inc\n    :x))', 'y.rtfs');
    if (o.ok || o.diagnostics) throw new Error('expected a runtime error');
    expect(o.error.code).toBe('runtime/type-error');
    const text = o.error.render();
    expect(text).toContain('y.rtfs:1:1');
  });

  it('is an ordinary call when take is rebound', () => {
    const rt = createRuntime();
    const o = rt.evalString('(let [take (fn [n x] x)] (take 2 (range 3)))', 'z.rtfs');
    expect(o.ok && printValue(o.value)).toBe('[0 1 2]');
  });
});

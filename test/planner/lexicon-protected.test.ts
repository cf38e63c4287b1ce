/**
 * `stripProtected` runs the values pattern only on a text that can hold a value
 * (`mayHoldProtected`, ADR 0040): it must give what replacing every match gives.
 */
import { join } from 'node:path';
import { describe, it, expect } from 'vitest';
import {
  mayHoldProtected,
  protectedPattern,
  stripProtected,
} from '../../src/planner/lexicon/language.js';
import { EVAL_DIR, loadGoals } from '../../scripts/eval-planner/goals.js';

/** A small deterministic generator (no Math.random: a failure must repeat). */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const EXAMPLES = [
  'post "hello world" to slack',
  "say 'hi' now",
  'read https://example.com/a',
  'mail ops@example.com',
  'post to #dev',
  'read ./data/x.csv and ../y/z',
  'open report.pdf',
  'close ACME-12',
  'check AB12 and X9',
  'list pending orders in fedex and send them by SMS to +15551234567',
  'SMS 5 times',
  'ABC 12',
  'éé-1 ÀB12 ＡＢ１２',
];

function texts(): string[] {
  const goals = ['goals.rtfs', 'holdout.rtfs', 'blind.rtfs'].flatMap((f) =>
    loadGoals(join(EVAL_DIR, f)).map((g) => g.goal),
  );
  const next = rng(18);
  const alphabet = `aZ AB9 0"'/@#.-_+csvé\u00a0`;
  const random = Array.from({ length: 3000 }, () =>
    Array.from({ length: 1 + Math.floor(next() * 12) }, () =>
      alphabet.charAt(Math.floor(next() * alphabet.length)),
    ).join(''),
  );
  return [...goals, ...EXAMPLES, ...EXAMPLES.map((e) => e.toUpperCase()), ...random];
}

describe('stripProtected', () => {
  it('equals replacing every match of the values pattern', () => {
    let matched = 0;
    for (const t of texts()) {
      const expected = t.replace(protectedPattern(), ' ');
      if (expected !== t) matched++;
      expect(stripProtected(t), JSON.stringify(t)).toBe(expected);
    }
    expect(matched).toBeGreaterThan(500);
  });

  it('does not run the pattern on a goal without values', () => {
    expect(
      mayHoldProtected('list pending orders in fedex and send them by SMS to +15551234567'),
    ).toBe(false);
    expect(mayHoldProtected('check AB12')).toBe(true);
    expect(mayHoldProtected('a-b')).toBe(true);
  });
});

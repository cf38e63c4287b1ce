/**
 * The planner's lexicon files (src/planner/data/lexicon/*.json) are bundled with the
 * code and not re-checked at run time (ADR 0031): their shape is checked here.
 */
import { describe, it, expect } from 'vitest';
import { lexicon, lexiconProblems } from '../../src/planner/lexicon/index.js';

describe('the lexicon files', () => {
  it('match their schemas', () => {
    expect(lexiconProblems()).toEqual([]);
  });

  it('index every language they hold', () => {
    const l = lexicon();
    expect(l.verbs.size).toBeGreaterThan(10);
    expect(l.foreign.map((f) => f.code)).toEqual(['fr', 'es', 'de']);
    expect(l.refused.size).toBeGreaterThan(0);
  });
});

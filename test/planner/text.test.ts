/** Word splitting: the ASCII scan is the regular-expression definition, faster. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { stem, stemByRegex, words, wordsByRegex } from '../../src/planner/text.js';

describe('words', () => {
  it('splits camelCase, ids and punctuation, lower-cased', () => {
    expect(words('listIssues github.list_pull-requests  aBC aBcD HTTPServer x2Y')).toEqual([
      'list',
      'issues',
      'github',
      'list',
      'pull',
      'requests',
      'a',
      'bc',
      'a',
      'bc',
      'd',
      'httpserver',
      'x2y',
    ]);
    expect(words('')).toEqual([]);
    expect(words('  --  ')).toEqual([]);
  });

  it('equals the regular-expression definition on any text', () => {
    const chars = fc.constantFrom(...[...'aAzZ09 _-.:/ÉéİßΣσ😀\u0130\u212a']);
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.string({ unit: chars })),
        (t) => {
          expect(words(t)).toEqual(wordsByRegex(t));
        },
      ),
      { numRuns: 3000 },
    );
  });
});

describe('stem', () => {
  it('equals the regular-expression definition on any word', () => {
    const suffixes = [
      's',
      'ss',
      'us',
      'is',
      'es',
      'ies',
      'xes',
      'ches',
      'shes',
      'sses',
      'S',
      'SSES',
    ];
    const tails = ['', 'a', 'bo', 'box', 'church', 'dish', 'class', 'Issue', 'status', 'analysis'];
    for (const t of tails)
      for (const s of suffixes)
        for (const w of [`${t}${s}`, `${t}${s}${s}`]) expect(stem(w)).toBe(stemByRegex(w));
    const chars = fc.constantFrom(...[...'aseixchuSEIXCHUß\u0130\u212a']);
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: chars, maxLength: 8 })), (w) => {
        expect(stem(w)).toBe(stemByRegex(w));
      }),
      { numRuns: 5000 },
    );
  });
});

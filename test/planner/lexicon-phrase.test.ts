/**
 * Phrase rewrites test a loose pattern (the pattern without its `\b`) before building the
 * full Unicode-boundary pattern (src/planner/lexicon/phrase.ts, ADR 0021): the result must
 * be what the full pattern alone gives, on every lexicon phrase and many texts.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import en from '../../src/planner/data/lexicon/en.json' with { type: 'json' };
import fr from '../../src/planner/data/lexicon/fr.json' with { type: 'json' };
import es from '../../src/planner/data/lexicon/es.json' with { type: 'json' };
import de from '../../src/planner/data/lexicon/de.json' with { type: 'json' };
import { PhraseRewrite, loosePattern } from '../../src/planner/lexicon/phrase.js';
import { requiredTexts } from '../../src/planner/required-texts.js';
import { EVAL_DIR, loadGoals } from '../../scripts/eval-planner/goals.js';

const B = '(?:(?<![\\p{L}\\p{N}_])(?=[\\p{L}\\p{N}_])|(?<=[\\p{L}\\p{N}_])(?![\\p{L}\\p{N}_]))';
const full = (p: string): RegExp => new RegExp(p.split('\\b').join(B), 'giu');

describe('loosePattern', () => {
  it('drops boundaries outside negative lookarounds and classes', () => {
    expect(loosePattern('\\bread (them|it)\\b')).toBe('read (them|it)');
    expect(loosePattern('\\bpr\\b(?![-#]?\\d)')).toBe('pr(?![-#]?\\d)');
    expect(loosePattern('(?<=\\bat )\\d+')).toBe('(?<=at )\\d+');
  });
  it('refuses boundaries it cannot drop soundly', () => {
    expect(loosePattern('x(?!\\bfoo)')).toBeUndefined();
    expect(loosePattern('(?<!\\bno )yes')).toBeUndefined();
    expect(loosePattern('[\\b]x')).toBeUndefined();
    expect(loosePattern('a\\\\b')).toBeUndefined();
  });
});

describe('requiredTexts', () => {
  it('gives the literal words a pattern starts with', () => {
    expect(requiredTexts('show me')).toEqual(['show me']);
    expect(requiredTexts('Read (them|it)')).toEqual(['read ']);
    expect(requiredTexts('^items? of')).toEqual(['item']);
  });
  it('gives each literal alternative of a leading group, with the words after it', () => {
    expect(requiredTexts('(?:tell|give) me the')).toEqual(['tell me the', 'give me the']);
    expect(requiredTexts('^(?:pull|Merge) requests?')).toEqual(['pull request', 'merge request']);
    expect(requiredTexts('(add|put) (.+?) to')).toEqual(['add ', 'put ']);
    expect(requiredTexts('^((?:every|each|on) (?:day|week)s?),?\\s+(.+)$')).toEqual([
      'every ',
      'each ',
      'on ',
    ]);
  });
  it('gives none when a match need not contain them', () => {
    expect(requiredTexts('a|show me')).toBeUndefined();
    expect(requiredTexts('(?:tell|give)? me')).toBeUndefined();
    expect(requiredTexts('(?:tell|gi\\w+) me')).toEqual(['tell me', 'gi']);
    expect(requiredTexts('(?:tell|a)\\s')).toBeUndefined();
    expect(requiredTexts('(?=x)abc')).toBeUndefined();
    expect(requiredTexts('\\d+ items')).toBeUndefined();
  });
});

describe('PhraseRewrite', () => {
  const phrases = [en, fr, es, de].flatMap((l) => l.phrases as [string, string][]);
  const goals = ['goals.rtfs', 'holdout.rtfs', 'blind.rtfs'].flatMap((f) =>
    loadGoals(join(EVAL_DIR, f)).map((g) => g.goal),
  );
  // Texts each phrase's own words could match: the pattern's literal letters, and the
  // same with a leading group of alternatives replaced by each of them (ADR 0040).
  const probe = (p: string): string => p.replace(/\\b|\\[sdw]|[()?:|+*^$\\[\]{}.]/g, ' ');
  const probes = phrases.flatMap(([p]) => {
    const m = /^(\^?(?:\\b)?)\((?:\?:)?([A-Za-z0-9 '|-]+)\)/.exec(p);
    const rest = m === null ? '' : p.slice(m[0].length);
    const alts = m?.[2]?.split('|') ?? [];
    return [probe(p), ...alts.map((a) => probe(`${m?.[1] ?? ''}${a}${rest}`))];
  });
  // Case changes, and letters `/iu` folds onto ASCII (`ſ` is `s`, `\u212A` is `k`): a
  // phrase's leading words are looked for in ASCII texts only (ADR 0038).
  const cased = probes.flatMap((p) => [
    p.toUpperCase(),
    p.replace(/s/g, 'ſ').replace(/k/g, '\u212A'),
  ]);
  const texts = [
    ...goals,
    ...probes,
    ...cased,
    'Read them aloud',
    'ÉTÉ à 9h',
    'prix',
    'PR #12',
    'ſhow me the reports',
    'pinG Me',
    '',
  ];

  it('gives what the full pattern gives, on every phrase and text', () => {
    let changed = 0;
    const wrong: string[] = [];
    for (const [pattern, replacement] of phrases) {
      const rw = new PhraseRewrite(pattern, replacement);
      const re = full(pattern);
      for (const t of texts) {
        const want = t.replace(re, replacement);
        if (rw.apply(t) !== want) wrong.push(`${pattern} on ${t}`);
        if (want !== t) changed++;
      }
    }
    expect(wrong).toEqual([]);
    expect(changed).toBeGreaterThan(20);
  });
});

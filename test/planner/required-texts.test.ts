/**
 * `mayMatch` skips a pattern on a text that holds none of the texts its matches start
 * with (src/planner/required-texts.ts, ADR 0040). It must never skip a text the pattern
 * matches: checked for every pattern the planner guards with `execIf` (read from its
 * sources) on the eval goals and on texts made of each pattern's own words.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  execIf,
  execWhen,
  holdsNeeded,
  mayMatch,
  requiredTexts,
} from '../../src/planner/required-texts.js';
import { EVAL_DIR, loadGoals } from '../../scripts/eval-planner/goals.js';

const SRC = join(import.meta.dirname, '../../src/planner');

/** The regular expression literals passed to `execIf` in the planner's sources. */
function guardedPatterns(): RegExp[] {
  const files = readdirSync(SRC, { recursive: true, encoding: 'utf8' }).filter((f) =>
    f.endsWith('.ts'),
  );
  const out: RegExp[] = [];
  const call = /execIf\(\s*\/((?:\\.|\[(?:\\.|[^\]\\])*\]|[^/\\[\n])+)\/([a-z]*)/g;
  for (const f of files) {
    const text = readFileSync(join(SRC, f), 'utf8');
    for (const m of text.matchAll(call)) out.push(new RegExp(m[1] ?? '', m[2]));
    // Named patterns guarded by name (`execIf(QUANT, …)`).
    for (const m of text.matchAll(/execIf\(([A-Z_]+),/g)) {
      const def = new RegExp(`const ${m[1] ?? ''} =\\s*\\/(.+)\\/([a-z]*);`).exec(text);
      if (def) out.push(new RegExp(def[1] ?? '', def[2]));
    }
  }
  return out;
}

describe('requiredTexts', () => {
  it('skips the assertions a pattern starts with', () => {
    expect(requiredTexts('\\bfilter(?:ed)?\\s+by')).toEqual(['filter']);
    expect(requiredTexts('^\\bfor\\s+each')).toEqual(['for']);
  });
  it('takes the literal start of each alternative of a leading group', () => {
    expect(requiredTexts('\\b(?:trips?|flights?|travel)\\s+to')).toEqual([
      'trip',
      'flight',
      'travel',
    ]);
    expect(requiredTexts('\\b(?:sort(?:ed)?|rank(?:ed)?)\\s+by')).toEqual(['sort', 'rank']);
  });
  it('gives what one part of an alternation needs', () => {
    expect(requiredTexts('\\b(?:label|tagged)\\s+x|\\bwith\\s+y')).toEqual([
      'label',
      'tagged',
      'with',
    ]);
    expect(requiredTexts('\\bnext\\s+(\\d+)|\\b(\\d+)-day')).toBeUndefined();
  });
});

describe('mayMatch', () => {
  const patterns = guardedPatterns();
  const goals = ['goals.rtfs', 'holdout.rtfs', 'blind.rtfs'].flatMap((f) =>
    loadGoals(join(EVAL_DIR, f)).map((g) => g.goal),
  );
  // Each pattern's own words (its letters, with the syntax replaced by spaces), upper-cased,
  // and with the letters a Unicode case-insensitive pattern folds onto ASCII.
  const probes = patterns.flatMap((re) => {
    const p = re.source.replace(/\\[bsdwSDW]|[()?:|+*^$\\[\]{}.]/g, ' ');
    return [p, p.toUpperCase(), p.replace(/s/g, 'ſ').replace(/k/g, '\u212A'), `${p} Paris`];
  });
  const texts = [...goals, ...probes, 'Trips to Paris', 'ſort them by date', 'FOR EACH file'];

  it('finds the patterns the planner guards', () => {
    expect(patterns.length).toBeGreaterThan(25);
  });

  it('never skips a text a guarded pattern matches', () => {
    const wrong: string[] = [];
    let matched = 0;
    for (const re of patterns) {
      for (const t of texts) {
        if (!re.test(t)) continue;
        matched++;
        if (!mayMatch(re, t)) wrong.push(`/${re.source}/${re.flags} on ${t}`);
      }
    }
    expect(wrong).toEqual([]);
    expect(matched).toBeGreaterThan(100);
  });

  it('skips texts without the words', () => {
    expect(mayMatch(/\bfilter(?:ed)?\s+by/i, 'list pending orders')).toBe(false);
    expect(execIf(/\bfilter(?:ed)?\s+by\s+(\w+)/i, 'Filtered by state')?.[1]).toBe('state');
    // `/iu` folds `ſ` onto `s`: a non-ASCII text is always tested.
    expect(mayMatch(/\bsort\b/iu, 'ſort')).toBe(true);
    expect(/\bsort\b/iu.test('ſort')).toBe(true);
  });
});

/** The `execWhen` / `matchAllWhen` calls of the planner's sources: their words and pattern. */
function wordGuardedPatterns(): { needs: string[]; re: RegExp }[] {
  const files = readdirSync(SRC, { recursive: true, encoding: 'utf8' }).filter((f) =>
    f.endsWith('.ts'),
  );
  const out: { needs: string[]; re: RegExp }[] = [];
  const call =
    /(?:execWhen|matchAllWhen)\(\s*\[([^\]]*)\],\s*\/((?:\\.|\[(?:\\.|[^\]\\])*\]|[^/\\[\n])+)\/([a-z]*)/g;
  for (const f of files) {
    const text = readFileSync(join(SRC, f), 'utf8');
    for (const m of text.matchAll(call)) {
      const needs = [...(m[1] ?? '').matchAll(/'([^']*)'/g)].map((w) => w[1] ?? '');
      out.push({ needs, re: new RegExp(m[2] ?? '', m[3]) });
    }
  }
  return out;
}

describe('holdsNeeded', () => {
  const guarded = wordGuardedPatterns();
  const goals = ['goals.rtfs', 'holdout.rtfs', 'blind.rtfs'].flatMap((f) =>
    loadGoals(join(EVAL_DIR, f)).map((g) => g.goal),
  );
  // Texts each pattern matches (checked below), in several cases.
  const examples = [
    'create ACME-12 now',
    'close PROJ7-3',
    'book 3 more units',
    'order 5 Items of SKU-9',
    'add 2 more',
    'reserve 4 seats and 1 room',
    'print 10 copies',
    'deploy the main branch',
    'merge branch feature/x',
    'tell me when AAPL stock drops',
    'alert me if TSLA is above 300',
    'when MSFT is trading low',
    'alert when IBM crosses 200',
    'weather for the next 3 days',
    'a 5-day forecast',
    'list the urgent issues',
    'close the stale pull_request',
    'show open bugs',
    'list bugs',
  ];
  const texts = [
    ...goals,
    ...examples.flatMap((e) => [e, e.toUpperCase(), e.toLowerCase(), `${e} in Zürich`]),
  ];

  it('finds the patterns the planner guards by words', () => {
    expect(guarded.length).toBeGreaterThanOrEqual(8);
    for (const g of guarded) expect(g.needs.length, g.re.source).toBeGreaterThan(0);
  });

  it('never skips a text a guarded pattern matches, and each pattern matches some text', () => {
    const wrong: string[] = [];
    for (const { needs, re } of guarded) {
      let matched = 0;
      for (const t of texts) {
        if (!new RegExp(re.source, re.flags).test(t)) continue;
        matched++;
        if (!holdsNeeded(re, t, needs)) wrong.push(`/${re.source}/${re.flags} on ${t}`);
      }
      expect(matched, `/${re.source}/${re.flags} matches no example`).toBeGreaterThan(0);
    }
    expect(wrong).toEqual([]);
  });

  it('skips texts without the words', () => {
    expect(execWhen(['branch'], /\bbranch\s+(\w+)/i, 'list pending orders')).toBeNull();
    expect(execWhen(['branch'], /\bbranch\s+(\w+)/i, 'merge BRANCH dev')?.[1]).toBe('dev');
    expect(holdsNeeded(/\bsort\b/iu, 'ſort', ['sort'])).toBe(true);
  });
});

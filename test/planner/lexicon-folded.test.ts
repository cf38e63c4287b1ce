/**
 * folded.json holds the lexicon's tables folded at build time (ADR 0040): it must equal
 * folding the lexicon files now. On a failure after editing a lexicon file, run
 * `npm run lexicon:fold`.
 */
import { describe, it, expect } from 'vitest';
import folded from '../../src/planner/data/lexicon/folded.json' with { type: 'json' };
import en from '../../src/planner/data/lexicon/en.json' with { type: 'json' };
import fr from '../../src/planner/data/lexicon/fr.json' with { type: 'json' };
import refusals from '../../src/planner/data/lexicon/unsupported.json' with { type: 'json' };
import { fold, lexicon } from '../../src/planner/lexicon/index.js';
import { foldTables } from '../../src/planner/lexicon/fold-tables.js';

describe('the folded lexicon tables', () => {
  it('equal folding the lexicon files at run time (else: npm run lexicon:fold)', () => {
    expect(folded).toEqual(foldTables());
  });

  it('index what the files hold, folded', () => {
    const l = lexicon();
    for (const [canon, forms] of Object.entries(en.verbs)) {
      expect(l.verbs.get(canon)).toBe(canon);
      for (const f of forms) expect(l.verbs.has(fold(f))).toBe(true);
    }
    for (const [canon, forms] of Object.entries(en.nouns))
      for (const f of [canon, ...forms]) expect(l.nouns.has(fold(f))).toBe(true);
    const french = l.foreign.find((f) => f.code === 'fr');
    for (const [k, v] of Object.entries(fr.words as Record<string, string>)) {
      expect(french?.words.has(fold(k))).toBe(true);
      expect(french?.exact.get(k.toLowerCase())).toBe(v);
    }
    for (const m of fr.markers) expect(french?.markers.has(fold(m))).toBe(true);
    for (const [name, words] of Object.entries(refusals.languages))
      for (const w of words) expect(l.refused.get(name)?.has(fold(w))).toBe(true);
  });

  it('hold accented words folded', () => {
    const french = lexicon().foreign.find((f) => f.code === 'fr');
    const accented = Object.keys(fr.words).filter((k) => k !== fold(k));
    expect(accented.length).toBeGreaterThan(10);
    for (const k of accented) expect([...(french?.words.keys() ?? [])]).not.toContain(k);
  });
});

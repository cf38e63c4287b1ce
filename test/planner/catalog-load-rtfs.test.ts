/**
 * `.rtfs` catalogs read with fastReadData (ADR 0028): the entries the full read loads,
 * with their spans; and the id check by scan is ID_PATTERN.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { equals, Keyword, type RMap, type RVector } from '../../src/data/index.js';
import { read } from '../../src/syntax/index.js';
import { loadCatalogText } from '../../src/planner/index.js';
import { ID_PATTERN, isDottedId } from '../../src/planner/catalog/load-rtfs.js';
import { catalogSource, generateCatalog } from '../../bench/planner-catalog/generate.js';

describe('catalog loading on fastReadData', () => {
  it('loads the entries the full read loads (spans of entries included)', () => {
    const text = catalogSource(generateCatalog(200), 'test');
    const viaData = loadCatalogText(text, 'c.rtfs');
    expect(viaData.diagnostics).toEqual([]);
    const full = read(text, 'c.rtfs');
    const top = full.forms[0] as RVector;
    expect(viaData.entries.length).toBe(top.count);
    viaData.entries.forEach((e, i) => {
      expect(e.span).toMatchObject({ start: top.span?.childStart(i), end: top.span?.childEnd(i) });
      expect(e.span?.source.text).toBe(text);
      const m = top.get(i) as RMap;
      expect(equals(e.inputSchema, m.get(Keyword.of('input-schema')) ?? null)).toBe(true);
      expect(equals(e.outputSchema, m.get(Keyword.of('output-schema')) ?? null)).toBe(true);
      expect(e.id).toBe(m.get(Keyword.of('id')));
    });
  });
});

describe('isDottedId', () => {
  it('is ID_PATTERN', () => {
    const ids = fc.stringMatching(/^[A-Za-z0-9._\-é ]{0,12}$/);
    fc.assert(
      fc.property(fc.oneof(ids, fc.string()), (id) => {
        expect(isDottedId(id)).toBe(ID_PATTERN.test(id));
      }),
      { numRuns: 20000 },
    );
    for (const id of ['a.b', 'a..b', 'a.', '.a', 'a', '1.b', 'a-b_c.d-e_f.g9', 'a.b\n', 'A.B.C'])
      expect(isDottedId(id)).toBe(ID_PATTERN.test(id));
  });
});

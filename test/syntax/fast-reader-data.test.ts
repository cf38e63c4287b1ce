/**
 * fastReadData (ADR 0028): the values of `read`, spans only on top-level collections.
 */
import { describe, expect, it } from 'vitest';
import { equals, printValue, RMap, RVector, type Value } from '../../src/data/index.js';
import { Source } from '../../src/source/index.js';
import { fastReadData, read } from '../../src/syntax/index.js';
import { catalogSource, generateCatalog } from '../../bench/planner-catalog/generate.js';

const texts = [
  '[{:a 1 :b [1 2 {:c "x\\"y"}]} (1 2) {}]',
  '{:k [:map [:id :string] [:n {:optional true} :int]]} [] ()',
  '[\'a `(b ~c) ^:m [1] #"re" @x :ns/kw sym 1.5 -3 nil true "s\\n"]',
  '; comment\n[1 2 3] ; trailing\n',
];

function nestedSpans(v: Value, depth: number): number {
  if (!(v instanceof RVector || v instanceof RMap)) return 0;
  const own = depth > 0 && v.span !== undefined ? 1 : 0;
  let n = own;
  if (v instanceof RVector) for (const x of v.toArray()) n += nestedSpans(x, depth + 1);
  else v.forEach((x, k) => (n += nestedSpans(k, depth + 1) + nestedSpans(x, depth + 1)));
  return n;
}

describe('fastReadData', () => {
  it('reads the values read reads, with the same top-level spans', () => {
    for (const text of texts) {
      const full = read(text, 't.rtfs');
      const data = fastReadData(new Source('t.rtfs', text));
      expect(data).toBeDefined();
      if (data === undefined) continue;
      expect(data.forms.length).toBe(full.forms.length);
      data.forms.forEach((f, i) => {
        expect(equals(f, full.forms[i] as Value), printValue(f)).toBe(true);
        expect(printValue(f)).toBe(printValue(full.forms[i] as Value));
      });
      expect(data.spans.map((s) => [s.start, s.end])).toEqual(
        full.spans.map((s) => [s.start, s.end]),
      );
    }
  });

  it('keeps the spans of a top-level vector’s elements, not deeper ones', () => {
    const text = catalogSource(generateCatalog(40), 'test');
    const data = fastReadData(new Source('c.rtfs', text));
    const full = read(text, 'c.rtfs');
    const top = data?.forms[0];
    const fullTop = full.forms[0];
    expect(top).toBeInstanceOf(RVector);
    expect(fullTop).toBeInstanceOf(RVector);
    if (!(top instanceof RVector) || !(fullTop instanceof RVector)) return;
    expect(equals(top, fullTop)).toBe(true);
    for (let i = 0; i < top.count; i++) {
      expect(top.span?.childStart(i)).toBe(fullTop.span?.childStart(i));
      expect(top.span?.childEnd(i)).toBe(fullTop.span?.childEnd(i));
    }
    expect(nestedSpans(top, 0)).toBe(0);
    expect(nestedSpans(fullTop, 0)).toBeGreaterThan(0);
  });

  it('leaves errors, discards, shebangs and oversized texts to read', () => {
    for (const text of ['[1 2', '#_ 1 [2]', '#!/usr/bin/env rtfs\n[1]', ')', '[1 ä]', '[#(inc %)]'])
      expect(fastReadData(new Source('t.rtfs', text))).toBeUndefined();
  });
});

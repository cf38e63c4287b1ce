/**
 * The planner capabilities' schemas read with their shared parts once (ADR 0040) must be
 * what reading and parsing each whole text gives: the same form (printed, and in the
 * catalog snapshot's canonical text) and the same type.
 */
import { describe, it, expect } from 'vitest';
import { printValue, type Value } from '../../../src/data/index.js';
import { canonicalValue } from '../../../src/audit/index.js';
import { schema } from '../../../src/host/builtin/schema.js';
import { schemaReader } from '../../../src/planner/capabilities/schema-parts.js';
import { PARTS, SCHEMAS } from '../../../src/planner/capabilities/schemas.js';

const texts = Object.values(SCHEMAS).flatMap((s) => [s.input, s.output]);

describe('planner schema parts', () => {
  it('every part occurs in some schema, the goal signals in several', () => {
    for (const p of PARTS) expect(texts.some((t) => t.includes(p))).toBe(true);
    expect(texts.filter((t) => t.includes(PARTS[0] as string)).length).toBeGreaterThan(4);
  });

  it('gives the form and type of reading each whole text', () => {
    const read = schemaReader(PARTS);
    for (const text of texts) {
      const whole = schema(text);
      const parts = read(text);
      expect(printValue(parts.form)).toBe(printValue(whole.form));
      expect(canonicalValue(parts.form)).toBe(canonicalValue(whole.form));
      expect(parts.type).toEqual(whole.type);
    }
  });

  it('shares one form and one type per part', () => {
    const read = schemaReader(PARTS);
    const a = read(SCHEMAS.menu.input);
    const b = read(SCHEMAS.validate.input);
    // [:map [:goal_signals S] …] and [:map [:plan P] [:goal_signals S] …]
    const entry = (form: unknown, at: number): unknown =>
      (form as { get(i: number): { get(i: number): unknown } }).get(at).get(1);
    expect(entry(a.form, 1)).toBe(entry(b.form, 2));
    expect(printValue(entry(a.form, 1) as Value)).toBe(PARTS[0]);
  });

  it('reads a text without parts whole, and a part nested in a text', () => {
    const read = schemaReader(['[:map [:x :int]]']);
    expect(printValue(read('[:vector :string]').form)).toBe('[:vector :string]');
    const r = read('[:vector [:map [:x :int]]]');
    expect(printValue(r.form)).toBe('[:vector [:map [:x :int]]]');
    expect(r.type).toEqual(schema('[:vector [:map [:x :int]]]').type);
  });

  it('fails on a bad text', () => {
    expect(() => schemaReader(PARTS)('[:vector')).toThrow(/bad builtin schema/);
  });
});

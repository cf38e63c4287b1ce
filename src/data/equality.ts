import type { Value, ObjectValue } from './value.js';
import type { RList } from './list.js';
import type { RVector } from './vector.js';
import type { RMap } from './map.js';
import { hashPrimitive, mixOrdered } from './hashing.js';

/**
 * Structural, type-strict equality (`=`): `1` ≠ `1.0`, `[1]` ≠ `(1)`, `:a` ≠ `"a"`,
 * maps compare regardless of insertion order, `##NaN` equals nothing.
 * Functions and error values compare by identity.
 */
export function equals(a: Value, b: Value): boolean {
  if (a === b)
    return !(typeof a === 'object' && a !== null && a.kind === 'float' && a.value !== a.value);
  if (typeof a !== 'object' || a === null || typeof b !== 'object' || b === null) return false;
  return objectEquals(a, b);
}

function objectEquals(a: ObjectValue, b: ObjectValue): boolean {
  switch (a.kind) {
    case 'float':
      return b.kind === 'float' && a.value === b.value;
    case 'keyword':
      return false;
    case 'symbol':
      return b.kind === 'symbol' && a.name === b.name;
    case 'timestamp':
    case 'uuid':
    case 'resource':
      return b.kind === a.kind && a.text === b.text;
    case 'list':
      return b.kind === 'list' && seqEquals(a.items, a.count, (i) => b.items[i], b.count);
    case 'vector':
      return b.kind === 'vector' && vectorEquals(a, b);
    case 'map':
      return b.kind === 'map' && mapEquals(a, b);
    case 'fn':
    case 'error':
      return false;
  }
}

function vectorEquals(a: RVector, b: RVector): boolean {
  if (a.count !== b.count) return false;
  for (let i = 0; i < a.count; i++) {
    if (!equals(a.get(i) as Value, b.get(i) as Value)) return false;
  }
  return true;
}

function seqEquals(
  items: readonly Value[],
  n: number,
  other: (i: number) => Value | undefined,
  m: number,
): boolean {
  if (n !== m) return false;
  for (let i = 0; i < n; i++) if (!equals(items[i] as Value, other(i) as Value)) return false;
  return true;
}

function mapEquals(a: RMap, b: RMap): boolean {
  if (a.size !== b.size) return false;
  let same = true;
  a.forEach((v, k) => {
    if (!same) return;
    const w = b.get(k);
    if (w === undefined || !equals(v, w)) same = false;
  });
  return same;
}

/** A hash consistent with {@link equals} (equal values hash equally). */
export function hashValue(v: Value): number {
  if (typeof v !== 'object' || v === null) return hashPrimitive(v);
  switch (v.kind) {
    case 'list':
      return hashItems(v, 0x4c495354);
    case 'vector':
      return hashVector(v);
    case 'map':
      return hashMap(v);
    case 'float':
    case 'keyword':
    case 'symbol':
    case 'timestamp':
    case 'uuid':
    case 'resource':
      return v.hashCode();
    case 'fn':
    case 'error':
      return 0x0f0f0f0f;
  }
}

function hashItems(l: RList, seed: number): number {
  let h = seed;
  for (const x of l.items) h = mixOrdered(h, hashValue(x));
  return h;
}

function hashVector(vec: RVector): number {
  let h = 0x56454354;
  for (let i = 0; i < vec.count; i++) h = mixOrdered(h, hashValue(vec.get(i) as Value));
  return h;
}

function hashMap(m: RMap): number {
  let h = 0x4d415021;
  m.forEach((v, k) => {
    h = (h + (hashValue(k) ^ mixOrdered(17, hashValue(v)))) | 0;
  });
  return h;
}

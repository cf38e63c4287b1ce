/**
 * Character classes and small token classifiers of the fast reader (fast-reader.ts):
 * which codes start or continue an atom, where a `resource://` handle stops, and the
 * two common atoms it builds without full classification (small integers, plain
 * lowercase symbols).
 */
import { type Value, Sym } from '../data/index.js';

/** Character classes by code (ASCII). 1 = atom start, 2 = atom part only. */
const ATOM = new Uint8Array(128);
for (const c of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_$+-*/=<>!?%&.') {
  ATOM[c.charCodeAt(0)] = 1;
}
for (const c of "@#:'") ATOM[c.charCodeAt(0)] = 2;
export const LAMBDA = 0x3bb;
export const RESOURCE = 'resource://';
export const RESOURCE_STOP = new Set([...' \t\n\r\v\f,()[]{}";'].map((c) => c.charCodeAt(0)));

export function isAtomStart(c: number): boolean {
  return c < 128 ? ATOM[c] === 1 : c === LAMBDA;
}
export function isAtomPart(c: number): boolean {
  return c < 128 ? ATOM[c] !== 0 : c === LAMBDA;
}

/** A non-negative decimal integer of at most 15 digits, or undefined. */
export function smallInt(text: string, start: number, end: number): number | undefined {
  let n = 0;
  for (let p = start; p < end; p++) {
    const d = text.charCodeAt(p) - 48;
    if (d < 0 || d > 9) return undefined;
    n = n * 10 + d;
  }
  return n;
}

/**
 * A symbol made of lowercase letters, digits and `-` (the common case), or undefined
 * when the text needs full classification (nil/true/false, UUIDs, anything else).
 */
export function plainSymbol(text: string, start: number, end: number): Value | undefined {
  for (let p = start; p < end; p++) {
    const c = text.charCodeAt(p);
    if (!((c >= 97 && c <= 122) || c === 45 || (c >= 48 && c <= 57 && p > start))) return undefined;
  }
  const name = text.slice(start, end);
  if (name === 'nil' || name === 'true' || name === 'false' || end - start === 36) return undefined;
  return Sym.of(name);
}

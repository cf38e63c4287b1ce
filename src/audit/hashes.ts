/** SHA-256 helpers over canonical bytes (lower-case hex). */
import { createHash, hash } from 'node:crypto';
import type { RVector, Value } from '../data/index.js';
import { canonicalValue } from './canonical.js';
import { type Json, canonicalJson } from './jcs.js';

/** SHA-256 (hex) of a string's UTF-8 bytes or of raw bytes (one-shot `crypto.hash`). */
export function sha256Hex(data: string | Uint8Array): string {
  if (typeof data !== 'string') return createHash('sha256').update(data).digest('hex');
  flatten(data);
  return hash('sha256', data);
}

/**
 * Makes V8 flatten a string built by concatenation (a rope): `crypto.hash` is about
 * twice as fast on a flat string (measured: 1.4 vs 3.1 µs for a 650-byte record).
 */
export function flatten(s: string): void {
  if (s.length > 0) s.charCodeAt(0);
}

/** SHA-256 of the canonical tagged encoding of an RTFS value. */
export function valueHash(v: Value): string {
  return sha256Hex(canonicalValue(v));
}

/**
 * `valueHash(v)` of a vector (a catalog's content). Its text is remembered by identity
 * (canonical.ts), so storing the same vector in the chain later costs one copy
 * (docs/adr/0029-chain-big-values-once.md).
 */
export function vectorHash(v: RVector): string {
  return valueHash(v);
}

/** `args_hash`: the hash replay matches a call's input by. */
export const argsHash = valueHash;

/** SHA-256 of the RFC 8785 form of JSON data. */
export function jsonHash(x: Json): string {
  return sha256Hex(canonicalJson(x));
}

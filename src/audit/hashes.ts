/** SHA-256 helpers over canonical bytes (lower-case hex). */
import { createHash } from 'node:crypto';
import type { Value } from '../data/index.js';
import { canonicalValue } from './canonical.js';
import { type Json, canonicalJson } from './jcs.js';

export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** SHA-256 of the canonical tagged encoding of an RTFS value. */
export function valueHash(v: Value): string {
  return sha256Hex(canonicalValue(v));
}

/** `args_hash`: the hash replay matches a call's input by. */
export const argsHash = valueHash;

/** SHA-256 of the RFC 8785 form of JSON data. */
export function jsonHash(x: Json): string {
  return sha256Hex(canonicalJson(x));
}

/** Capability ids as `call` and `defcapability` take them (runtime/compile-node.ts). */
import type { Span } from '../source/index.js';
import { type Value, printValue } from '../data/index.js';
import { RtfsError, RuntimeCodes } from './errors.js';

/** A capability id from a string or keyword (`:ccos.kv/get` → `"ccos.kv/get"`). */
export function capabilityId(v: Value, span: Span | undefined): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'object' && v !== null && v.kind === 'keyword') return v.name;
  throw new RtfsError(
    RuntimeCodes.type,
    `a capability id must be a string or keyword, got ${printValue(v)}`,
    span,
  );
}

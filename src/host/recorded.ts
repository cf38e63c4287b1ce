/**
 * What the host does with capability results for replays in every run (ADR 0046: apart
 * from replay.ts, so a run that replays nothing, such as a compiled module's, does not
 * load the replay log, the chain's records or their hashes).
 */
import type { Value } from '../data/index.js';
import { canonicalValue } from '../audit/canonical.js';
import { decodeValue } from '../audit/decode.js';
import type { Json } from '../audit/jcs.js';
import type { Capability } from './capability.js';

/**
 * `v` as a replay reads it back from the log: map entries in canonical order. Results of
 * capabilities a replay answers from the log go through this in the live run too, so a
 * program that depends on a map's order (`str`, `keys`, `first`) computes the same thing
 * in both. Values the log cannot carry (functions) are left as they are.
 */
export function asRecorded(v: Value): Value {
  if (v === null || typeof v !== 'object') return v;
  try {
    return decodeValue(JSON.parse(canonicalValue(v)) as Json);
  } catch {
    return v;
  }
}

/** True for capabilities a replay re-executes: in-process and pure, or defined by the program. */
export function deterministic(c: Capability | undefined): boolean {
  return (
    c !== undefined &&
    c.external !== true &&
    (c.definedByProgram === true || c.effects.every((e) => e === 'pure'))
  );
}

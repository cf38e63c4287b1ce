/** Shape checks on parsed chain JSON, shared by the record decoder and the validator. */
import type { Json } from './jcs.js';

export type JsonObject = { [key: string]: Json };

export function isObject(x: Json | undefined): x is JsonObject {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** Member `k` of an action: a string, absent, or an error. */
export function optString(o: JsonObject, k: string): string | undefined {
  const v = o[k];
  if (v === undefined) return undefined;
  if (typeof v !== 'string') throw new Error(`action member ${k} is not a string`);
  return v;
}

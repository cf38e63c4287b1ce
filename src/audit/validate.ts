/**
 * Verification without materialising values (ADR 0028): {@link validateValue} makes the
 * checks of `decodeValue` (decode.ts) without building an RTFS value, and throws the
 * same `DecodeError` (decodeValue's own) for a value it rejects; {@link checkedAction} makes the checks of
 * `decodeAction` (record.ts), with the same messages in the same order, and returns the
 * action whose RTFS members (`args`, `result`, `meta`) are decoded on first read. The
 * checker verifies a chain with them: a 3 MB catalog stored in the chain is walked
 * once, not turned into ~100,000 RTFS values nobody reads.
 */
import { decodeValue } from './decode.js';
import type { Json } from './jcs.js';
import { type JsonObject as Obj, isObject } from './json-shape.js';
import {
  type ActionResult,
  type ChainAction,
  type MutableAction,
  decodeActionWith,
} from './record.js';

/** Whether `decodeValue` accepts `t`: its checks, without values, paths or messages. */
function decodable(t: Json): boolean {
  switch (typeof t) {
    case 'number':
      return Number.isSafeInteger(t);
    case 'string':
    case 'boolean':
      return true;
    case 'object':
      break;
    default:
      return false;
  }
  if (t === null) return true;
  if (Array.isArray(t)) return allDecodable(t);
  let tag: string | undefined;
  for (const k in t) {
    if (tag !== undefined) return false;
    tag = k;
  }
  if (tag === undefined) return false;
  const body = t[tag] as Json;
  switch (tag) {
    case '$kw':
    case '$sym':
    case '$ts':
    case '$uuid':
    case '$res':
      return typeof body === 'string';
    case '$list':
      return Array.isArray(body) && allDecodable(body);
    case '$map':
      if (!Array.isArray(body)) return false;
      // Indexed loops: this runs once per process, mostly before V8 optimises it, where
      // an iterator per collection costs more than the check itself.
      for (let i = 0; i < body.length; i++) {
        const e = body[i];
        if (
          !Array.isArray(e) ||
          e.length !== 2 ||
          !decodable(e[0] as Json) ||
          !decodable(e[1] as Json)
        )
          return false;
      }
      return true;
    case '$fn':
      return body === null || typeof body === 'string';
    case '$int':
    case '$f':
    case '$err':
      // Rare: decoding them is as cheap as checking them.
      return decodes(t);
    default:
      return false;
  }
}

function allDecodable(items: Json[]): boolean {
  for (let i = 0; i < items.length; i++) if (!decodable(items[i] as Json)) return false;
  return true;
}

function decodes(t: Json): boolean {
  try {
    decodeValue(t);
    return true;
  } catch {
    return false;
  }
}

/**
 * Throws what `decodeValue(t, path)` throws, and nothing when it would succeed: a walk
 * that builds nothing, and for a value it rejects, `decodeValue` itself (its message).
 */
export function validateValue(t: Json, path = ''): void {
  if (!decodable(t)) decodeValue(t, path);
}

/** Makes `decodeResult`'s checks (record.ts); the value is decoded on first read. */
function checkResult(r: Json): void {
  if (!isObject(r)) throw new Error('result is not an object');
  if (r.ok === true && r.value !== undefined) return validateValue(r.value);
  const e = r.error;
  if (r.ok === false && isObject(e) && typeof e.code === 'string' && typeof e.message === 'string')
    return;
  throw new Error('result is neither {ok:true,value} nor {ok:false,error:{code,message}}');
}

function resultOf(r: Obj): ActionResult {
  if (r.ok === true) return { ok: true, value: decodeValue(r.value as Json) };
  const e = r.error as Obj;
  return { ok: false, error: { code: e.code as string, message: e.message as string } };
}

type Mutable = MutableAction;

/** Defines `key` as decoded on first read (then a plain data member, in the same place). */
function lazy<K extends 'args' | 'result' | 'meta'>(
  out: Mutable,
  key: K,
  decode: () => Mutable[K],
): void {
  Object.defineProperty(out, key, {
    enumerable: true,
    configurable: true,
    get(this: Mutable) {
      const value = decode();
      Object.defineProperty(this, key, {
        value,
        enumerable: true,
        writable: true,
        configurable: true,
      });
      return value;
    },
  });
}

/**
 * `decodeAction(a)` (record.ts) with the same checks and errors, but `args`, `result` and
 * `meta` decoded when first read: an equal object, member for member, in the same order.
 * `raw` gives `args`/`meta` that scan-body.ts already checked on the bytes (then `a`
 * holds null for them); `checkedResult`, a result tree that passed these checks before.
 */
export function checkedAction(
  a: Json,
  raw: { readonly [K in 'args' | 'meta']?: () => Json } = {},
  checkedResult?: Json,
): ChainAction {
  return decodeActionWith(a, {
    args: (v, out) => member(out, 'args', v, raw.args),
    result: (v, out) => {
      if (v === undefined) return;
      // A result tree checked before (result-split.ts: the same bytes) is not walked again.
      if (v !== checkedResult) checkResult(v);
      lazy(out, 'result', () => resultOf(v as Obj));
    },
    meta: (v, out) => member(out, 'meta', v, raw.meta),
  });
}

/** `args` or `meta`: from the raw bytes scan-body.ts checked, else checked here. */
function member(
  out: Mutable,
  key: 'args' | 'meta',
  v: Json | undefined,
  raw: (() => Json) | undefined,
): void {
  if (raw !== undefined) lazy(out, key, () => decodeValue(raw(), key));
  else if (v !== undefined) {
    validateValue(v, key);
    lazy(out, key, () => decodeValue(v, key));
  }
}

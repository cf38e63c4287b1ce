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
import { type JsonObject as Obj, isObject, optString } from './json-shape.js';
import type { ActionResult, ChainAction } from './record.js';

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
      for (const e of body)
        if (
          !Array.isArray(e) ||
          e.length !== 2 ||
          !decodable(e[0] as Json) ||
          !decodable(e[1] as Json)
        )
          return false;
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
  for (const x of items) if (!decodable(x)) return false;
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

type Mutable = { -readonly [K in keyof ChainAction]: ChainAction[K] };

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
 * holds null for them).
 */
export function checkedAction(
  a: Json,
  raw: { readonly [K in 'args' | 'meta']?: () => Json } = {},
): ChainAction {
  if (!isObject(a)) throw new Error('action is not an object');
  const id = optString(a, 'id');
  const type = optString(a, 'type');
  if (id === undefined || type === undefined || typeof a.ts !== 'number')
    throw new Error('action lacks id, type or ts');
  const parent = a.parent ?? null;
  if (parent !== null && typeof parent !== 'string') throw new Error('parent is not a string');
  const out: Mutable = {
    id,
    type,
    ts: a.ts,
    parent,
    run: optString(a, 'run') ?? null,
    callPath: optString(a, 'call_path') ?? null,
  };
  const name = optString(a, 'name');
  if (name !== undefined) out.name = name;
  const args = a.args;
  const rawArgs = raw.args;
  if (rawArgs !== undefined) lazy(out, 'args', () => decodeValue(rawArgs(), 'args'));
  else if (args !== undefined) {
    validateValue(args, 'args');
    lazy(out, 'args', () => decodeValue(args, 'args'));
  }
  const argsHash = optString(a, 'args_hash');
  if (argsHash !== undefined) out.argsHash = argsHash;
  const result = a.result;
  if (result !== undefined) {
    checkResult(result);
    lazy(out, 'result', () => resultOf(result as Obj));
  }
  const resultHash = optString(a, 'result_hash');
  if (resultHash !== undefined) out.resultHash = resultHash;
  if (typeof a.duration_ms === 'number') out.durationMs = a.duration_ms;
  const meta = a.meta;
  const rawMeta = raw.meta;
  if (rawMeta !== undefined) lazy(out, 'meta', () => decodeValue(rawMeta(), 'meta'));
  else if (meta !== undefined) {
    validateValue(meta, 'meta');
    lazy(out, 'meta', () => decodeValue(meta, 'meta'));
  }
  if (isObject(a.data)) out.data = a.data;
  return out;
}

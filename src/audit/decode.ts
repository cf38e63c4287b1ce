/**
 * The exact inverse of `encodeValue` (canonical.ts): tagged JSON data back to RTFS
 * values. It is strict: anything the encoder would not produce (a bare non-integer
 * number, `{"$int":"5"}`, a float `-0` as a number, an object that is not exactly one
 * known tag) is a {@link DecodeError}, so decode → encode is byte-identical.
 */
import {
  type RFn,
  type Value,
  Keyword,
  Sym,
  RFloat,
  RList,
  RVector,
  RMap,
  Timestamp,
  Uuid,
  ResourceHandle,
  RErrorValue,
  MIN_I64,
  MAX_I64,
} from '../data/index.js';
import type { Json } from './jcs.js';

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/** A function value read back from the log: it has a name but cannot be called. */
export class RecordedFn implements RFn {
  readonly kind = 'fn' as const;
  constructor(readonly name: string | undefined) {}
}

/** Malformed or non-canonical tagged data. */
export class DecodeError extends Error {
  constructor(
    message: string,
    readonly path: string,
  ) {
    super(`${message} at ${path || '$'}`);
    this.name = 'DecodeError';
  }
}

const INT_TEXT = /^-?[1-9][0-9]*$/;

function decodeFloat(t: Json, path: string): RFloat {
  if (typeof t === 'number') {
    if (Object.is(t, -0)) throw new DecodeError('non-canonical float -0 (use "-0")', path);
    return new RFloat(t);
  }
  switch (t) {
    case 'NaN':
      return new RFloat(NaN);
    case 'Infinity':
      return new RFloat(Infinity);
    case '-Infinity':
      return new RFloat(-Infinity);
    case '-0':
      return new RFloat(-0);
    default:
      throw new DecodeError(`bad $f ${JSON.stringify(t)}`, path);
  }
}

function decodeInt(t: Json, path: string): bigint {
  if (typeof t !== 'string' || !INT_TEXT.test(t)) throw new DecodeError('bad $int', path);
  const n = BigInt(t);
  if (n >= -MAX_SAFE && n <= MAX_SAFE)
    throw new DecodeError('non-canonical $int (a safe integer is a JSON number)', path);
  if (n < MIN_I64 || n > MAX_I64) throw new DecodeError('$int outside 64 bits', path);
  return n;
}

function text(t: Json, tag: string, path: string): string {
  if (typeof t !== 'string') throw new DecodeError(`${tag} needs a string`, path);
  return t;
}

function array(t: Json, tag: string, path: string): Json[] {
  if (!Array.isArray(t)) throw new DecodeError(`${tag} needs an array`, path);
  return t;
}

/** Thrown by {@link fastValue} for anything it does not decode: the caller decodes again. */
const BAIL: unique symbol = Symbol('bail');

/**
 * The RTFS value of tagged JSON data (the exact inverse of {@link encodeValue}). Decoded
 * first without paths (no text per element); data it rejects is decoded again with
 * them, which throws the {@link DecodeError} with the place of the fault.
 */
export function decodeValue(t: Json, path = ''): Value {
  try {
    return fastValue(t);
  } catch {
    // BAIL, or anything else (a stack overflow): decodeAt decides, as it always did.
  }
  return decodeAt(t, path);
}

/**
 * {@link decodeAt}'s value for data it accepts; for anything else throws BAIL (or what
 * it would throw itself, e.g. a stack overflow): no paths, no messages.
 */
function fastValue(t: Json): Value {
  switch (typeof t) {
    case 'number':
      if (!Number.isSafeInteger(t)) throw BAIL;
      return t === 0 ? 0 : t;
    case 'string':
    case 'boolean':
      return t;
    case 'object':
      break;
    default:
      throw BAIL;
  }
  if (t === null) return null;
  if (Array.isArray(t)) return RVector.from(fastItems(t));
  let tag: string | undefined;
  for (const key in t) {
    if (tag !== undefined) throw BAIL;
    tag = key;
  }
  if (tag === undefined) throw BAIL;
  const body = t[tag] as Json;
  switch (tag) {
    case '$kw':
      if (typeof body !== 'string') throw BAIL;
      return Keyword.of(body);
    case '$map': {
      if (!Array.isArray(body)) throw BAIL;
      const flat: Value[] = [];
      for (let i = 0; i < body.length; i++) {
        const pair = body[i];
        if (!Array.isArray(pair) || pair.length !== 2) throw BAIL;
        flat.push(fastValue(pair[0] as Json), fastValue(pair[1] as Json));
      }
      return RMap.fromFlat(flat);
    }
    case '$list':
      if (!Array.isArray(body)) throw BAIL;
      return new RList(fastItems(body));
    case '$sym':
      if (typeof body !== 'string') throw BAIL;
      return Sym.of(body);
    default:
      // The rare tags (and unknown ones): decoded with paths, which is as cheap (a
      // DecodeError here names a path from this value: the caller decodes again).
      return decodeAt(t, '');
  }
}

function fastItems(items: Json[]): Value[] {
  const out: Value[] = [];
  for (let i = 0; i < items.length; i++) out.push(fastValue(items[i] as Json));
  return out;
}

/**
 * {@link decodeValue} with the path of every element (for its error messages); exported
 * for the tests, which compare the two.
 */
export function decodeAt(t: Json, path: string): Value {
  switch (typeof t) {
    case 'number':
      if (!Number.isSafeInteger(t))
        throw new DecodeError(`bare number ${t} is not an integer`, path);
      return t === 0 ? 0 : t;
    case 'string':
    case 'boolean':
      return t;
    case 'object':
      break;
    default:
      throw new DecodeError(`not JSON data (${typeof t})`, path);
  }
  if (t === null) return null;
  if (Array.isArray(t)) return RVector.from(t.map((x, i) => decodeAt(x, `${path}[${i}]`)));
  const keys = Object.keys(t);
  const tag = keys[0];
  if (keys.length !== 1 || tag === undefined)
    throw new DecodeError('a tagged value has exactly one member', path);
  const body = t[tag] as Json;
  const at = `${path}.${tag}`;
  switch (tag) {
    case '$int':
      return decodeInt(body, at);
    case '$f':
      return decodeFloat(body, at);
    case '$kw':
      return Keyword.of(text(body, tag, at));
    case '$sym':
      return Sym.of(text(body, tag, at));
    case '$ts':
      return new Timestamp(text(body, tag, at));
    case '$uuid':
      return new Uuid(text(body, tag, at));
    case '$res':
      return new ResourceHandle(text(body, tag, at));
    case '$list':
      return new RList(array(body, tag, at).map((x, i) => decodeAt(x, `${at}[${i}]`)));
    case '$map': {
      const flat: Value[] = [];
      array(body, tag, at).forEach((e, i) => {
        const pair = array(e, 'a $map entry', `${at}[${i}]`);
        if (pair.length !== 2) throw new DecodeError('a $map entry is [key, value]', `${at}[${i}]`);
        flat.push(decodeAt(pair[0] as Json, `${at}[${i}][0]`));
        flat.push(decodeAt(pair[1] as Json, `${at}[${i}][1]`));
      });
      return RMap.fromFlat(flat);
    }
    case '$fn':
      if (body !== null && typeof body !== 'string') throw new DecodeError('bad $fn', at);
      return new RecordedFn(body ?? undefined);
    case '$err': {
      if (typeof body !== 'object' || body === null || Array.isArray(body))
        throw new DecodeError('$err needs an object', at);
      const { code, message, data } = body;
      if (Object.keys(body).length !== 3 || data === undefined)
        throw new DecodeError('$err has exactly code, data and message', at);
      return new RErrorValue(
        text(message ?? null, '$err.message', at),
        Keyword.of(text(code ?? null, '$err.code', at)),
        decodeAt(data, `${at}.data`),
      );
    }
    default:
      throw new DecodeError(`unknown tag ${JSON.stringify(tag)}`, path);
  }
}

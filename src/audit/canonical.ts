/**
 * The lossless, tagged JSON form of RTFS values (format `rtfs-cc/1`), and its exact
 * inverse. Every RTFS value maps to JSON data that no other value maps to:
 *
 * | RTFS                    | tagged JSON                                         |
 * | ----------------------- | --------------------------------------------------- |
 * | nil, true/false, string | `null`, `true`/`false`, `"…"`                        |
 * | integer, safe (≤ 2^53−1) | a JSON number: `42`                                 |
 * | integer, beyond         | `{"$int":"9223372036854775807"}`                    |
 * | float                   | `{"$f":1}` (1.0), `{"$f":"NaN"}`, `"Infinity"`, `"-Infinity"`, `"-0"` |
 * | keyword / symbol        | `{"$kw":"ns/name"}` / `{"$sym":"name"}`             |
 * | vector / list           | `[…]` / `{"$list":[…]}`                             |
 * | map                     | `{"$map":[[k,v],…]}`, entries sorted by the canonical bytes of k |
 * | timestamp/uuid/resource | `{"$ts":"…"}` / `{"$uuid":"…"}` / `{"$res":"…"}`    |
 * | function                | `{"$fn":"name"}` (`null` when anonymous)            |
 * | error value             | `{"$err":{"code":"ns/name","data":…,"message":"…"}}` |
 *
 * A bare JSON number is therefore always an integer and a float is always tagged, so
 * `1 ≠ 1.0`; maps are always `$map`, so map insertion order never changes the bytes.
 * Metadata and source spans are not part of a value and are not encoded. Functions
 * cannot be serialised: they decode to a `RecordedFn` placeholder (decode.ts).
 */
import { type RMap, type Value, MIN_I64, MAX_I64 } from '../data/index.js';
import { type Json, canonicalJson, compareCodePoints, quote } from './jcs.js';

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

function floatTag(x: number): Json {
  if (Number.isNaN(x)) return 'NaN';
  if (x === Infinity) return 'Infinity';
  if (x === -Infinity) return '-Infinity';
  if (Object.is(x, -0)) return '-0';
  return x;
}

function bigintTag(n: bigint): Json {
  if (n < MIN_I64 || n > MAX_I64) throw new RangeError(`integer ${n} is outside 64 bits`);
  return n >= -MAX_SAFE && n <= MAX_SAFE ? Number(n) : { $int: n.toString() };
}

/** The tagged JSON form of `v` (see the module comment). */
export function encodeValue(v: Value): Json {
  return encode(v, true);
}

/**
 * The tagged JSON form of `v` with every map's entries in insertion order: not
 * canonical (it hashes nothing), but `decodeValue` reads it back with the same order
 * (the catalog cache keeps catalogs exactly as read, ADR 0060).
 */
export function encodeValueInOrder(v: Value): Json {
  return encode(v, false);
}

function encode(v: Value, sorted: boolean): Json {
  switch (typeof v) {
    case 'number':
      if (Number.isSafeInteger(v)) return v === 0 ? 0 : v;
      // Not a canonical RTFS integer: keep what it is rather than lose it.
      return Number.isInteger(v) ? bigintTag(BigInt(v)) : { $f: floatTag(v) };
    case 'bigint':
      return bigintTag(v);
    case 'string':
    case 'boolean':
      return v;
    case 'object':
      if (v === null) return null;
      switch (v.kind) {
        case 'float':
          return { $f: floatTag(v.value) };
        case 'keyword':
          return { $kw: v.name };
        case 'symbol':
          return { $sym: v.name };
        case 'timestamp':
          return { $ts: v.text };
        case 'uuid':
          return { $uuid: v.text };
        case 'resource':
          return { $res: v.text };
        case 'list':
          return { $list: v.items.map((x) => encode(x, sorted)) };
        case 'vector': {
          const out: Json[] = new Array<Json>(v.count);
          for (let i = 0; i < v.count; i++) out[i] = encode(v.get(i) as Value, sorted);
          return out;
        }
        case 'map': {
          if (!sorted) {
            const pairs: Json[] = [];
            v.forEach((val, k) => pairs.push([encode(k, false), encode(val, false)]));
            return { $map: pairs };
          }
          const entries: [string, string, Json[]][] = [];
          v.forEach((val, k) => {
            const ek = encode(k, true);
            const ev = encode(val, true);
            entries.push([canonicalJson(ek), canonicalJson(ev), [ek, ev]]);
          });
          entries.sort(compareEntries);
          return { $map: entries.map((e) => e[2]) };
        }
        case 'fn':
          return { $fn: v.name ?? null };
        case 'error':
          return { $err: { code: v.code.name, data: encode(v.data, sorted), message: v.message } };
      }
      break;
    default:
      break;
  }
  throw new TypeError(`encodeValue: not an RTFS value (${typeof v})`);
}

function compareEntries(
  a: readonly [string, string, ...unknown[]],
  b: readonly [string, string, ...unknown[]],
): number {
  return compareCodePoints(a[0], b[0]) || compareCodePoints(a[1], b[1]);
}

/**
 * `canonicalJson(encodeValue(v))`, computed directly (no intermediate objects):
 * the bytes that `args_hash`/`result_hash` and the chain hash cover.
 */
export function canonicalValue(v: Value): string {
  switch (typeof v) {
    case 'number':
      if (Number.isSafeInteger(v)) return v === 0 ? '0' : String(v);
      return canonicalJson(encodeValue(v));
    case 'bigint':
      return canonicalJson(bigintTag(v));
    case 'string':
      return quote(v);
    case 'boolean':
      return v ? 'true' : 'false';
    case 'object':
      if (v === null) return 'null';
      switch (v.kind) {
        case 'float': {
          const t = floatTag(v.value);
          return typeof t === 'number' ? `{"$f":${JSON.stringify(t)}}` : `{"$f":"${t as string}"}`;
        }
        case 'keyword':
          return keywordText(v.name);
        case 'symbol':
          return `{"$sym":${quote(v.name)}}`;
        case 'timestamp':
          return `{"$ts":${quote(v.text)}}`;
        case 'uuid':
          return `{"$uuid":${quote(v.text)}}`;
        case 'resource':
          return `{"$res":${quote(v.text)}}`;
        case 'list':
        case 'vector':
        case 'map':
          return canonicalCollection(v);
        case 'fn':
          return `{"$fn":${v.name === undefined ? 'null' : quote(v.name)}}`;
        case 'error':
          return (
            `{"$err":{"code":${quote(v.code.name)},"data":${canonicalValue(v.data)},` +
            `"message":${quote(v.message)}}}`
          );
      }
      break;
    default:
      break;
  }
  throw new TypeError(`canonicalValue: not an RTFS value (${typeof v})`);
}

/** Canonical texts of keywords by name (bounded): a plan's values repeat a few keys. */
const keywordTexts = new Map<string, string>();
const KEYWORD_TEXTS = 10_000;

/** `{"$kw":"name"}`, made once per name: a flat string, compared and copied many times. */
function keywordText(name: string): string {
  let s = keywordTexts.get(name);
  if (s === undefined) {
    s = `{"$kw":${quote(name)}}`;
    s.charCodeAt(0); // flattens it (it is kept)
    if (keywordTexts.size < KEYWORD_TEXTS) keywordTexts.set(name, s);
  }
  return s;
}

/**
 * Canonical texts of big collections, by identity (docs/adr/0029-chain-big-values-once.md).
 * RTFS values are immutable, so a value recorded again — a planner menu in a call's
 * result and in its step's result, a catalog hashed for its snapshot and then stored
 * in the chain — is encoded once. (Collections changed in place — an owned `conj`, a
 * reduce's owned accumulator — are seen by no other code while they change.)
 */
const texts = new WeakMap<object, string>();
/** Texts at least this long are remembered (a capability of a catalog: ≈ 700). */
const REMEMBER = 512;

/**
 * Remembers `text` as the canonical text of `v`, which the caller knows it is (a
 * catalog cache's content, ADR 0060, verified by its hash before this is called).
 */
export function rememberText(v: Collection, text: string): void {
  text.charCodeAt(0);
  texts.set(v, text);
}

/** The remembered canonical text of a collection, if it was encoded and is big. */
export function knownText(v: object): string | undefined {
  return texts.get(v);
}

type Collection = Extract<Value, { kind: 'list' | 'vector' | 'map' }>;

function canonicalCollection(v: Collection): string {
  let s = texts.get(v);
  if (s !== undefined) return s;
  switch (v.kind) {
    case 'list':
      s = `{"$list":${canonicalItems(v.items, v.items.length)}}`;
      break;
    case 'vector':
      s = canonicalItems(v.toArray(), v.count);
      break;
    case 'map':
      s = canonicalMap(v);
      break;
  }
  if (s.length >= REMEMBER) {
    s.charCodeAt(0); // flattens the rope once: it is kept, and read whole each time
    texts.set(v, s);
  }
  return s;
}

function canonicalMap(m: RMap): string {
  const n = m.size;
  if (n === 0) return '{"$map":[]}';
  const ks: string[] = new Array<string>(n);
  const vs: string[] = new Array<string>(n);
  let j = 0;
  m.forEach((val, k) => {
    ks[j] = canonicalValue(k);
    vs[j++] = canonicalValue(val);
  });
  let order: number[];
  if (n <= 32) {
    // Insertion sort: maps in plans are small, and often already in order.
    order = [0];
    for (let i = 1; i < n; i++) {
      let p = i;
      while (p > 0 && compareEntry(ks, vs, order[p - 1] as number, i) > 0) p--;
      order.splice(p, 0, i);
    }
  } else {
    order = Array.from({ length: n }, (_, i) => i).sort((x, y) => compareEntry(ks, vs, x, y));
  }
  let s = '{"$map":[';
  for (let i = 0; i < n; i++) {
    const e = order[i] as number;
    s += (i > 0 ? ',[' : '[') + (ks[e] as string) + ',' + (vs[e] as string) + ']';
  }
  return s + ']}';
}

function compareEntry(ks: readonly string[], vs: readonly string[], x: number, y: number): number {
  return (
    compareCodePoints(ks[x] as string, ks[y] as string) ||
    compareCodePoints(vs[x] as string, vs[y] as string)
  );
}

function canonicalItems(items: readonly Value[], n: number): string {
  let s = '[';
  for (let i = 0; i < n; i++) {
    if (i > 0) s += ',';
    s += canonicalValue(items[i] as Value);
  }
  return s + ']';
}

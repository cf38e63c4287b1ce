/**
 * The stored action body (`a`) and the line envelope.
 *
 * Line: `{"seq":N,"prev":"<64 hex>","hash":"<64 hex>","a":<canonical body>}\n`, with
 * `hash = SHA-256("rtfs-causal-chain/v1\n" ‖ decimal(seq) ‖ "\n" ‖ prev ‖ "\n" ‖ a)`
 * over the UTF-8 bytes of `a`, which is RFC 8785 canonical JSON. The first record
 * (seq 0, prev = 64 zeros) is a `ChainOpened` carrying a random 128-bit `chain_id`.
 */
import { createHash, hash } from 'node:crypto';
import type { Value } from '../data/index.js';
import type { ActionInput, ActionType } from '../runtime/audit-sink.js';
import { canonicalValue } from './canonical.js';
import { decodeValue } from './decode.js';
import { type Json, canonicalJson, quote } from './jcs.js';
import { flatten, sha256Hex } from './hashes.js';
import { isObject, optString } from './json-shape.js';

export const FORMAT = 'rtfs-cc/1';
export const DOMAIN = 'rtfs-causal-chain/v1\n';
export const ZERO_HASH = '0'.repeat(64);

/** Record types the log itself writes (they carry `data` instead of run fields). */
export type HousekeepingType =
  'ChainOpened' | 'Checkpoint' | 'RecoveryTruncated' | 'RecoveryHeadRebuilt';
export type StoredType = ActionType | HousekeepingType;
export const HOUSEKEEPING: ReadonlySet<string> = new Set<HousekeepingType>([
  'ChainOpened',
  'Checkpoint',
  'RecoveryTruncated',
  'RecoveryHeadRebuilt',
]);

export type ActionResult = NonNullable<ActionInput['result']>;

/** A stored action, decoded (RTFS values are values again). */
export interface ChainAction {
  readonly id: string;
  /** An {@link StoredType}; other strings are kept (forward compatibility). */
  readonly type: StoredType | (string & Record<never, never>);
  /** Wall-clock epoch ms at append (informational: `seq` is the order). */
  readonly ts: number;
  /** null for a run's PlanStarted and for housekeeping records. */
  readonly parent: string | null;
  /** null for housekeeping records. */
  readonly run: string | null;
  readonly callPath: string | null;
  readonly name?: string;
  readonly args?: Value;
  readonly argsHash?: string;
  readonly result?: ActionResult;
  readonly resultHash?: string;
  readonly durationMs?: number;
  readonly meta?: Value;
  /** Housekeeping payload (plain JSON). */
  readonly data?: { readonly [key: string]: Json };
}

/** One line of the log. */
export interface ChainRecord {
  readonly seq: number;
  readonly prev: string;
  readonly hash: string;
  readonly action: ChainAction;
}

/** The canonical JSON of a result: `{"ok":true,"value":…}` or `{"error":{…},"ok":false}`. */
export function canonicalResult(r: ActionResult): string {
  return r.ok
    ? `{"ok":true,"value":${canonicalValue(r.value)}}`
    : canonicalJson({ error: { code: r.error.code, message: r.error.message }, ok: false });
}

const str = quote;
/** A finite number as JSON (`String` writes what `JSON.stringify` does). */
const num = (x: number): string => String(x);

/**
 * The canonical body of a host action (members in RFC 8785 order, built directly).
 * `args_hash`/`result_hash` are computed when the action carries args/result and
 * does not bring its own hash.
 */
export function actionBody(a: ActionInput, ts: number): string {
  let s = '{';
  if (a.args !== undefined) {
    const args = canonicalValue(a.args);
    s += `"args":${args},"args_hash":${str(a.argsHash ?? valueTextHash(args))},`;
  } else if (a.argsHash !== undefined) s += `"args_hash":${str(a.argsHash)},`;
  s += `"call_path":${str(a.callPath)},`;
  if (a.durationMs !== undefined && Number.isFinite(a.durationMs))
    s += `"duration_ms":${num(a.durationMs)},`;
  s += `"id":${str(a.id)},`;
  if (a.meta !== undefined) s += `"meta":${canonicalMeta(a.meta)},`;
  if (a.name !== undefined) s += `"name":${str(a.name)},`;
  s += `"parent":${a.parent === null ? 'null' : str(a.parent)},`;
  if (a.result !== undefined) {
    const r = canonicalResult(a.result);
    s += `"result":${r},"result_hash":${str(a.resultHash ?? valueTextHash(r))},`;
  } else if (a.resultHash !== undefined) s += `"result_hash":${str(a.resultHash)},`;
  return s + `"run":${str(a.run)},"ts":${tsText(ts)},"type":${str(a.type)}}`;
}

let lastTs = NaN;
let lastTsText = 'NaN';

/** `String(ts)`, remembered: records made in the same millisecond share it (≈ 0.2 µs each). */
function tsText(ts: number): string {
  if (ts !== lastTs) {
    lastTs = ts;
    lastTsText = num(ts);
  }
  return lastTsText;
}

/**
 * Canonical text of meta maps already encoded: RTFS values are immutable, and the host
 * gives every call of a capability the same meta map (its policy decision and effects).
 */
const metaTexts = new WeakMap<object, string>();

export function canonicalMeta(meta: Value): string {
  if (typeof meta !== 'object' || meta === null) return canonicalValue(meta);
  let text = metaTexts.get(meta);
  if (text === undefined) metaTexts.set(meta, (text = canonicalValue(meta)));
  return text;
}

/** Hashes of short canonical texts seen lately (`{"ok":true,"value":true}`, small args). */
const shortHashes = new Map<string, string>();
const SHORT_TEXT = 96;
const SHORT_HASHES = 512;

/** `sha256Hex(text)`, remembered for short texts: many calls return the same small value. */
export function valueTextHash(text: string): string {
  if (text.length > SHORT_TEXT) return sha256Hex(text);
  let h = shortHashes.get(text);
  if (h === undefined) {
    if (shortHashes.size >= SHORT_HASHES) shortHashes.clear();
    shortHashes.set(text, (h = sha256Hex(text)));
  }
  return h;
}

/** The canonical body of a housekeeping record. */
export function housekeepingBody(
  type: HousekeepingType,
  id: string,
  ts: number,
  data: { [key: string]: Json },
): string {
  return canonicalJson({ data, id, ts, type });
}

/** The chain hash of a record (hex), over the UTF-8 bytes of `a` (or its raw bytes). */
export function chainHash(seq: number, prev: string, a: string | Uint8Array): string {
  const head = `${DOMAIN}${seq}\n${prev}\n`;
  if (typeof a === 'string') {
    const input = head + a;
    flatten(input);
    return hash('sha256', input);
  }
  return createHash('sha256').update(head).update(a).digest('hex');
}

/** The full line (with its trailing newline). */
export function formatLine(seq: number, prev: string, hash: string, a: string): string {
  return `{"seq":${seq},"prev":"${prev}","hash":"${hash}","a":${a}}\n`;
}

function decodeResult(r: Json): ActionResult {
  if (!isObject(r)) throw new Error('result is not an object');
  if (r.ok === true && r.value !== undefined) return { ok: true, value: decodeValue(r.value) };
  const e = r.error;
  if (r.ok === false && isObject(e) && typeof e.code === 'string' && typeof e.message === 'string')
    return { ok: false, error: { code: e.code, message: e.message } };
  throw new Error('result is neither {ok:true,value} nor {ok:false,error:{code,message}}');
}

/** Decodes a parsed body `a` (throws on a malformed one). */
export function decodeAction(a: Json): ChainAction {
  return decodeActionWith(a, {
    args: (v, out) => {
      if (v !== undefined) out.args = decodeValue(v, 'args');
    },
    result: (v, out) => {
      if (v !== undefined) out.result = decodeResult(v);
    },
    meta: (v, out) => {
      if (v !== undefined) out.meta = decodeValue(v, 'meta');
    },
  });
}

/** An action being decoded. */
export type MutableAction = { -readonly [K in keyof ChainAction]: ChainAction[K] };

/**
 * How an action's RTFS members are decoded (eagerly here, on first read in
 * validate.ts); each is called, in this order, with the member (undefined when absent).
 */
export interface MemberDecoders {
  readonly args: (v: Json | undefined, out: MutableAction) => void;
  readonly result: (v: Json | undefined, out: MutableAction) => void;
  readonly meta: (v: Json | undefined, out: MutableAction) => void;
}

/** The checks of every action member, in one order (its error messages depend on it). */
export function decodeActionWith(a: Json, d: MemberDecoders): ChainAction {
  if (!isObject(a)) throw new Error('action is not an object');
  const id = optString(a, 'id');
  const type = optString(a, 'type');
  if (id === undefined || type === undefined || typeof a.ts !== 'number')
    throw new Error('action lacks id, type or ts');
  const parent = a.parent ?? null;
  if (parent !== null && typeof parent !== 'string') throw new Error('parent is not a string');
  const out: MutableAction = {
    id,
    type,
    ts: a.ts,
    parent,
    run: optString(a, 'run') ?? null,
    callPath: optString(a, 'call_path') ?? null,
  };
  const name = optString(a, 'name');
  if (name !== undefined) out.name = name;
  d.args(a.args, out);
  const argsHash = optString(a, 'args_hash');
  if (argsHash !== undefined) out.argsHash = argsHash;
  d.result(a.result, out);
  const resultHash = optString(a, 'result_hash');
  if (resultHash !== undefined) out.resultHash = resultHash;
  if (typeof a.duration_ms === 'number') out.durationMs = a.duration_ms;
  d.meta(a.meta, out);
  if (isObject(a.data)) out.data = a.data;
  return out;
}

/** Parses a full line (envelope and body) into a record. */
export function parseLine(line: string): ChainRecord {
  const o = JSON.parse(line) as Json;
  if (!isObject(o) || typeof o.seq !== 'number' || typeof o.prev !== 'string')
    throw new Error('not a chain line');
  if (typeof o.hash !== 'string' || o.a === undefined) throw new Error('not a chain line');
  return { seq: o.seq, prev: o.prev, hash: o.hash, action: decodeAction(o.a) };
}

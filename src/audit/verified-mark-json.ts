/** The JSON form of a `VERIFIED` mark (verified-mark.ts), read back field by field. */
import type { Json } from './jcs.js';
import type { Place, ScanPoint } from './scan-point.js';
import type { CheckerState } from './checker.js';

export const MARK_FORMAT = 'rtfs-chain-verified/1';

/** A segment's identity when the mark was written. */
export interface SegmentId {
  readonly name: string;
  readonly size: number;
  readonly dev: string;
  readonly ino: string;
  readonly mtimeNs: string;
  readonly ctimeNs: string;
}

/** What the mark says (its signature aside). */
export interface MarkBody {
  readonly point: ScanPoint;
  readonly content: readonly string[];
  readonly segments: readonly SegmentId[];
  /** The key that signed the mark, when one did. */
  readonly keyId: string | undefined;
}

type Obj = { readonly [k: string]: Json };
const isObj = (x: Json | undefined): x is Obj =>
  typeof x === 'object' && x !== null && !Array.isArray(x);
const isInt = (x: Json | undefined): x is number =>
  typeof x === 'number' && Number.isSafeInteger(x);
const isStr = (x: Json | undefined): x is string => typeof x === 'string';
const intOrNull = (x: Json | undefined): x is number | null => x === null || isInt(x);
const strOrNull = (x: Json | undefined): x is string | null => x === null || isStr(x);

/** The mark as JSON (canonicalised by the caller); `sig` is left out when undefined. */
export function markToJson(body: MarkBody, sig?: string): Json {
  const p = body.point;
  const s = p.state;
  const u = p.firstUnsigned;
  return {
    content: [...body.content],
    format: MARK_FORMAT,
    key_id: body.keyId ?? null,
    point: {
      count: p.count,
      first_unsigned:
        u === undefined
          ? null
          : {
              line: u.line,
              offset: u.offset,
              segment: u.segment,
              seq: u.seq,
              type: u.type ?? null,
            },
      last_line_at: p.lastLineAt,
      line: p.line,
      offset: p.offset,
      segment: p.segment,
      state: {
        chain_id: s.chainId,
        checkpoints: s.checkpoints,
        hash: s.hash,
        last_checkpoint_seq: s.lastCheckpointSeq,
        last_type: s.lastType,
        seq: s.seq,
        signed_through: s.signedThrough,
      },
    },
    segments: body.segments.map((id) => ({
      ctime_ns: id.ctimeNs,
      dev: id.dev,
      ino: id.ino,
      mtime_ns: id.mtimeNs,
      name: id.name,
      size: id.size,
    })),
    ...(sig === undefined ? {} : { sig }),
  };
}

function placeOf(u: Json | undefined): Place | undefined | 'bad' {
  if (u === null) return undefined;
  if (!isObj(u) || !isStr(u.segment) || !isInt(u.line) || !isInt(u.offset) || !isInt(u.seq))
    return 'bad';
  if (!strOrNull(u.type)) return 'bad';
  return {
    segment: u.segment,
    line: u.line,
    offset: u.offset,
    seq: u.seq,
    type: u.type ?? undefined,
  };
}

function stateOf(s: Json | undefined): CheckerState | undefined {
  if (!isObj(s) || !isInt(s.seq) || !isStr(s.hash) || !/^[0-9a-f]{64}$/.test(s.hash))
    return undefined;
  if (!strOrNull(s.chain_id) || !isInt(s.checkpoints) || !strOrNull(s.last_type)) return undefined;
  if (!intOrNull(s.signed_through) || !intOrNull(s.last_checkpoint_seq)) return undefined;
  return {
    seq: s.seq,
    hash: s.hash,
    chainId: s.chain_id,
    checkpoints: s.checkpoints,
    signedThrough: s.signed_through,
    lastCheckpointSeq: s.last_checkpoint_seq,
    lastType: s.last_type,
  };
}

function segmentOf(x: Json): SegmentId | undefined {
  if (!isObj(x) || !isStr(x.name) || !isInt(x.size)) return undefined;
  const { dev, ino, mtime_ns: m, ctime_ns: c } = x;
  if (!isStr(dev) || !isStr(ino) || !isStr(m) || !isStr(c)) return undefined;
  return { name: x.name, size: x.size, dev, ino, mtimeNs: m, ctimeNs: c };
}

/** The mark in `json`, or undefined when it is not one. */
export function markFromJson(
  json: Json,
): { readonly body: MarkBody; readonly sig: string | undefined } | undefined {
  if (!isObj(json) || json.format !== MARK_FORMAT) return undefined;
  const { point: p, content, segments, key_id: keyId, sig } = json;
  if (!isObj(p) || !Array.isArray(content) || !Array.isArray(segments)) return undefined;
  if (!strOrNull(keyId) || (sig !== undefined && !isStr(sig))) return undefined;
  if (!isStr(p.segment) || !isInt(p.offset) || !isInt(p.last_line_at)) return undefined;
  if (!isInt(p.line) || !isInt(p.count)) return undefined;
  const state = stateOf(p.state);
  const firstUnsigned = placeOf(p.first_unsigned);
  if (state === undefined || firstUnsigned === 'bad') return undefined;
  const names = content.filter(isStr);
  const ids = segments.map(segmentOf);
  if (names.length !== content.length) return undefined;
  const good = ids.filter((id): id is SegmentId => id !== undefined);
  if (good.length !== ids.length) return undefined;
  return {
    body: {
      point: {
        segment: p.segment,
        offset: p.offset,
        lastLineAt: p.last_line_at,
        line: p.line,
        count: p.count,
        state,
        firstUnsigned,
      },
      content: names,
      segments: good,
      keyId: keyId ?? undefined,
    },
    sig,
  };
}

/**
 * `VERIFIED`: the writer's note of how far the log is verified (docs/adr/0032), so
 * that opening a chain costs O(what was appended since), not O(history). Written at
 * close, under the lock, after everything is fsynced and HEAD is written; it holds a
 * {@link ScanPoint} (the checker state at the end of the log), the names of the
 * content the log stores, and the identity of every segment (size, device, inode,
 * mtime and ctime in ns). With a signing key it is signed by that key.
 *
 * A mark is used only when it still describes the log exactly: same segments with the
 * same identity (any write or edit changes ctime, which no user can set back), HEAD
 * naming the mark's record, the mark's last line still hashing to that record, and,
 * when the opener has a signing key, a valid signature by it. Anything else (no mark,
 * an old chain, a crash mid-run, an edited log or mark) means the whole log is
 * verified, as before. The mark is a cache: `verify` never reads it.
 */
import type { KeyObject } from 'node:crypto';
import { createPublicKey, sign, verify } from 'node:crypto';
import {
  closeSync,
  openSync,
  readFileSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { type Json, canonicalJson } from './jcs.js';
import type { ChainHead } from './head.js';
import { type ScanPoint, pointHolds } from './scan-point.js';
import { keyId } from './signing.js';
import { markToJson, markFromJson, type MarkBody, type SegmentId } from './verified-mark-json.js';

export const VERIFIED_FILE = 'VERIFIED';
export const MARK_TMP = /^VERIFIED\.\d+\.tmp$/;

export interface VerifiedMark {
  readonly point: ScanPoint;
  /** Names of the ContentStored records of the log. */
  readonly content: readonly string[];
}

function identity(dir: string, name: string): SegmentId | undefined {
  try {
    const s = statSync(join(dir, name), { bigint: true });
    return {
      name,
      size: Number(s.size),
      dev: String(s.dev),
      ino: String(s.ino),
      mtimeNs: String(s.mtimeNs),
      ctimeNs: String(s.ctimeNs),
    };
  } catch {
    return undefined;
  }
}

const sameId = (a: SegmentId, b: SegmentId | undefined): boolean =>
  b !== undefined &&
  a.name === b.name &&
  a.size === b.size &&
  a.dev === b.dev &&
  a.ino === b.ino &&
  a.mtimeNs === b.mtimeNs &&
  a.ctimeNs === b.ctimeNs;

function message(body: MarkBody): Buffer {
  return Buffer.from(`rtfs-causal-chain/v1 verified\n${canonicalJson(markToJson(body))}`);
}

/**
 * The mark of `dir` when it still describes the log exactly (see the module comment),
 * else undefined. `key`: the opener's signing key (then the mark must be signed by it).
 */
export function readMark(
  dir: string,
  segments: readonly string[],
  head: ChainHead | undefined | 'bad',
  key: KeyObject | undefined,
): VerifiedMark | undefined {
  let json: Json;
  try {
    json = JSON.parse(readFileSync(join(dir, VERIFIED_FILE), 'utf8')) as Json;
  } catch {
    return undefined;
  }
  const m = markFromJson(json);
  if (m === undefined) return undefined;
  const { body, sig } = m;
  if (key !== undefined) {
    const pub = createPublicKey(key);
    if (body.keyId !== keyId(pub) || sig === undefined) return undefined;
    if (!verify(null, message(body), pub, Buffer.from(sig, 'base64'))) return undefined;
  }
  const p = body.point;
  if (
    typeof head !== 'object' ||
    head.chain_id !== p.state.chainId ||
    head.seq !== p.state.seq ||
    head.hash !== p.state.hash
  )
    return undefined;
  if (body.segments.length !== segments.length || segments.at(-1) !== p.segment) return undefined;
  for (const [i, id] of body.segments.entries())
    if (id.name !== segments[i] || !sameId(id, identity(dir, id.name))) return undefined;
  if (body.segments.at(-1)?.size !== p.offset) return undefined;
  return pointHolds(dir, segments, p) ? { point: p, content: body.content } : undefined;
}

const sleeper = new Int32Array(new SharedArrayBuffer(4));

/**
 * Writes the mark for the log of `dir` ending at `point` (best effort: a mark that
 * cannot be written, or whose segments changed in the same clock tick as the mark,
 * is removed instead, and the next open verifies the whole log).
 */
export function writeMark(
  dir: string,
  segments: readonly string[],
  point: ScanPoint,
  content: Iterable<string>,
  key: KeyObject | undefined,
): void {
  const tmp = join(dir, `${VERIFIED_FILE}.${process.pid}.tmp`);
  try {
    const ids: SegmentId[] = [];
    for (const name of segments) {
      const id = identity(dir, name);
      if (id === undefined) return removeMark(dir);
      ids.push(id);
    }
    if (ids.at(-1)?.size !== point.offset || segments.at(-1) !== point.segment)
      return removeMark(dir);
    const body: MarkBody = {
      point,
      content: [...content].sort(),
      segments: ids,
      keyId: key === undefined ? undefined : keyId(createPublicKey(key)),
    };
    const sig = key === undefined ? undefined : sign(null, message(body), key).toString('base64');
    const text = `${canonicalJson(markToJson(body, sig))}\n`;
    const newest = ids.reduce((t, id) => (BigInt(id.ctimeNs) > t ? BigInt(id.ctimeNs) : t), 0n);
    // Racy marks (as in git's index): a segment changed in the clock tick the mark is
    // written in could change again in that tick without changing its ctime.
    for (let tries = 0; ; tries++) {
      const fd = openSync(tmp, 'w');
      try {
        writeSync(fd, text);
      } finally {
        closeSync(fd);
      }
      if (statSync(tmp, { bigint: true }).mtimeNs > newest) break;
      if (tries >= 4) {
        unlinkSync(tmp);
        return removeMark(dir);
      }
      Atomics.wait(sleeper, 0, 0, 2);
    }
    renameSync(tmp, join(dir, VERIFIED_FILE));
  } catch {
    try {
      unlinkSync(tmp);
    } catch {
      // not there
    }
    removeMark(dir);
  }
}

/** Removes the mark of `dir` (the next open verifies the whole log). */
export function removeMark(dir: string): void {
  try {
    unlinkSync(join(dir, VERIFIED_FILE));
  } catch {
    // none, or not removable: a stale mark never matches a changed log
  }
}

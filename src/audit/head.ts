/**
 * `HEAD`: the last durable record the writer knows of (`{chain_id, hash, segment,
 * seq, checkpoint?}`). It is advisory (rebuilt from the log when missing) and
 * written only after the records it names are fsynced, by temp file + fsync + rename,
 * so it never names a record that is not on disk. It lets `verify` detect a log cut
 * back behind it (`head-mismatch`).
 */
import { join } from 'node:path';
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { canonicalJson } from './jcs.js';

export const HEAD_FILE = 'HEAD';

export interface ChainHead {
  readonly chain_id: string;
  readonly segment: string;
  readonly seq: number;
  readonly hash: string;
  /** Seq of the last signed Checkpoint record, when there is one. */
  readonly checkpoint?: number;
}

/** The HEAD of `dir`: undefined when there is none, 'bad' when it does not parse. */
export function readHead(dir: string): ChainHead | undefined | 'bad' {
  const bytes = readHeadBytes(dir);
  return bytes === undefined ? undefined : parseHead(bytes.toString('utf8'));
}

/** The raw bytes of HEAD (undefined when there is none; unreadable counts as garbage). */
export function readHeadBytes(dir: string): Buffer | undefined {
  try {
    return readFileSync(join(dir, HEAD_FILE));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return undefined;
    if (code === 'EISDIR' || code === 'EACCES') return Buffer.alloc(0);
    throw e;
  }
}

function parseHead(text: string): ChainHead | 'bad' {
  try {
    const h = JSON.parse(text) as Partial<ChainHead>;
    if (
      typeof h.chain_id === 'string' &&
      typeof h.segment === 'string' &&
      typeof h.seq === 'number' &&
      typeof h.hash === 'string'
    )
      return h as ChainHead;
  } catch {
    // fall through
  }
  return 'bad';
}

export function writeHead(dir: string, head: ChainHead): void {
  const tmp = join(dir, `HEAD.${process.pid}.tmp`);
  const fd = openSync(tmp, 'w');
  try {
    writeSync(fd, canonicalJson({ ...head }) + '\n');
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, join(dir, HEAD_FILE));
}

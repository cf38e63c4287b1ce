/**
 * The single-writer lock of a chain directory: a `LOCK` file holding the owner's pid,
 * host, start time and a random nonce. It is created atomically (written to a private
 * temp file, then `link`ed to `LOCK`, which fails if it exists), so it is never seen
 * half-written. A live owner (in this process or another) makes a second writer fail
 * fast with {@link ChainLockedError}.
 *
 * A lock whose pid is dead on this host is stale and is taken over **atomically**
 * (ADR 0015): the taker first wins a takeover token named after the exact stale lock
 * it saw (`LOCK.takeover.<hash of its bytes>.<level>`, created with `link`, so exactly
 * one process holds it), checks that `LOCK` still holds those bytes, and replaces it
 * with its own lock by `rename` (no moment without a lock). A loser sees the token
 * and backs off; when it looks again it finds the winner's live lock. A token whose
 * holder died is never reused or removed while its lock is current: the next taker
 * uses the next level's token instead. Tokens of replaced locks are removed by the
 * next owner. Known limit: pid reuse can keep a stale lock alive (remove LOCK by hand).
 */
import { createHash, randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { join } from 'node:path';
import {
  linkSync,
  readFileSync,
  readdirSync,
  renameSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';

export const LOCK_FILE = 'LOCK';

interface Owner {
  pid?: number;
  host?: string;
  started?: string;
  nonce?: string;
}

export class ChainLockedError extends Error {
  constructor(
    readonly dir: string,
    readonly owner: Owner,
  ) {
    super(
      `causal chain ${dir} is locked by ${owner.pid === process.pid ? 'this process' : `pid ${owner.pid ?? '?'}`}` +
        `${owner.host !== undefined ? ` on ${owner.host}` : ''}` +
        `${owner.started !== undefined ? ` (since ${owner.started})` : ''}: a chain has a single writer` +
        ` (remove ${join(dir, LOCK_FILE)} only if that process is gone)`,
    );
    this.name = 'ChainLockedError';
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function code(e: unknown): string | undefined {
  return (e as NodeJS.ErrnoException).code;
}

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    if (code(e) === 'ENOENT') return undefined;
    throw e;
  }
}

function parseOwner(text: string): Owner {
  try {
    const o = JSON.parse(text) as unknown;
    return typeof o === 'object' && o !== null ? (o as Owner) : {};
  } catch {
    return {};
  }
}

function tryUnlink(path: string): void {
  try {
    unlinkSync(path);
  } catch (e) {
    if (code(e) !== 'ENOENT') throw e;
  }
}

const sleeper = new Int32Array(new SharedArrayBuffer(4));
function pause(ms: number): void {
  Atomics.wait(sleeper, 0, 0, ms);
}

const TMP = /^LOCK\.(\d+)\.[0-9a-f]+(?:\.token)?\.tmp$/;
const TOKEN = /^LOCK\.takeover\.([0-9a-f]{16})\.\d+$/;
const generation = (lockText: string): string =>
  createHash('sha256').update(lockText).digest('hex').slice(0, 16);

/** Removes temp files left by killed lock takers. */
function sweepTemps(dir: string): void {
  for (const f of readdirSync(dir)) {
    const m = TMP.exec(f);
    if (m && Number(m[1]) !== process.pid && !alive(Number(m[1]))) tryUnlink(join(dir, f));
  }
}

/**
 * Removes the takeover tokens of every lock but `current` (ours): those locks were
 * replaced and never come back, so nobody can win anything with their tokens.
 */
function sweepTokens(dir: string, current: string): void {
  for (const f of readdirSync(dir)) {
    const m = TOKEN.exec(f);
    if (m && m[1] !== current) tryUnlink(join(dir, f));
  }
}

/**
 * Takes over the stale lock whose bytes are `stale`, replacing it with `mine` (a temp
 * file holding our lock). True when our lock is now in place; false when another
 * process is taking it over or already has.
 */
function takeOver(dir: string, stale: string, mine: string, me: string): boolean {
  const gen = generation(stale);
  for (let level = 0; level < 64; level++) {
    const token = join(dir, `LOCK.takeover.${gen}.${level}`);
    const tokenTmp = mine.replace(/\.tmp$/, '.token.tmp');
    writeFileSync(tokenTmp, me);
    let won = false;
    try {
      linkSync(tokenTmp, token);
      won = true;
    } catch (e) {
      if (code(e) !== 'EEXIST') throw e;
    } finally {
      tryUnlink(tokenTmp);
    }
    if (!won) {
      const holder = parseOwner(readText(token) ?? '');
      // A live holder (or one we cannot judge) is taking it over: let it.
      if (typeof holder.pid !== 'number' || holder.pid === process.pid || alive(holder.pid))
        return false;
      continue; // its holder died: the next level decides among the living
    }
    // We alone hold the token for this stale lock: nobody else may replace it now.
    if (readText(join(dir, LOCK_FILE)) !== stale) {
      tryUnlink(token);
      return false;
    }
    renameSync(mine, join(dir, LOCK_FILE));
    return true;
  }
  return false;
}

/** Takes the lock of `dir`; returns the function that releases it. */
export function acquireLock(dir: string): () => void {
  const lock = join(dir, LOCK_FILE);
  const nonce = randomBytes(8).toString('hex');
  const me = JSON.stringify({
    pid: process.pid,
    host: hostname(),
    started: new Date().toISOString(),
    nonce,
  });
  const tmp = join(dir, `LOCK.${process.pid}.${nonce}.tmp`);
  sweepTemps(dir);
  writeFileSync(tmp, `${me}\n`);
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        linkSync(tmp, lock);
        break;
      } catch (e) {
        if (code(e) !== 'EEXIST') throw e;
      }
      const text = readText(lock);
      if (text === undefined) continue; // released meanwhile: try again
      const owner = parseOwner(text);
      const stale =
        typeof owner.pid === 'number' &&
        owner.pid !== process.pid &&
        owner.host === hostname() &&
        !alive(owner.pid);
      if (!stale) throw new ChainLockedError(dir, owner);
      if (takeOver(dir, text, tmp, me)) break;
      // Another process is taking it over: look again shortly (its lock will be live).
      if (attempt >= 100) throw new ChainLockedError(dir, owner);
      pause(5);
    }
  } finally {
    tryUnlink(tmp);
  }
  sweepTokens(dir, generation(`${me}\n`));
  let held = true;
  return () => {
    if (!held) return;
    held = false;
    try {
      if (parseOwner(readFileSync(lock, 'utf8')).nonce === nonce) unlinkSync(lock);
    } catch {
      // already gone
    }
  };
}

/**
 * The single-writer lock of a chain directory: a `LOCK` file holding the owner's pid,
 * host and start time. It is created atomically (written to a private temp file, then
 * `link`ed to `LOCK`, which fails if it exists), so it is never seen half-written.
 * A lock whose pid is dead on this host is stale and taken over; a live owner (in this
 * process or another) makes the second writer fail fast with {@link ChainLockedError}.
 * Known limit: two processes taking over the same stale lock at the same instant can
 * race (both remove it); pid reuse can keep a stale lock alive (remove LOCK by hand).
 */
import { hostname } from 'node:os';
import { join } from 'node:path';
import { linkSync, readFileSync, readdirSync, unlinkSync, writeFileSync } from 'node:fs';

export const LOCK_FILE = 'LOCK';

export class ChainLockedError extends Error {
  constructor(
    readonly dir: string,
    readonly owner: { pid?: number; host?: string; started?: string },
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

/** Removes temp files left by killed lock takers. */
function sweep(dir: string): void {
  for (const f of readdirSync(dir)) {
    const m = /^LOCK\.(\d+)\.tmp$/.exec(f);
    if (m && !alive(Number(m[1]))) {
      try {
        unlinkSync(join(dir, f));
      } catch {
        // another opener removed it
      }
    }
  }
}

/** Takes the lock of `dir`; returns the function that releases it. */
export function acquireLock(dir: string): () => void {
  const lock = join(dir, LOCK_FILE);
  const me = { pid: process.pid, host: hostname(), started: new Date().toISOString() };
  const tmp = join(dir, `LOCK.${process.pid}.tmp`);
  sweep(dir);
  writeFileSync(tmp, JSON.stringify(me) + '\n');
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        linkSync(tmp, lock);
        break;
      } catch (e) {
        if (code(e) !== 'EEXIST' || attempt >= 5) throw e;
      }
      let owner: { pid?: number; host?: string; started?: string };
      try {
        owner = JSON.parse(readFileSync(lock, 'utf8')) as typeof owner;
      } catch (e) {
        if (code(e) === 'ENOENT') continue;
        owner = {};
      }
      const stale =
        typeof owner.pid === 'number' &&
        owner.pid !== process.pid &&
        owner.host === me.host &&
        !alive(owner.pid);
      if (!stale) throw new ChainLockedError(dir, owner);
      try {
        unlinkSync(lock);
      } catch (e) {
        if (code(e) !== 'ENOENT') throw e;
      }
    }
  } finally {
    unlinkSync(tmp);
  }
  let held = true;
  return () => {
    if (!held) return;
    held = false;
    try {
      const owner = JSON.parse(readFileSync(lock, 'utf8')) as { pid?: number };
      if (owner.pid === process.pid) unlinkSync(lock);
    } catch {
      // already gone
    }
  };
}

/**
 * `mkdir -p` that cannot loop. Node 20's `mkdirSync(dir, { recursive: true })` retries
 * forever when a parent exists but the file system refuses the child with ENOENT
 * (`/proc/x`, `/sys/x`): `--chain /proc/x` or `RTFS_CACHE_DIR=/proc/x` hung the CLI.
 * Here each missing ancestor is made once, from the root down, and the first error is
 * thrown as `mkdirSync` would throw it.
 */
import { mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/** Makes `dir` and its missing ancestors (with `mode`, as `mkdirSync`); exists already is fine. */
export function makeDirectory(dir: string, mode?: number): void {
  const path = resolve(dir);
  const missing: string[] = [];
  for (let p = path; ; p = dirname(p)) {
    if (isDirectory(p)) break;
    missing.push(p);
    if (dirname(p) === p) break;
  }
  const options = mode === undefined ? undefined : { mode };
  for (let i = missing.length - 1; i >= 0; i--) {
    const p = missing[i] as string;
    try {
      mkdirSync(p, options);
    } catch (e) {
      // Made meanwhile by another process: fine; anything else is the caller's error.
      if (!(errorCode(e) === 'EEXIST' && isDirectory(p))) throw e;
    }
  }
}

function isDirectory(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

function errorCode(e: unknown): unknown {
  return typeof e === 'object' && e !== null && 'code' in e ? e.code : undefined;
}

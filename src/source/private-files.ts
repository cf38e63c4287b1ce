/**
 * Files in the user's private cache directory (`RTFS_CACHE_DIR`, else
 * `$XDG_CACHE_HOME/rtfs-ts`, else `~/.cache/rtfs-ts`): V8 code caches (ADR 0024) and
 * catalog caches (ADR 0060). A file is used only if it is a regular file owned by this
 * user and writable by no one else; files are written whole to a temporary name and
 * renamed, so concurrent processes never read half a file; each kind keeps its newest
 * few files. Any failure means working without the file, never an error.
 */
import { closeSync, fstatSync, lstatSync, openSync, readFileSync, readdirSync } from 'node:fs';
import { renameSync, rmSync, statSync, writeFileSync, type Stats } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { makeDirectory } from './make-directory.js';

export function cacheDirectory(env: NodeJS.ProcessEnv): string {
  if (env.RTFS_CACHE_DIR) return env.RTFS_CACHE_DIR;
  return join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'rtfs-ts');
}

/** The cache directory exists (made now if need be), is ours and is private. */
export function usableDirectory(dir: string): boolean {
  try {
    makeDirectory(dir, 0o700);
    return ownedAndPrivate(lstatSync(dir), true);
  } catch {
    return false;
  }
}

/** The bytes of `path` if it is a private file of this user, else undefined. */
export function readPrivateFile(path: string): Buffer | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    if (!ownedAndPrivate(fstatSync(fd), false)) return undefined;
    return readFileSync(fd);
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * Writes `data` to `path` (in a private cache directory) whole, then keeps the `keep`
 * newest files of the directory whose names start with `prefix` and end with `suffix`
 * (other installs' files of the same kind count too). Returns false when nothing was
 * written (read-only home, full disk, …): the next run tries again.
 */
export function writePrivateFile(
  path: string,
  data: string | Uint8Array,
  kind: { readonly prefix: string; readonly suffix: string; readonly keep: number },
): boolean {
  const dir = join(path, '..');
  try {
    if (!usableDirectory(dir)) return false;
    const tmp = `${path}.${process.pid}.tmp`;
    writeFileSync(tmp, data, { mode: 0o600 });
    renameSync(tmp, path);
    const name = path.slice(dir.length + 1);
    const older = readdirSync(dir)
      .filter((f) => f !== name && f.startsWith(kind.prefix) && f.endsWith(kind.suffix))
      .map((f) => ({ f, t: statSync(join(dir, f)).mtimeMs }))
      .sort((a, b) => b.t - a.t);
    for (const { f } of older.slice(kind.keep - 1)) rmSync(join(dir, f), { force: true });
    return true;
  } catch {
    return false;
  }
}

/** Owned by this user and writable by no one else (no such check on Windows). */
function ownedAndPrivate(st: Stats, directory: boolean): boolean {
  if (directory ? !st.isDirectory() : !st.isFile()) return false;
  if (process.getuid === undefined) return true;
  return st.uid === process.getuid() && (st.mode & 0o022) === 0;
}

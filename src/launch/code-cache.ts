/**
 * The CLI's V8 code cache (ADR 0024): the bytecode V8 compiled for dist/cli.cjs in an
 * earlier run of the same command, so a later run skips parsing and compiling it.
 *
 * One file per command and build (the four newest per command are kept), in a directory of the user's own (`RTFS_CACHE_DIR`,
 * else `$XDG_CACHE_HOME/rtfs-ts`, else `~/.cache/rtfs-ts`); `RTFS_CODE_CACHE=0` turns it
 * off. A cache file is used only if it is a regular file owned by this user and
 * writable by no one else (cached bytecode runs as code). Files are written whole to
 * a temporary name and renamed, so concurrent runs never read half a file. Any
 * failure means running without a cache, never an error.
 */
import { closeSync, fstatSync, openSync, readFileSync, readdirSync } from 'node:fs';
import { makeDirectory } from '../source/make-directory.js';
import { lstatSync, renameSync, rmSync, statSync, writeFileSync, type Stats } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/** A command's cache: the bytes found (if any) and where to save new ones. */
export interface CodeCache {
  readonly data: Buffer | undefined;
  /** Undefined when the cache is off or has no usable directory. */
  readonly path: string | undefined;
}

/** The marker the build appends to dist/cli.cjs: a hash of the bundle's text. */
const BUILD_ID = /\/\/# rtfs-build-id=([0-9a-f]{16})\s*$/;

const OFF: CodeCache = { data: undefined, path: undefined };

/** The first argument when it names a command; the cache file is per command. */
export function commandOf(args: readonly string[]): string {
  const a = args[0];
  return a !== undefined && /^[a-z][a-z0-9-]{0,31}$/.test(a) ? a : 'default';
}

export function cacheDirectory(env: NodeJS.ProcessEnv): string {
  if (env.RTFS_CACHE_DIR) return env.RTFS_CACHE_DIR;
  return join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'rtfs-ts');
}

/** Finds the cache for `command` of the bundle whose text is `source`. */
export function openCodeCache(source: string, command: string, env: NodeJS.ProcessEnv): CodeCache {
  if (env.RTFS_CODE_CACHE === '0' || env.RTFS_CODE_CACHE === 'off') return OFF;
  const id = BUILD_ID.exec(source.slice(-64))?.[1];
  if (id === undefined) return OFF;
  let dir: string;
  try {
    dir = cacheDirectory(env);
  } catch {
    return OFF;
  }
  const path = join(dir, `${command}-${id}-${process.version}-${process.arch}.v8`);
  const data = readOwned(path);
  // Without a directory to save into, the run would serialise a cache for nothing.
  return data !== undefined || usableDirectory(dir) ? { data, path } : OFF;
}

/** The cache directory exists (made now if need be), is ours and is private. */
function usableDirectory(dir: string): boolean {
  try {
    makeDirectory(dir, 0o700);
    return ownedAndPrivate(lstatSync(dir), true);
  } catch {
    return false;
  }
}

/** Files kept per command: other installs (other versions) keep their caches too. */
const KEEP = 4;

/** Saves `data` for the cache at `path`; keeps the command's {@link KEEP} newest files. */
export function saveCodeCache(path: string, data: Buffer): void {
  const dir = join(path, '..');
  try {
    if (!usableDirectory(dir)) return;
    const tmp = `${path}.${process.pid}.tmp`;
    writeFileSync(tmp, data, { mode: 0o600 });
    renameSync(tmp, path);
    const name = path.slice(dir.length + 1);
    const command = name.slice(0, name.indexOf('-'));
    const older = readdirSync(dir)
      .filter((f) => f !== name && f.startsWith(`${command}-`) && f.endsWith('.v8'))
      .map((f) => ({ f, t: statSync(join(dir, f)).mtimeMs }))
      .sort((a, b) => b.t - a.t);
    for (const { f } of older.slice(KEEP - 1)) rmSync(join(dir, f), { force: true });
  } catch {
    // No cache this time (read-only home, full disk, …): the next run tries again.
  }
}

function readOwned(path: string): Buffer | undefined {
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

/** Owned by this user and writable by no one else (no such check on Windows). */
function ownedAndPrivate(st: Stats, directory: boolean): boolean {
  if (directory ? !st.isDirectory() : !st.isFile()) return false;
  if (process.getuid === undefined) return true;
  return st.uid === process.getuid() && (st.mode & 0o022) === 0;
}

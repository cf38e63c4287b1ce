/**
 * The CLI's V8 code cache (ADR 0024): the bytecode V8 compiled for dist/cli.cjs in an
 * earlier run of the same command, so a later run skips parsing and compiling it.
 *
 * One file per command and build (the four newest per command are kept), in the user's
 * private cache directory (source/private-files.ts: owned, private, written whole and
 * renamed; cached bytecode runs as code); `RTFS_CODE_CACHE=0` turns it off. Any failure
 * means running without a cache, never an error.
 */
import { join } from 'node:path';
import { buildIdOf } from '../source/build-id.js';
import {
  cacheDirectory,
  readPrivateFile,
  usableDirectory,
  writePrivateFile,
} from '../source/private-files.js';

export { cacheDirectory };

/** A command's cache: the bytes found (if any) and where to save new ones. */
export interface CodeCache {
  readonly data: Buffer | undefined;
  /** Undefined when the cache is off or has no usable directory. */
  readonly path: string | undefined;
}

const OFF: CodeCache = { data: undefined, path: undefined };

/** The first argument when it names a command; the cache file is per command. */
export function commandOf(args: readonly string[]): string {
  const a = args[0];
  return a !== undefined && /^[a-z][a-z0-9-]{0,31}$/.test(a) ? a : 'default';
}

/** Finds the cache for `command` of the bundle whose text is `source`. */
export function openCodeCache(source: string, command: string, env: NodeJS.ProcessEnv): CodeCache {
  if (env.RTFS_CODE_CACHE === '0' || env.RTFS_CODE_CACHE === 'off') return OFF;
  const id = buildIdOf(source.slice(-64));
  if (id === undefined) return OFF;
  let dir: string;
  try {
    dir = cacheDirectory(env);
  } catch {
    return OFF;
  }
  const path = join(dir, `${command}-${id}-${process.version}-${process.arch}.v8`);
  const data = readPrivateFile(path);
  // Without a directory to save into, the run would serialise a cache for nothing.
  return data !== undefined || usableDirectory(dir) ? { data, path } : OFF;
}

/** A command's cache, preferring the one written by a run that loaded the compiled tier. */
export interface TieredCodeCache extends CodeCache {
  /** True when `data` is the cache of a run that loaded the evaluator's compiled tier. */
  readonly withTier: boolean;
  /** Where a run that loads the tier saves its cache (undefined when the cache is off). */
  readonly tierPath: string | undefined;
}

/**
 * The cache of `command` for a bundle holding the evaluator's compiled tier (ADR 0061):
 * `<command>.jit` when a run whose functions or loops got hot wrote one (it holds the
 * tier's and the emitter's bytecode too, which a run that loads the tier would otherwise
 * compile from source), else the command's own.
 */
export function openTieredCodeCache(
  source: string,
  command: string,
  env: NodeJS.ProcessEnv,
): TieredCodeCache {
  const tier = openCodeCache(source, `${command}.jit`, env);
  if (tier.data !== undefined) return { ...tier, withTier: true, tierPath: tier.path };
  return { ...openCodeCache(source, command, env), withTier: false, tierPath: tier.path };
}

/** Files kept per command: other installs (other versions) keep their caches too. */
const KEEP = 4;

/** Saves `data` for the cache at `path`; keeps the command's {@link KEEP} newest files. */
export function saveCodeCache(path: string, data: Buffer): void {
  const dir = join(path, '..');
  const name = path.slice(dir.length + 1);
  const command = name.slice(0, name.indexOf('-'));
  writePrivateFile(path, data, { prefix: `${command}-`, suffix: '.v8', keep: KEEP });
}

/**
 * The CLI's catalog cache store (ADR 0060): files `catalog-<key>.json` in the user's
 * private cache directory (source/private-files.ts), the eight newest kept, keyed by the
 * build ids of dist/cli.cjs and dist/cli-vendor.cjs (the code that reads catalogs and
 * validates JSON ones). Off with `RTFS_CATALOG_CACHE=0`, and when not running from the
 * bundle (no build id: tests and `tsx` runs of src/ use no cache).
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { CatalogCacheStore } from '../planner/index.js';
import { cacheDirectory, readPrivateFile, writePrivateFile } from '../source/private-files.js';
import { buildIdOf } from '../source/build-id.js';

const KIND = { prefix: 'catalog-', suffix: '.json', keep: 8 } as const;

/** The store of the CLI's catalog cache, or undefined when there is none. */
export function catalogCacheStore(env: NodeJS.ProcessEnv): CatalogCacheStore | undefined {
  if (env.RTFS_CATALOG_CACHE === '0' || env.RTFS_CATALOG_CACHE === 'off') return undefined;
  // The bundle's module function receives `__filename` (dist/cli.cjs); ES modules have none.
  const bundle = typeof __filename === 'string' ? __filename : undefined;
  if (bundle === undefined || !bundle.endsWith('.cjs')) return undefined;
  const cli = fileBuildId(bundle);
  const vendor = fileBuildId(join(dirname(bundle), 'cli-vendor.cjs'));
  if (cli === undefined || vendor === undefined) return undefined;
  let dir: string;
  try {
    dir = cacheDirectory(env);
  } catch {
    return undefined;
  }
  return {
    codeId: `${cli}.${vendor}`,
    read: (name) => readPrivateFile(join(dir, name)),
    write: (name, text) => {
      writePrivateFile(join(dir, name), text, KIND);
    },
  };
}

/** The build id at the end of `file`, read from its last 64 bytes. */
function fileBuildId(file: string): string | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const size = fstatSync(fd).size;
    const tail = Buffer.alloc(64);
    const n = readSync(fd, tail, 0, 64, Math.max(0, size - 64));
    return buildIdOf(tail.toString('latin1', 0, n));
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

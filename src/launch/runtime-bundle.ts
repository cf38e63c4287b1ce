/**
 * What dist/runtime.js (`rtfs-ts/runtime`, the module every compiled program imports)
 * runs as it starts (ADR 0052): the runtime is one CommonJS bundle, dist/runtime.cjs, run
 * as Node runs a CommonJS module but through V8's code cache, as the CLI runs
 * dist/cli.cjs (ADR 0024). Node 20 caches no compiled code for ES modules: parsing and
 * compiling the runtime's ES module graph was most of a compiled program's start-up.
 *
 * The cache is the CLI's (src/launch/code-cache.ts): a file of its own per build
 * ({@link CACHE_NAME}), in the user's private cache directory, `RTFS_CODE_CACHE=0` turns
 * it off, and any failure means running without it. It is written as the process exits,
 * so it holds what the program compiled, not just the bundle's top level.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { openCodeCache, saveCodeCache } from './code-cache.js';

/** The cache's name among the CLI's per-command caches (no `rtfs` command has it). */
export const CACHE_NAME = 'runtime';

/** The packages the runtime uses on first use only, shared with the CLI (ADR 0041). */
const VENDOR_FILE = 'cli-vendor.cjs';
const VENDOR_ID = `./${VENDOR_FILE}`;
/**
 * The parts of the runtime a program loads on first use only (the compiled tier, the kept
 * causal chain, the Chevrotain reader, the planner): a bundle of their own, so that their
 * functions are neither created nor in the cache at every start (ADR 0059).
 */
const LAZY_FILE = 'runtime-lazy.cjs';
const LAZY_ID = `./${LAZY_FILE}`;
/** How the lazy bundle names a module of the main bundle: its source file. */
const SHARED_PREFIX = 'src/';

type ModuleFunction = (
  exports: unknown,
  require: (id: string) => unknown,
  module: { exports: Record<string, unknown> },
  filename: string,
  dirname: string,
) => void;

/** Runs dist/runtime.cjs (beside the facade at `facadeUrl`) and returns its exports. */
export function runRuntimeBundle(facadeUrl: string): Record<string, unknown> {
  const dist = dirname(fileURLToPath(facadeUrl));
  let vendor: Record<string, unknown> | undefined;
  let lazy: Record<string, unknown> | undefined;
  // The bundles hold every file of the runtime and its packages: they require Node's
  // built-ins, the vendor file on a vendor package's (zod, re2js, …) first use, and the
  // main bundle the lazy one on the first use of a part it holds.
  const requireBundled = (id: string): unknown => {
    if (id === VENDOR_ID)
      return (vendor ??= runBundle(dist, VENDOR_FILE, `${CACHE_NAME}.vendor`, requireBundled));
    if (id === LAZY_ID)
      return (lazy ??= runBundle(dist, LAZY_FILE, `${CACHE_NAME}.lazy`, requireLazy));
    const m = process.getBuiltinModule(id);
    if (m === undefined) throw new Error(`rtfs-ts/runtime: no built-in module ${id}`);
    return m;
  };
  // The lazy bundle's files of src/ are the main bundle's own modules (one data model).
  const requireLazy = (id: string): unknown => {
    if (!id.startsWith(SHARED_PREFIX)) return requireBundled(id);
    // Only called once the main bundle ran (its code requires the lazy one on first use).
    const shared = main['__rtfsShared'] as ((id: string) => unknown) | undefined;
    if (shared === undefined) throw new Error(`rtfs-ts/runtime: no shared module ${id}`);
    return shared(id);
  };
  const main = runBundle(dist, 'runtime.cjs', CACHE_NAME, requireBundled);
  return main;
}

/**
 * Runs the bundle `name` (in `dist`) through the code cache `cacheName` and returns its
 * exports. The file is the module function, `(function (exports, require, module,
 * __filename, __dirname) {…})`, as the build writes it.
 */
function runBundle(
  dist: string,
  name: string,
  cacheName: string,
  require: (id: string) => unknown,
): Record<string, unknown> {
  const file = join(dist, name);
  // The build makes it pure ASCII, so UTF-8 gives the same one-byte string; Node reads a
  // UTF-8 file in one call of its own (readFileUtf8), where any other encoding runs
  // readFileSync's JavaScript path and a decoding step, compiled at every start: ~1.7M
  // instructions more for the 210 KB bundle (ADR 0059). (The CLI's launcher keeps Latin-1:
  // its bundle is padded to an external string, which only that decoding gives.)
  const source = readFileSync(file, 'utf8');
  const cache = openCodeCache(source, cacheName, process.env);
  const script = new vm.Script(source, { filename: file, cachedData: cache.data });
  const path = cache.path;
  if (path !== undefined && (cache.data === undefined || script.cachedDataRejected === true)) {
    // At exit, so the cache holds what the program compiled, not just the top level.
    process.once('exit', () => saveCodeCache(path, script.createCachedData()));
  }
  const run = script.runInThisContext() as ModuleFunction;
  const module = { exports: {} };
  run.call(module.exports, module.exports, require, module, file, dist);
  return module.exports;
}

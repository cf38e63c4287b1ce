/**
 * Entry of the `rtfs` command (bin/rtfs.js imports dist/launch.js). It runs the CLI,
 * one CommonJS bundle (dist/cli.cjs), as Node runs a CommonJS module, but through V8's
 * code cache (ADR 0024): Node 20 caches no compiled code for ES modules, and compiling
 * the CLI's code was the largest part of every command's start-up.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type * as v8 from 'node:v8';
import vm from 'node:vm';
import {
  type TieredCodeCache,
  commandOf,
  openCodeCache,
  openTieredCodeCache,
  saveCodeCache,
} from './code-cache.js';
import { cacheKey, tuneTierUp } from './tier-up.js';

/** The vendor bundle, as the CLI bundle requires it. */
const VENDOR_FILE = 'cli-vendor.cjs';
const VENDOR_ID = `./${VENDOR_FILE}`;

type ModuleFunction = (
  exports: unknown,
  require: NodeJS.Require,
  module: { exports: unknown },
  filename: string,
  dirname: string,
) => void;

// This file is dist/launch.cjs, CommonJS beside cli.cjs: its own `__dirname` and `require`
// resolve as cli.cjs's would, without loading node:module (createRequire) or parsing a URL
// at each start (ADR 0041).
const dist = __dirname;
const nodeRequire: NodeJS.Require = require;
const command = commandOf(process.argv.slice(2));
const tuned = tuneTierUp(command, process.env, () => nodeRequire('node:v8') as typeof v8);
const key = cacheKey(command, tuned);

/**
 * Runs the bundle `name` (in dist/) through the code cache `cacheName` and returns its
 * exports. The file is the module function, `(function (exports, require, module,
 * __filename, __dirname) {…})`, as the build writes it: compiled as it stands, without a copy.
 */
function runBundle(name: string, cacheName: string, tiered: boolean): unknown {
  const file = join(dist, name);
  // The build makes it pure ASCII, so Latin-1 is the same text, decoded fastest.
  const source = readFileSync(file, 'latin1');
  const cache: TieredCodeCache = tiered
    ? openTieredCodeCache(source, cacheName, process.env)
    : { ...openCodeCache(source, cacheName, process.env), withTier: false, tierPath: undefined };
  const script = new vm.Script(
    source,
    // No `importModuleDynamically`: the bundle has no `import()` (the build checks), and
    // Node 20 loses that option for code from a cache.
    { filename: file, cachedData: cache.data },
  );
  const stale = cache.data === undefined || script.cachedDataRejected === true;
  if (stale ? cache.path !== undefined : cache.tierPath !== undefined && !cache.withTier) {
    // After the run, so the cache holds what this command compiled, not just the top level;
    // not after a usage error (exit 2: a mistyped command would get a cache of its own). A
    // run that loaded the compiled tier saves `<command>.jit`, which later runs prefer.
    process.once('exit', (code) => {
      if (code === 2) return;
      const path =
        !cache.withTier && tierLoaded() ? cache.tierPath : stale ? cache.path : undefined;
      if (path !== undefined) saveCodeCache(path, script.createCachedData());
    });
  }
  const run = script.runInThisContext() as ModuleFunction;
  const module = { exports: {} };
  run.call(module.exports, module.exports, requireBundled, module, file, dist);
  return module.exports;
}

let vendor: unknown;
/**
 * The `require` of the bundles: Node's, except for dist/cli-vendor.cjs (the packages only
 * some commands use, scripts/cjs-packages.mjs), which goes through a code cache of its own.
 */
const requireBundled = Object.assign(
  (id: string): unknown =>
    id === VENDOR_ID
      ? (vendor ??= runBundle(VENDOR_FILE, `${key}.vendor`, false))
      : nodeRequire(id),
  nodeRequire,
) as NodeJS.Require;

/** Whether the bundle loaded the evaluator's compiled tier (compiler/jit-loader.bundled.ts). */
function tierLoaded(): boolean {
  return (globalThis as Record<symbol, unknown>)[Symbol.for('rtfs.jitTierLoaded')] === true;
}

runBundle('cli.cjs', key, true);

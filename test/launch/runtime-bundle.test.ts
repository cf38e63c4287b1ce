/**
 * The runtime of compiled modules runs dist/runtime.cjs through V8's code cache
 * (src/launch/runtime-bundle.ts, ADR 0052): a module prints the same, exits with the same
 * code and writes the same errors with the cache off, written, present, corrupt or
 * unsafe, hot code (a compiled loop, evaluated code the tier compiles) still runs, and
 * packages the runtime uses on first use come from the vendor file (ADR 0041). The parts
 * a program uses on first use only (the tier, the planner, …) are in dist/runtime-lazy.cjs,
 * run (with a cache of its own) only when used (ADR 0059).
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rtfs, root } from '../cli/run-cli.js';

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'rtfs-runtime-cache-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A compiled loop of 200,000 iterations and a child plan whose loop and function get hot. */
const HOT = `(defn sum [n] (loop [i 0 acc 0] (if (< i n) (recur (inc i) (+ acc i)) acc)))
(println (sum 200000))
(get (call "ccos.plan.execute" {:plan "(defn f [x] (* x 2)) (loop [i 0 acc 0] (if (< i 3000) (recur (inc i) (+ acc (f i))) acc))"}) :result)
`;

function compile(name: string, input: string): string {
  const out = join(dir, `${name}.mjs`);
  const c = rtfs(['compile', '-', '-o', out], { input });
  expect(c.code).toBe(0);
  return out;
}

function run(file: string, cache: string, extra: Record<string, string> = {}) {
  const env: Record<string, string | undefined> = { ...process.env, RTFS_CACHE_DIR: cache };
  delete env.RTFS_CODE_CACHE;
  const r = spawnSync(process.execPath, [file, '--allow', 'ccos.*'], {
    cwd: root,
    env: { ...env, ...extra },
    encoding: 'utf8',
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const cacheFiles = (cache: string): string[] =>
  readdirSync(cache).filter((f) => /^runtime-[0-9a-f]{16}-.*\.v8$/.test(f));

describe('the runtime bundle of compiled modules', () => {
  it('runs the same with the cache off, written, present, corrupt or unsafe', () => {
    const out = compile('hot', HOT);
    const cache = join(dir, 'cache');
    const off = run(out, cache, { RTFS_CODE_CACHE: '0' });
    expect(off).toEqual({ code: 0, stdout: '19999900000\n8997000\n', stderr: '' });
    // Off: nothing is written (the directory is not even made).
    expect(() => readdirSync(cache)).toThrow();
    // The first run writes the cache as it exits; the next one uses it.
    expect(run(out, cache)).toEqual(off);
    const [file] = cacheFiles(cache);
    expect(file).toBeDefined();
    const path = join(cache, file as string);
    const written = readFileSync(path);
    expect(run(out, cache)).toEqual(off);
    expect(readFileSync(path).equals(written)).toBe(true);
    // A corrupt cache is rejected by V8: the run compiles the bundle and replaces it.
    writeFileSync(path, 'not a code cache');
    expect(run(out, cache)).toEqual(off);
    expect(readFileSync(path).length).toBeGreaterThan(1000);
    // A cache others may write is never read: a private one replaces it.
    writeFileSync(path, 'not a code cache');
    chmodSync(path, 0o666);
    expect(run(out, cache)).toEqual(off);
    expect(readFileSync(path, 'utf8')).not.toBe('not a code cache');
    expect(statSync(path).mode & 0o077).toBe(0);
  });

  it('runs the parts used on first use from a bundle of their own, only when used', () => {
    const lazyFiles = (cache: string): string[] =>
      readdirSync(cache).filter((f) => /^runtime\.lazy-[0-9a-f]{16}-.*\.v8$/.test(f));
    const plain = compile('lazy-plain', '(defn run [] (+ 1 2))\n(run)\n');
    const cache = join(dir, 'cache-lazy');
    for (let i = 0; i < 2; i++)
      expect(run(plain, cache)).toEqual({ code: 0, stdout: '3\n', stderr: '' });
    expect(cacheFiles(cache)).toHaveLength(1);
    expect(lazyFiles(cache)).toEqual([]);
    // Evaluated code that gets hot needs the analyzer's tier: the lazy bundle, cached too.
    const hot = compile('lazy-hot', HOT);
    const off = run(hot, cache, { RTFS_CODE_CACHE: '0' });
    expect(off).toEqual({ code: 0, stdout: '19999900000\n8997000\n', stderr: '' });
    expect(run(hot, cache)).toEqual(off);
    expect(lazyFiles(cache)).toHaveLength(1);
    expect(run(hot, cache)).toEqual(off);
  });

  it('expands core macros in evaluated code with the core library the build scanned', () => {
    // A child plan is evaluated at run time: its `when`, `cond` and `->` expand from
    // stdlib/core.rtfs, whose forms the runtime takes from the build's scan (ADR 0059).
    const out = compile(
      'macros',
      '(get (call "ccos.plan.execute" {:plan "(-> (cond false 1 :else (when true 5)) inc)"}) :result)\n',
    );
    const cache = join(dir, 'cache-macros');
    const off = run(out, cache, { RTFS_CODE_CACHE: '0' });
    expect(off).toEqual({ code: 0, stdout: '6\n', stderr: '' });
    expect(run(out, cache)).toEqual(off);
    expect(run(out, cache)).toEqual(off);
  });

  it('runs packages used on first use (re2js, the planner) from the vendor file, cached too', () => {
    const out = compile(
      'vendor',
      '(println (re-find #"a+b" "xxaaab"))\n(get (call "planner.extract_goal_signals" {:goal "list open issues"}) :catalog_snapshot)\n',
    );
    const cache = join(dir, 'cache-vendor');
    const off = run(out, cache, { RTFS_CODE_CACHE: '0' });
    expect(off.code).toBe(0);
    expect(off.stdout).toMatch(/^aaab\n"sha256:[0-9a-f]{64}"\n$/);
    expect(run(out, cache)).toEqual(off);
    expect(readdirSync(cache).filter((f) => f.startsWith('runtime.vendor-'))).toHaveLength(1);
    expect(run(out, cache)).toEqual(off);
  });

  it('reports a failing module the same with and without the cache', () => {
    const out = compile('fails', '(println "before")\n(/ 1 0)\n');
    const cache = join(dir, 'cache-fails');
    const off = run(out, cache, { RTFS_CODE_CACHE: '0' });
    expect(off.code).toBe(1);
    expect(off.stdout).toBe('before\n');
    expect(off.stderr).toContain('runtime/division-by-zero');
    expect(run(out, cache)).toEqual(off);
    expect(cacheFiles(cache)).toHaveLength(1);
    expect(run(out, cache)).toEqual(off);
  });

  it('runs with a cache directory it cannot use', () => {
    const out = compile('plain', '(+ 1 2)');
    const notDir = join(dir, 'a-file');
    writeFileSync(notDir, '');
    expect(run(out, notDir)).toEqual({ code: 0, stdout: '3\n', stderr: '' });
  });
});

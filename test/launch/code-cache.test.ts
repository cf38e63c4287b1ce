/**
 * The CLI's V8 code cache (src/launch/, ADR 0024): where it lives, when it is used,
 * and that `rtfs` behaves the same with a fresh, a reused, a corrupt or an unsafe cache.
 */
import { describe, it, expect, beforeEach } from 'vitest';
import { chmodSync, mkdtempSync, readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  cacheDirectory,
  commandOf,
  openCodeCache,
  saveCodeCache,
} from '../../src/launch/code-cache.js';
import { rtfs } from '../cli/run-cli.js';

const SOURCE = 'module.exports = 1;\n//# rtfs-build-id=0123456789abcdef\n';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'rtfs-cache-'));
});

describe('the code cache files', () => {
  it('are per command, with a default for anything else', () => {
    expect(commandOf(['run', 'x.rtfs'])).toBe('run');
    expect(commandOf(['plan'])).toBe('plan');
    expect(commandOf(['--version'])).toBe('default');
    expect(commandOf([])).toBe('default');
    expect(commandOf(['../../etc/passwd'])).toBe('default');
  });

  it('live in RTFS_CACHE_DIR, else under XDG_CACHE_HOME, else ~/.cache', () => {
    expect(cacheDirectory({ RTFS_CACHE_DIR: '/c' })).toBe('/c');
    expect(cacheDirectory({ XDG_CACHE_HOME: '/x' })).toBe(join('/x', 'rtfs-ts'));
    expect(cacheDirectory({})).toMatch(/[/\\]\.cache[/\\]rtfs-ts$/);
  });

  it('are keyed by the build id, and off without one or when turned off', () => {
    const c = openCodeCache(SOURCE, 'run', { RTFS_CACHE_DIR: dir });
    expect(c.path).toBe(join(dir, `run-0123456789abcdef-${process.version}-${process.arch}.v8`));
    expect(c.data).toBeUndefined();
    expect(openCodeCache('module.exports = 1;\n', 'run', { RTFS_CACHE_DIR: dir }).path).toBe(
      undefined,
    );
    for (const off of ['0', 'off']) {
      expect(openCodeCache(SOURCE, 'run', { RTFS_CACHE_DIR: dir, RTFS_CODE_CACHE: off }).path).toBe(
        undefined,
      );
    }
  });

  it('are saved whole, keep the four newest builds of a command, and read back', () => {
    for (let i = 0; i < 5; i++) {
      const f = join(dir, `run-fffffffffffffff${i}-v1-x.v8`);
      writeFileSync(f, 'old');
      utimesSync(f, 1000 + i, 1000 + i);
    }
    writeFileSync(join(dir, 'plan-ffffffffffffffff-v1-x.v8'), 'other command');
    const c = openCodeCache(SOURCE, 'run', { RTFS_CACHE_DIR: dir });
    saveCodeCache(c.path as string, Buffer.from('bytes'));
    expect(readdirSync(dir).sort()).toEqual([
      'plan-ffffffffffffffff-v1-x.v8',
      `run-0123456789abcdef-${process.version}-${process.arch}.v8`,
      'run-fffffffffffffff2-v1-x.v8',
      'run-fffffffffffffff3-v1-x.v8',
      'run-fffffffffffffff4-v1-x.v8',
    ]);
    expect(statSync(c.path as string).mode & 0o777).toBe(0o600);
    expect(openCodeCache(SOURCE, 'run', { RTFS_CACHE_DIR: dir }).data?.toString()).toBe('bytes');
  });

  it.skipIf(process.getuid === undefined)('ignores a file others can write', () => {
    const c = openCodeCache(SOURCE, 'run', { RTFS_CACHE_DIR: dir });
    saveCodeCache(c.path as string, Buffer.from('bytes'));
    chmodSync(c.path as string, 0o666);
    expect(openCodeCache(SOURCE, 'run', { RTFS_CACHE_DIR: dir }).data).toBeUndefined();
  });

  it('is off when the directory cannot be made, and never fails a run', () => {
    const file = join(dir, 'not-a-dir');
    writeFileSync(file, '');
    expect(openCodeCache(SOURCE, 'run', { RTFS_CACHE_DIR: join(file, 'sub') }).path).toBe(
      undefined,
    );
    expect(() => saveCodeCache(join(file, 'run-x.v8'), Buffer.from('b'))).not.toThrow();
    expect(rtfs(['eval', '(+ 1 2)'], { env: { RTFS_CACHE_DIR: join(file, 'sub') } })).toMatchObject(
      { code: 0, stdout: '3\n' },
    );
  });

  it.skipIf(process.getuid === undefined)('is off when the directory is writable by others', () => {
    chmodSync(dir, 0o777);
    expect(openCodeCache(SOURCE, 'run', { RTFS_CACHE_DIR: dir }).path).toBe(undefined);
  });
});

describe('rtfs through the code cache', () => {
  const env = (): Record<string, string> => ({ RTFS_CACHE_DIR: dir });

  it('writes the cache on the first run and reuses it unchanged after', () => {
    expect(rtfs(['eval', '(+ 1 2)'], { env: env() }).stdout).toBe('3\n');
    const [file] = readdirSync(dir);
    expect(file).toMatch(/^eval-[0-9a-f]{16}-v\d+\.\d+\.\d+-\w+\.v8$/);
    const path = join(dir, file as string);
    const before = statSync(path).mtimeMs;
    // A cache V8 accepts is not written again.
    const again = rtfs(['eval', '(str "a" 1)'], { env: env() });
    expect(again).toMatchObject({ code: 0, stdout: '"a1"\n' });
    expect(statSync(path).mtimeMs).toBe(before);
  });

  it('keeps a cache with the compiled tier once a run loads it, which later runs use', () => {
    const hot = ['eval', '(loop [i 0 acc 0] (if (< i 20000) (recur (inc i) (+ acc i)) acc))'];
    expect(rtfs(['eval', '(+ 1 2)'], { env: env() }).stdout).toBe('3\n');
    expect(readdirSync(dir)).toEqual([expect.stringMatching(/^eval-/)]);
    expect(rtfs(hot, { env: env() }).stdout).toBe('199990000\n');
    const files = readdirSync(dir).sort();
    expect(files).toEqual([expect.stringMatching(/^eval-/), expect.stringMatching(/^eval\.jit-/)]);
    const tier = join(dir, files[1] as string);
    const base = join(dir, files[0] as string);
    expect(statSync(tier).size).toBeGreaterThan(statSync(base).size);
    const before = [statSync(base).mtimeMs, statSync(tier).mtimeMs];
    // Later runs, hot or not, read the tier's cache and write nothing.
    expect(rtfs(['eval', '(+ 1 2)'], { env: env() }).stdout).toBe('3\n');
    expect(rtfs(hot, { env: env() }).stdout).toBe('199990000\n');
    expect([statSync(base).mtimeMs, statSync(tier).mtimeMs]).toEqual(before);
    // A damaged tier cache is replaced, and the run is the same.
    writeFileSync(tier, Buffer.alloc(4096, 7), { mode: 0o600 });
    expect(rtfs(['eval', '(+ 1 2)'], { env: env() }).stdout).toBe('3\n');
    expect(statSync(tier).size).toBeGreaterThan(4096);
  });

  it('runs the same with a corrupt cache, and replaces it', () => {
    rtfs(['eval', '1'], { env: env() });
    const path = join(dir, readdirSync(dir)[0] as string);
    writeFileSync(path, Buffer.alloc(4096, 7), { mode: 0o600 });
    expect(rtfs(['eval', '(+ 1 2)'], { env: env() })).toMatchObject({ code: 0, stdout: '3\n' });
    expect(statSync(path).size).toBeGreaterThan(4096);
  });

  it('keeps no cache for a usage error (a mistyped command)', () => {
    expect(rtfs(['frobnicate'], { env: env() }).code).toBe(2);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('reports errors (with positions) as it does without a cache', () => {
    const bad = ['eval', '(+ 1'];
    const off = rtfs(bad, { env: { RTFS_CODE_CACHE: '0' } });
    expect(off.code).toBe(1);
    for (let i = 0; i < 2; i++) expect(rtfs(bad, { env: env() })).toEqual(off);
  });
});

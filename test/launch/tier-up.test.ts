/**
 * V8's tier-up budget per command (src/launch/tier-up.ts, ADR 0031): the toolchain's
 * batch commands run with a larger budget, under a code cache of their own when V8's
 * defaults are asked for; the output never depends on it.
 */
import { describe, it, expect } from 'vitest';
import { mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  BATCH_INTERRUPT_BUDGET,
  BATCH_SEMI_SPACE_GROWTH,
  cacheKey,
  isBatchCommand,
  tuneTierUp,
} from '../../src/launch/tier-up.js';
import { rtfs } from '../cli/run-cli.js';

describe('the tier-up budget', () => {
  it('is raised for batch commands only', () => {
    for (const c of ['plan', 'fmt', 'check', 'read', 'chain', 'compile'])
      expect(isBatchCommand(c)).toBe(true);
    for (const c of ['run', 'eval', 'repl', 'lsp', 'default', 'help'])
      expect(isBatchCommand(c)).toBe(false);
  });

  it('sets the budget and the young generation growth for a batch command, nothing otherwise', () => {
    const set: string[] = [];
    const v8 = () => ({ setFlagsFromString: (f: string) => void set.push(f) });
    expect(tuneTierUp('plan', {}, v8)).toBe(true);
    expect(set).toEqual([
      `--interrupt-budget=${BATCH_INTERRUPT_BUDGET}`,
      `--semi-space-growth-factor=${BATCH_SEMI_SPACE_GROWTH}`,
    ]);
    set.length = 0;
    expect(tuneTierUp('run', {}, v8)).toBe(false);
    expect(tuneTierUp('plan', { RTFS_V8_DEFAULTS: '1' }, v8)).toBe(false);
    expect(set).toEqual([]);
  });

  it('gives a batch command run with V8 defaults a cache key of its own', () => {
    expect(cacheKey('plan', true)).toBe('plan');
    expect(cacheKey('plan', false)).toBe('plan.v8defaults');
    expect(cacheKey('run', false)).toBe('run');
  });

  it('changes no output, and each flag set keeps its cache', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rtfs-tier-'));
    const src = ['read', '-'];
    const input = '(defn f [x] (* x 2)) {:a 1}\n';
    const tuned = rtfs(src, { env: { RTFS_CACHE_DIR: dir }, input });
    const plain = rtfs(src, { env: { RTFS_CACHE_DIR: dir, RTFS_V8_DEFAULTS: '1' }, input });
    expect(tuned.code).toBe(0);
    expect(plain).toEqual(tuned);
    const files = readdirSync(dir).sort();
    expect(files).toHaveLength(2);
    expect(files[0]).toMatch(/^read-/);
    expect(files[1]).toMatch(/^read\.v8defaults-/);
    // Both caches are accepted on the next runs (V8 would reject one made under other flags).
    const times = files.map((f) => statSync(join(dir, f)).mtimeMs);
    rtfs(src, { env: { RTFS_CACHE_DIR: dir }, input });
    rtfs(src, { env: { RTFS_CACHE_DIR: dir, RTFS_V8_DEFAULTS: '1' }, input });
    expect(files.map((f) => statSync(join(dir, f)).mtimeMs)).toEqual(times);
  });
});

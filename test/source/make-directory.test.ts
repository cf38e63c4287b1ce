import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeDirectory } from '../../src/source/make-directory.js';

describe('makeDirectory', () => {
  it('makes missing ancestors, with the mode given, and accepts an existing directory', () => {
    const root = mkdtempSync(join(tmpdir(), 'rtfs-mkdir-'));
    try {
      const deep = join(root, 'a', 'b', 'c');
      makeDirectory(deep, 0o700);
      expect(statSync(deep).isDirectory()).toBe(true);
      expect(statSync(join(root, 'a')).mode & 0o777).toBe(0o700);
      makeDirectory(deep);
      makeDirectory(root);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('throws when a file is in the way', () => {
    const root = mkdtempSync(join(tmpdir(), 'rtfs-mkdir-'));
    try {
      writeFileSync(join(root, 'f'), '');
      expect(() => makeDirectory(join(root, 'f'))).toThrow(/EEXIST/);
      expect(() => makeDirectory(join(root, 'f', 'x'))).toThrow(/EEXIST|ENOTDIR/);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  // Node 20's mkdirSync(…, { recursive: true }) loops forever here.
  it.runIf(existsSync('/proc/self'))(
    'throws, not loops, where the parent refuses a child (/proc)',
    () => {
      expect(() => makeDirectory('/proc/rtfs-no-such/x')).toThrow(/ENOENT/);
    },
  );
});

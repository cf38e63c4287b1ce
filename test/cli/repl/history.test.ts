import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadHistory, mergeLastLines, saveHistory } from '../../../src/cli/repl/history.js';

describe('REPL history', () => {
  it('keeps a multi-line form as one entry, in the file and back', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rtfs-history-'));
    const file = join(dir, 'history');
    // readline's order: newest first; the last three lines typed were one form.
    const h = ['  (* x x))', '(defn sq [x]', '(+ 1 2)'];
    mergeLastLines(h, ['(defn sq [x]', '  (* x x))']);
    expect(h).toEqual(['(defn sq [x]\n  (* x x))', '(+ 1 2)']);
    expect(saveHistory(file, h)).toBeUndefined();
    expect(readFileSync(file, 'utf8')).toBe('(+ 1 2)\n#json "(defn sq [x]\\n  (* x x))"\n');
    expect(loadHistory(file)).toEqual(h);
    rmSync(dir, { recursive: true, force: true });
  });

  it('reads a line that only looks like an encoded entry as it is', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rtfs-history-'));
    const file = join(dir, 'history');
    saveHistory(file, ['#json not json']);
    expect(loadHistory(file)).toEqual(['#json not json']);
    rmSync(dir, { recursive: true, force: true });
  });
});

import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  directlyWritable,
  directWriter,
  isTerminal,
  type FallbackStream,
  type WriteBytes,
} from '../../src/host/direct-stdout.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'rtfs-direct-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function errno(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(code), { code });
}

/** A stream that records what it is given, as text. */
function recorder(): FallbackStream & { readonly chunks: string[] } {
  const chunks: string[] = [];
  return {
    chunks,
    write(chunk) {
      chunks.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
    },
  };
}

describe('directlyWritable and isTerminal', () => {
  it('take a file for directly writable and no terminal', () => {
    const fd = openSync(join(dir, 'out.txt'), 'w');
    try {
      expect(directlyWritable(fd)).toBe(true);
      expect(isTerminal(fd)).toBe(false);
    } finally {
      closeSync(fd);
    }
  });

  it('say no for a descriptor that is not open', () => {
    const fd = openSync(join(dir, 'closed.txt'), 'w');
    closeSync(fd);
    expect(directlyWritable(fd)).toBe(false);
    expect(isTerminal(fd)).toBe(false);
  });
});

describe('directWriter', () => {
  it('writes every text to the descriptor, in order, as UTF-8', () => {
    const path = join(dir, 'out.txt');
    const fd = openSync(path, 'w');
    const fallback = recorder();
    try {
      const w = directWriter(fd, () => fallback);
      w.write('3\n');
      w.write('');
      w.write('λ "é"\n');
    } finally {
      closeSync(fd);
    }
    expect(readFileSync(path, 'utf8')).toBe('3\nλ "é"\n');
    expect(fallback.chunks).toEqual([]);
  });

  it('goes on after a partial write', () => {
    const written: string[] = [];
    const twoAtATime: WriteBytes = (_fd, bytes, offset) => {
      const n = Math.min(2, bytes.length - offset);
      written.push(Buffer.from(bytes.subarray(offset, offset + n)).toString('utf8'));
      return n;
    };
    directWriter(1, () => recorder(), twoAtATime).write('hello');
    expect(written).toEqual(['he', 'll', 'o']);
  });

  it('hands the rest and every later text to the stream from the first EAGAIN on', () => {
    const fallback = recorder();
    let opened = 0;
    let calls = 0;
    const fullAfterThree: WriteBytes = () => {
      calls++;
      if (calls === 1) return 3;
      throw errno('EAGAIN');
    };
    const w = directWriter(
      1,
      () => {
        opened++;
        return fallback;
      },
      fullAfterThree,
    );
    w.write('abcdef');
    w.write('gh');
    expect(fallback.chunks).toEqual(['def', 'gh']);
    expect(opened).toBe(1);
    expect(calls).toBe(2);
  });

  it('throws other write errors to the caller', () => {
    const closed: WriteBytes = () => {
      throw errno('EPIPE');
    };
    expect(() => directWriter(1, () => recorder(), closed).write('x')).toThrow('EPIPE');
  });
});

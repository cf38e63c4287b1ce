/**
 * Items 6 and 8 (read grants) of issue 15. `ccos.fs.read` opens first and checks what
 * it opened, so a symlink swapped between the check and the read cannot lead outside
 * the granted directory (the old realpath-check-then-read let 14 of 3,000 reads
 * escape). `--allow-read ""` is refused instead of granting the current directory,
 * and `--allow-read /` grants everything below `/`.
 */
import { describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ccosCapabilities } from '../../src/host/builtin/ccos.js';
import { RtfsError } from '../../src/runtime/index.js';
import type { Capability } from '../../src/host/index.js';
import { tempDir } from '../audit/helpers.js';
import { rtfs } from '../cli/run-cli.js';

function reader(roots: string[]): (path: string) => string {
  const caps = ccosCapabilities({ log: () => undefined, readRoots: roots });
  const cap = caps.find((c) => c.id === 'ccos.fs.read') as Capability;
  return (path) => cap.impl(path, undefined as never) as string;
}

const READS = 3000;

describe('ccos.fs.read: no check-then-use race', () => {
  it(`${READS} reads while a symlink (file and directory) flips in and out of the root`, async () => {
    const base = tempDir('fsrace');
    const root = join(base, 'root');
    const outside = join(base, 'outside');
    mkdirSync(join(root, 'in'), { recursive: true });
    mkdirSync(outside);
    writeFileSync(join(root, 'in', 'f.txt'), 'inside');
    writeFileSync(join(outside, 'f.txt'), 'SECRET');
    symlinkSync(join(root, 'in', 'f.txt'), join(root, 'file'));
    // A separate process swaps, as fast as it can, a real directory of the root for a
    // symlink to the outside (root/in), and a file symlink between inside and outside.
    const flipper = spawn(process.execPath, [
      '-e',
      `const fs = require('fs'), p = require('path');
       const [root, outside] = process.argv.slice(1);
       const dir = p.join(root, 'in'), hidden = p.join(root, 'in.real');
       for (let i = 0; ; i++) {
         fs.renameSync(dir, hidden);
         fs.symlinkSync(outside, dir);
         fs.symlinkSync(p.join(outside, 'f.txt'), p.join(root, 'file.tmp'));
         fs.renameSync(p.join(root, 'file.tmp'), p.join(root, 'file'));
         fs.unlinkSync(dir);
         fs.renameSync(hidden, dir);
         fs.symlinkSync(p.join(dir, 'f.txt'), p.join(root, 'file.tmp'));
         fs.renameSync(p.join(root, 'file.tmp'), p.join(root, 'file'));
       }`,
      root,
      outside,
    ]);
    await new Promise((r) => setTimeout(r, 150));
    const read = reader([root]);
    const seen = { inside: 0, denied: 0, escaped: 0, other: 0 };
    try {
      for (let i = 0; i < READS; i++) {
        const path = i % 2 === 0 ? join(root, 'in', 'f.txt') : join(root, 'file');
        try {
          const t = read(path);
          if (t === 'inside') seen.inside++;
          else if (t === 'SECRET') seen.escaped++;
          else seen.other++;
        } catch (e) {
          // capability/failed: the name did not exist at that instant (mid-swap).
          if (e instanceof RtfsError && e.code === 'capability/denied') seen.denied++;
          else seen.other++;
        }
        if (i % 100 === 99) await new Promise((r) => setImmediate(r));
      }
    } finally {
      flipper.kill('SIGKILL');
    }
    console.log(`fs.read race: ${READS} reads, ${JSON.stringify(seen)}`);
    expect(seen.escaped).toBe(0);
    // The race was real: both outcomes happened.
    expect(seen.inside).toBeGreaterThan(0);
    expect(seen.denied).toBeGreaterThan(0);
  }, 60_000);

  it('only regular files are read; FIFOs and directories fail at once', () => {
    const base = tempDir('fsfifo');
    mkdirSync(join(base, 'd'));
    const read = reader([base]);
    expect(() => read(join(base, 'd'))).toThrow(/not a regular file/);
    const fifo = join(base, 'fifo');
    if (spawnSync('mkfifo', [fifo]).status === 0)
      expect(() => read(fifo)).toThrow(/not a regular file/);
  });
});

describe('read grants', () => {
  it('--allow-read "" is a usage error; the API refuses an empty root', () => {
    const base = tempDir('fsgrant');
    const prog = join(base, 'p.rtfs');
    writeFileSync(prog, `(call "ccos.fs.read" "${prog}")`);
    const r = rtfs(['run', prog, '--allow', '*', '--allow-read', '']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("'.' for the current directory");
    expect(() => reader([''])).toThrow(/not a directory/);
  });

  it('--allow-read / grants files anywhere', () => {
    const base = tempDir('fsroot');
    const f = join(base, 'x.txt');
    writeFileSync(f, 'anywhere');
    expect(reader(['/'])(f)).toBe('anywhere');
    const prog = join(base, 'p.rtfs');
    writeFileSync(prog, `(call "ccos.fs.read" "${f}")`);
    const r = rtfs(['run', prog, '--allow', '*', '--allow-read', '/']);
    expect(r.stdout).toBe('"anywhere"\n');
    expect(r.code).toBe(0);
  });
});

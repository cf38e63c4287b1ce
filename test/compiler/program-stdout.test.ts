/**
 * A compiled module writes standard output directly when it is a pipe or a file
 * (src/compiler/program-stdout.ts, ADR 0052): the same text in the same order as through
 * Node's stream, without creating the stream (node:net, node:stream) for a pipe.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rtfs, root } from '../cli/run-cli.js';

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'rtfs-program-stdout-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const PROGRAM = '(println "a")\n(println "b" 1)\n[1 "two" :three]\n';
const PRINTED = 'a\nb 1\n[1 "two" :three]\n';

function compiled(): string {
  const out = join(dir, 'out.mjs');
  expect(rtfs(['compile', '-', '-o', out], { input: PROGRAM }).code).toBe(0);
  return out;
}

describe("a compiled module's standard output", () => {
  it('goes to a pipe directly, in order, without node:net or node:stream', () => {
    const out = compiled();
    const probe = join(dir, 'probe.cjs');
    writeFileSync(
      probe,
      "process.on('exit', () => { const l = JSON.stringify(process.moduleLoadList.filter((m) => /^NativeModule (net|stream)$/.test(m))); require('node:fs').writeSync(2, l); });",
    );
    const r = spawnSync(process.execPath, ['-r', probe, out], { cwd: root, encoding: 'utf8' });
    expect(r.stdout).toBe(PRINTED);
    expect(JSON.parse(r.stderr)).toEqual([]);
    expect(rtfs(['run', '-'], { input: PROGRAM }).stdout).toBe(PRINTED);
  });

  it('goes to a file directly', () => {
    const out = compiled();
    const file = join(dir, 'stdout.txt');
    const fd = openSync(file, 'w');
    try {
      const r = spawnSync(process.execPath, [out], { cwd: root, stdio: ['ignore', fd, 'pipe'] });
      expect(r.status).toBe(0);
    } finally {
      closeSync(fd);
    }
    expect(readFileSync(file, 'utf8')).toBe(PRINTED);
  });
});

/**
 * `rtfs run FILE --report run.html`: the run's HTML report, from its --chain directory
 * or from a temporary chain; a failed run still gets its report and exits 1.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { rtfs } from './run-cli.js';

const tmp = mkdtempSync(join(tmpdir(), 'rtfs-run-report-test-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function program(name: string, text: string): string {
  const file = join(tmp, name);
  writeFileSync(file, text);
  return file;
}

describe('rtfs run --report', () => {
  it('writes the report of a run without --chain (a temporary chain)', () => {
    const file = program(
      'ok.rtfs',
      '(step "greet" (call "ccos.echo" "hi"))\n(step "sum" (+ 1 2))\n',
    );
    const out = join(tmp, 'ok.html');
    const r = rtfs(['run', file, '--allow', 'ccos.echo', '--report', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('3\n');
    expect(r.stderr).toMatch(/^hi\nReport: .*ok\.html \(\d+(\.\d)? KB\)\n$/);
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('greet');
    expect(html).toContain('ccos.echo');
    expect(html).toContain('temporary: give --chain DIR to keep the chain');
  });

  it('uses the run’s --chain, and a failed run exits 1 with its report', () => {
    const file = program('fail.rtfs', '(step "boom" (/ 1 0))\n');
    const out = join(tmp, 'fail.html');
    const chain = join(tmp, 'chain');
    const r = rtfs(['run', file, '--chain', chain, '--report', out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('runtime/division-by-zero');
    expect(r.stderr).toMatch(/Report: .*fail\.html/);
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('boom');
    expect(html).toContain('runtime/division-by-zero');
    expect(html).toContain(chain);
    expect(existsSync(join(chain))).toBe(true);
  });

  it('refuses - (stdout is the program’s output) before running', () => {
    const file = program('dash.rtfs', '(println "ran")\n');
    const r = rtfs(['run', file, '--report', '-']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('--report takes a file name');
  });
});

/** `rtfs repl` without a terminal: line by line, no prompts, no colours. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rtfs } from '../run-cli.js';
import { historyFile, loadHistory, saveHistory } from '../../../src/cli/repl/index.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'rtfs-repl-pipe-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('rtfs repl with piped input', () => {
  it('evaluates multi-line input in order and prints only values and errors', () => {
    const r = rtfs(['repl'], {
      input: '(defn sq [x]\n  (* x x))\n(sq 3) (sq 4)\n:type sq\n(sq "a")\n(sq 5)\n',
      env: { RTFS_HISTORY: join(dir, 'h') },
    });
    expect(r.stdout).toBe('#<fn sq>\n9\n16\nfn sq [x]  (not annotated)\n25\n');
    expect(r.stderr).toContain('<repl>:2:3: runtime/type-error');
    // An input failed: exit 1, as `rtfs run` would.
    expect(r.code).toBe(1);
  });

  it('exits 0 when every input succeeded, and at :quit', () => {
    const r = rtfs(['repl'], { input: '(+ 1 2)\n:quit\n(this is never read)\n' });
    expect(r).toMatchObject({ code: 0, stdout: '3\n', stderr: '' });
  });

  it('grants capabilities with the host options and records to --chain', () => {
    const chain = join(dir, 'chain');
    const r = rtfs(['repl', '--allow', 'ccos.echo', '--chain', chain], {
      input: '(call "ccos.echo" {:message "x"})\n(call "ccos.io.log" {:message "y"})\n:caps\n',
    });
    expect(r.stdout).toContain('"x"\n');
    expect(r.stdout).toContain('ccos.echo  [pure] allow ccos.echo');
    expect(r.stderr).toContain('capability/');
    expect(rtfs(['chain', 'verify', chain]).code).toBe(0);
    expect(rtfs(['chain', 'show', chain, '--tree']).stdout).toContain('CapabilityCall ccos.echo');
  });

  it('--trace prints each input as a tree on stderr', () => {
    const r = rtfs(['repl', '--trace', '--allow', 'ccos.echo'], {
      input: '(call "ccos.echo" {:message "t"})\n',
    });
    expect(r.stdout).toBe('"t"\n');
    expect(r.stderr).toMatch(/PlanStarted <repl> #\d+\n├─ CapabilityCall ccos\.echo/);
  });

  it('is a usage error when the policy file cannot be read', () => {
    const r = rtfs(['repl', '--policy', join(dir, 'nope.rtfs')], { input: '1\n' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('cannot read policy file');
  });
});

describe('history file', () => {
  it('is RTFS_HISTORY when set, else ~/.rtfs_history', () => {
    expect(historyFile({ RTFS_HISTORY: '/tmp/h' })).toBe('/tmp/h');
    expect(historyFile({})).toMatch(/\.rtfs_history$/);
  });

  it('saves oldest first and loads newest first, keeping the last 1000', () => {
    const file = join(dir, 'h');
    expect(loadHistory(file)).toEqual([]);
    expect(saveHistory(file, ['(c)', '(b)', '(a)'])).toBeUndefined();
    expect(readFileSync(file, 'utf8')).toBe('(a)\n(b)\n(c)\n');
    expect(loadHistory(file)).toEqual(['(c)', '(b)', '(a)']);
    writeFileSync(file, Array.from({ length: 1500 }, (_, i) => `(${i})`).join('\n'));
    const h = loadHistory(file);
    expect(h).toHaveLength(1000);
    expect(h[0]).toBe('(1499)');
    expect(saveHistory(join(dir, 'no', 'such', 'dir'), ['x'])).toContain('cannot save the history');
  });
});

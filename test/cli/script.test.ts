/**
 * Script conveniences, as nbb and babashka have them: a `#!` first line, `rtfs FILE
 * arg…` (so `#!/usr/bin/env rtfs` scripts are executable), `*command-line-args*`, and
 * `rtfs` alone opening the REPL on a terminal (help on stderr otherwise).
 */
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { rtfs, root } from './run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'rtfs-script-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const SCRIPT = join(dir, 'greet.rtfs');
writeFileSync(
  SCRIPT,
  '#!/usr/bin/env rtfs\n;; greets everyone named on the command line\n' +
    '(doseq [who *command-line-args*] (println "hello" who))\n(count *command-line-args*)\n',
);

describe('scripts', () => {
  it('ignores a #! first line', () => {
    const r = rtfs(['run', SCRIPT]);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('0\n');
  });

  it('binds the arguments after the file to *command-line-args* (a list of strings)', () => {
    const r = rtfs(['run', SCRIPT, 'Ada', 'Bob']);
    expect(r.stdout).toBe('hello Ada\nhello Bob\n2\n');
    const shown = rtfs(['run', '-', 'x', '42'], { input: '*command-line-args*' });
    expect(shown.stdout).toBe('("x" "42")\n');
  });

  it('passes arguments that look like options after --, and still parses rtfs options', () => {
    const r = rtfs(['run', '-', '--allow', 'core.data.*', 'a', '--', '--verbose', '-n'], {
      input: '[*command-line-args* (call "core.data.count" {:items [1 2]})]',
    });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('[("a" "--verbose" "-n") 2]\n');
  });

  it('binds nil without arguments, and in rtfs eval', () => {
    expect(rtfs(['run', '-'], { input: '*command-line-args*' }).stdout).toBe('nil\n');
    expect(rtfs(['eval', '(nil? *command-line-args*)']).stdout).toBe('true\n');
  });

  it('runs a file given instead of a command: rtfs FILE arg…', () => {
    const r = rtfs([SCRIPT, 'Cy']);
    expect(r.stdout).toBe('hello Cy\n1\n');
    const missing = rtfs(['no-such-script.rtfs']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("cannot read 'no-such-script.rtfs'");
  });

  it('runs as an executable through #!/usr/bin/env rtfs', () => {
    const bin = join(dir, 'bin');
    spawnSync('mkdir', ['-p', bin]);
    writeFileSync(
      join(bin, 'rtfs'),
      `#!/bin/sh\nexec "${process.execPath}" "${join(root, 'bin', 'rtfs.js')}" "$@"\n`,
    );
    chmodSync(join(bin, 'rtfs'), 0o755);
    chmodSync(SCRIPT, 0o755);
    const r = spawnSync(SCRIPT, ['Dee'], {
      encoding: 'utf8',
      env: { ...process.env, PATH: `${bin}:${process.env.PATH ?? ''}` },
    });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('hello Dee\n1\n');
  });

  it('binds them in a compiled program too (node OUT.mjs arg…)', () => {
    const out = join(dir, 'greet.mjs');
    expect(rtfs(['compile', SCRIPT, '-o', out]).code).toBe(0);
    const r = spawnSync(process.execPath, [out, 'Eve', '--', '--loud'], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('hello Eve\nhello --loud\n2\n');
  });

  it('keeps the #! line when formatting', () => {
    const r = rtfs(['fmt', SCRIPT]);
    expect(r.stdout.startsWith('#!/usr/bin/env rtfs\n;; greets')).toBe(true);
    expect(rtfs(['check', SCRIPT]).code).toBe(0);
  });
});

describe('rtfs with no arguments', () => {
  it('prints the help on stderr when not on a terminal (exit 2)', () => {
    const r = rtfs([]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('Usage: rtfs [options] [command]');
  });

  const python = spawnSync('python3', ['-c', 'import os, pty; os.close(os.openpty()[0])']);
  it.skipIf(python.error !== undefined || python.status !== 0)(
    'opens the REPL on a terminal',
    { timeout: 120_000 },
    async () => {
      const driver = join(root, 'test', 'cli', 'repl', 'pty-driver.py');
      const child = spawn('python3', [driver, process.execPath, join(root, 'bin', 'rtfs.js')], {
        cwd: dir,
        env: { ...process.env, TERM: 'xterm-256color', HOME: dir, RTFS_HISTORY: join(dir, 'h') },
      });
      let screen = '';
      const seen = (text: string): Promise<void> =>
        new Promise((resolve, reject) => {
          const timer = setTimeout(() => reject(new Error(`no ${text} in:\n${screen}`)), 60_000);
          const check = (): void => {
            // eslint-disable-next-line no-control-regex
            if (screen.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '').includes(text)) {
              clearTimeout(timer);
              resolve();
            }
          };
          child.stdout.on('data', check);
          check();
        });
      child.stdout.on('data', (b: Buffer) => (screen += b.toString('utf8')));
      await seen('rtfs> ');
      child.stdin.write('(+ 40 2)\r');
      await seen('42');
      child.stdin.write('\x04');
      const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
      expect(code).toBe(0);
    },
  );
});

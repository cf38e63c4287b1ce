import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { rtfs } from './run-cli.js';

const ESC = '\u001b[';

const VALID = 'test/cli/fixtures/valid.rtfs';
const ERRORS = 'test/cli/fixtures/errors.rtfs';

describe('rtfs read', () => {
  it('prints each top-level form canonically, one per line', () => {
    const r = rtfs(['read', VALID]);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('(defn inc2 [x] (+ x 2))\n{:a 1 :b [2.5 "s"]}\n');
    expect(r.code).toBe(0);
  });

  it('reads the quick-start example', () => {
    const r = rtfs(['read', 'examples/hello.rtfs']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('(defn greet [name] (str "Hello, " name "!"))');
    expect(r.stdout).toContain('(def doubled (map (fn [%1] (* 2 %1)) [1 2 3]))');
  });

  it('reads stdin when given - or no file', () => {
    expect(rtfs(['read', '-'], { input: '(+ 1 2) :k' }).stdout).toBe('(+ 1 2)\n:k\n');
    const r = rtfs(['read'], { input: '[1 2.0]' });
    expect(r.stdout).toBe('[1 2.0]\n');
    expect(r.code).toBe(0);
  });

  it('reads several files in order', () => {
    const r = rtfs(['read', VALID, '-'], { input: 'nil' });
    expect(r.stdout.trim().split('\n')).toHaveLength(3);
    expect(r.stdout.endsWith('nil\n')).toBe(true);
  });

  it('reports diagnostics with excerpt and caret on stderr and exits 1', () => {
    const r = rtfs(['read', ERRORS]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`error: ${ERRORS}:2:10: syntax/mismatched-delimiter:`);
    expect(r.stderr).toContain('  2 |   (+ x 1))\n    |          ^\n');
    expect(r.stderr).not.toContain(ESC);
  });

  it('still prints the forms of valid files when another file has errors', () => {
    const r = rtfs(['read', VALID, ERRORS]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('(defn inc2 [x] (+ x 2))');
    expect(r.stderr).toContain(ERRORS);
  });
});

describe('rtfs read --check', () => {
  it('prints file:line:col: code: message with the excerpt and exits 1', () => {
    const r = rtfs(['read', '--check', ERRORS]);
    expect(r.code).toBe(1);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe(
      `${ERRORS}:2:10: syntax/mismatched-delimiter: expected ']' to close '[' at 1:6, found ')'`,
    );
    expect(lines[1]).toBe('  2 |   (+ x 1))');
    expect(lines[2]).toBe('    |          ^');
    expect(r.stdout).toContain(`${ERRORS}:3:5: syntax/mismatched-delimiter:`);
  });

  it('prints nothing and exits 0 for valid input', () => {
    const r = rtfs(['read', '--check', VALID]);
    expect(r).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('names stdin <stdin>', () => {
    const r = rtfs(['read', '--check'], { input: '\n  "abc' });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^<stdin>:2:3: syntax\/unterminated-string: /);
  });
});

describe('usage errors exit 2', () => {
  it('names a missing file', () => {
    const r = rtfs(['read', 'no/such/file.rtfs']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe("error: cannot read 'no/such/file.rtfs': no such file\n");
  });

  it('prints nothing for the other files when one is missing', () => {
    const r = rtfs(['read', VALID, 'missing.rtfs']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
  });

  it('rejects a directory', () => {
    const r = rtfs(['read', 'test']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("cannot read 'test': it is a directory");
  });

  it('rejects unknown options and commands', () => {
    const opt = rtfs(['read', '--frobnicate', VALID]);
    expect(opt.code).toBe(2);
    expect(opt.stderr).toContain("unknown option '--frobnicate'");
    const cmd = rtfs(['frobnicate']);
    expect(cmd.code).toBe(2);
    expect(cmd.stderr).toContain("unknown command 'frobnicate'");
  });

  it('rejects --json with --check', () => {
    const r = rtfs(['read', '--json', '--check', VALID]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cannot be used with/);
  });

  it('shows help on stderr when no command is given', () => {
    const r = rtfs([]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Usage: rtfs');
  });
});

describe('colours', () => {
  it('are off when output is not a terminal', () => {
    expect(rtfs(['read', ERRORS]).stderr).not.toContain(ESC);
  });

  it('are on with FORCE_COLOR, and off again with --no-color or NO_COLOR', () => {
    expect(rtfs(['read', ERRORS], { env: { FORCE_COLOR: '1' } }).stderr).toContain(ESC);
    const flag = rtfs(['--no-color', 'read', ERRORS], { env: { FORCE_COLOR: '1' } });
    expect(flag.stderr).not.toContain(ESC);
    const flagAfter = rtfs(['read', '--no-color', ERRORS], { env: { FORCE_COLOR: '1' } });
    expect(flagAfter.stderr).not.toContain(ESC);
    const env = rtfs(['read', ERRORS], { env: { FORCE_COLOR: '1', NO_COLOR: '1' } });
    expect(env.stderr).not.toContain(ESC);
  });
});

describe('help and version', () => {
  it('rtfs --help lists the commands and the exit codes', () => {
    const r = rtfs(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Usage: rtfs [options] [command]');
    expect(r.stdout).toMatch(/read \[options\] \[files\.\.\.\]/);
    expect(r.stdout).toContain('Exit codes:');
    expect(r.stdout).toMatch(/2 {2}usage error/);
  });

  it.each([
    ['read', '--help'],
    ['help', 'read'],
  ])('rtfs %s %s documents read', (...args) => {
    const r = rtfs(args);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Usage: rtfs read [options] [files...]');
    expect(r.stdout).toContain('--json');
    expect(r.stdout).toContain('--check');
    expect(r.stdout).toContain('Exit codes:');
  });

  it('rtfs --version prints the package version', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
    const r = rtfs(['--version']);
    expect(r).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: '' });
  });
});

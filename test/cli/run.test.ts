import { describe, expect, it } from 'vitest';
import { rtfs } from './run-cli.js';

describe('rtfs run', () => {
  it('prints println output, then the last value', () => {
    const r = rtfs(['run', 'test/cli/fixtures/program.rtfs']);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('areas: [1 4 9]\n16\n');
    expect(r.code).toBe(0);
  });

  it('reads the program from stdin with -', () => {
    const r = rtfs(['run', '-'], { input: '(def x 20) (+ x 22)' });
    expect(r.stdout).toBe('42\n');
  });

  it('reports a runtime error with position, excerpt and stack on stderr, exit 1', () => {
    const r = rtfs(['run', '-'], { input: '(defn half [x] (/ x 0))\n(half 4)' });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('<stdin>:1:16: runtime/division-by-zero: division by zero');
    expect(r.stderr).toContain('at half (<stdin>:2:1)');
  });

  it('reports syntax errors as diagnostics, exit 1', () => {
    const r = rtfs(['run', '-'], { input: '(+ 1' });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('syntax/unclosed-delimiter');
  });

  it('uses --path for modules', () => {
    const r = rtfs(['run', '-', '--path', 'test/cli/fixtures'], {
      input: '(import mods/shapes :only [square]) (square 5)',
    });
    expect(r.stdout).toBe('25\n');
  });

  it('exits 2 for a missing file', () => {
    const r = rtfs(['run', 'no/such/file.rtfs']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no/such/file.rtfs');
  });
});

describe('rtfs eval', () => {
  it('evaluates text from the command line', () => {
    const r = rtfs(['eval', '(defn sq [x] (* x x)) (-> 5 inc sq)']);
    expect(r.stdout).toBe('36\n');
    expect(r.code).toBe(0);
  });

  it('suggests the nearest name for an unbound symbol', () => {
    const r = rtfs(['eval', '(lenght [1 2])']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("analysis/unbound-symbol: unbound symbol 'lenght'");
  });

  it('has --help', () => {
    expect(rtfs(['eval', '--help']).stdout).toContain('evaluate RTFS text');
  });
});

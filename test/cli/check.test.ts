import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rtfs } from './run-cli.js';

function temp(name: string, text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'rtfs-check-')), name);
  writeFileSync(file, text);
  return file;
}

const PROGRAM = '(defn add [a b] (+ a b))\n(add 1)\n(println missing)\n(call "vendor.x" {})\n';

describe('rtfs check', () => {
  it('prints every diagnostic as file:line:col: code: message and exits 1', () => {
    const file = temp('p.rtfs', PROGRAM);
    const r = rtfs(['check', file]);
    expect(r.stdout.split('\n')).toEqual([
      `${file}:2:1: check/arity-mismatch: wrong number of arguments to add: expected 2, got 1`,
      `${file}:3:10: analysis/unbound-symbol: unbound symbol 'missing'`,
      `${file}:4:7: check/unknown-capability: unknown capability 'vendor.x' (warning)`,
      '',
    ]);
    expect(r.stderr).toBe('2 errors, 1 warning in 1 file\n');
    expect(r.code).toBe(1);
  });

  it('exits 0 when there are only warnings', () => {
    const r = rtfs(['check', temp('w.rtfs', '(call "vendor.x" {})')]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('0 errors, 1 warning in 1 file\n');
  });

  it('exits 0 and prints nothing on stdout for a clean program', () => {
    const r = rtfs(['check', 'examples/capabilities.rtfs', 'examples/fib.rtfs']);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('0 errors, 0 warnings in 2 files\n');
    expect(r.code).toBe(0);
  });

  it('--json gives positions, codes and severities', () => {
    const file = temp('p.rtfs', PROGRAM);
    const r = rtfs(['check', '--json', file]);
    const doc = JSON.parse(r.stdout) as {
      files: {
        file: string;
        diagnostics: { code: string; line: number; column: number; severity: string }[];
      }[];
      errors: number;
      warnings: number;
    };
    expect(doc.errors).toBe(2);
    expect(doc.warnings).toBe(1);
    expect(doc.files[0]?.file).toBe(file);
    expect(doc.files[0]?.diagnostics.map((d) => [d.code, d.line, d.column, d.severity])).toEqual([
      ['check/arity-mismatch', 2, 1, 'error'],
      ['analysis/unbound-symbol', 3, 10, 'error'],
      ['check/unknown-capability', 4, 7, 'warning'],
    ]);
    expect(r.code).toBe(1);
  });

  it('--catalog (RTFS or JSON) makes unknown capability ids errors', () => {
    const program = temp('c.rtfs', '(call "vendor.x" {})\n(call "vendor.y" {})\n');
    const rtfsCatalog = temp('cat.rtfs', '[{:id "vendor.x"}]');
    const jsonCatalog = temp('cat.json', '[{"id": "vendor.y"}]');
    const r = rtfs(['check', '--catalog', rtfsCatalog, program]);
    expect(r.stdout).toContain(
      `${program}:2:7: check/unknown-capability: unknown capability 'vendor.y'`,
    );
    expect(r.stdout).not.toContain("unknown capability 'vendor.x'");
    expect(r.code).toBe(1);
    const both = rtfs(['check', '--catalog', rtfsCatalog, '--catalog', jsonCatalog, program]);
    expect(both.code).toBe(0);
  });

  it('reports a bad catalog as a usage error', () => {
    const r = rtfs(['check', '--catalog', temp('bad.json', '[{"name": 1}]'), 'examples/fib.rtfs']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('every entry needs a string "id"');
  });

  it('reports syntax errors with their codes', () => {
    const r = rtfs(['check', '-'], { input: '(foo]' });
    expect(r.stdout).toBe(
      "<stdin>:1:5: syntax/mismatched-delimiter: expected ')' to close '(' at 1:1, found ']'\n",
    );
    expect(r.code).toBe(1);
  });

  it('resolves imports through --path', () => {
    const r = rtfs(['check', '-p', 'test/golden/_modules', '-'], {
      input: '(import golden/util :as u)\n(u/bang "x")\n(u/nothing)',
    });
    expect(r.stdout).toBe(
      "<stdin>:3:2: analysis/unbound-symbol: module golden/util has no 'nothing'\n",
    );
  });
});

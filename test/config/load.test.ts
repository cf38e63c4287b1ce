import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseConfigText, readConfigFile } from '../../src/config/index.js';
import { formatDiagnosticLine } from '../../src/diagnostics/index.js';
import { printValue } from '../../src/data/index.js';

const dir = mkdtempSync(join(tmpdir(), 'rtfs-config-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function line(r: ReturnType<typeof parseConfigText>): string {
  if (r.ok) throw new Error('expected a failure');
  return formatDiagnosticLine(r.diagnostics[0]!);
}

describe('the config loader', () => {
  it('reads JSON and RTFS into the same value (JSON object keys become keywords)', () => {
    const j = parseConfigText(
      '{"allow": ["ccos.*"], "n": 2, "x": 1.5, "ok": true, "no": null}',
      'p.json',
    );
    const r = parseConfigText('{:allow ["ccos.*"] :n 2 :x 1.5 :ok true :no nil}', 'p.rtfs');
    expect(j.ok && r.ok).toBe(true);
    if (j.ok && r.ok) {
      expect(printValue(j.value)).toBe(printValue(r.value));
      expect(j.format).toBe('json');
      expect(r.format).toBe('rtfs');
    }
  });

  it('sniffs the format of other names: RTFS first, then JSON', () => {
    const j = parseConfigText('{"allow": ["ccos.*"]}', 'policy.conf');
    expect(j.ok && j.format).toBe('json');
    const r = parseConfigText('[:a :b]', 'answers.txt');
    expect(r.ok && r.format).toBe('rtfs');
    // Neither: the RTFS diagnostic is reported.
    expect(line(parseConfigText('{:a', 'x.conf'))).toMatch(
      /^x\.conf:1:1: syntax\/unclosed-delimiter/,
    );
  });

  it('names the file and the position of a JSON error', () => {
    expect(line(parseConfigText('{\n  "allow": ["ccos.*",]\n}', 'pol.json'))).toBe(
      'pol.json:2:22: config/syntax: invalid JSON: value expected',
    );
    expect(line(parseConfigText('{"a" 1}', 'x.json'))).toBe(
      'x.json:1:6: config/syntax: invalid JSON: colon expected',
    );
    expect(line(parseConfigText('', 'empty.json'))).toMatch(/^empty\.json:1:1: config\/syntax/);
  });

  it('wants exactly one RTFS value', () => {
    expect(line(parseConfigText('{:a 1} {:b 2}', 'two.rtfs'))).toBe(
      'two.rtfs:1:8: config/syntax: expected exactly one value (a map or a vector), found 2 top-level forms',
    );
  });

  it('reports a missing file as config/unreadable', () => {
    const r = readConfigFile(join(dir, 'nope.json'), 'policy file');
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.diagnostics[0]?.message).toMatch(
        /^cannot read policy file .*nope\.json: no such file$/,
      );
  });

  it('reads files', () => {
    writeFileSync(join(dir, 'a.json'), '["yes", "no"]');
    const r = readConfigFile(join(dir, 'a.json'));
    expect(r.ok && printValue(r.value)).toBe('["yes" "no"]');
  });
});

/**
 * Configuration files on the command line are JSON or RTFS, through one loader:
 * --policy, --answers, --input-json FILE and --catalog, with errors naming the file
 * and the position.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rtfs } from './run-cli.js';

let dir = '';
const file = (name: string, text: string): string => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'rtfs-config-cli-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('configuration files', () => {
  it('--policy takes JSON as well as RTFS', () => {
    const prog = '(call "ccos.echo" {:message "hi"})';
    for (const p of [
      file('pol.json', '{"allow": ["ccos.*"]}'),
      file('pol.rtfs', '{:allow ["ccos.*"]}'),
      file('pol.conf', '{"allow": ["ccos.*"], "deny": []}'),
    ]) {
      const r = rtfs(['eval', prog, '--policy', p]);
      expect(r.stdout, p).toBe('"hi"\n');
      expect(r.code, p).toBe(0);
    }
  });

  it('--answers takes a JSON object from prompt to answer, or an array', () => {
    const prog = '(call "ccos.user.ask" {:prompt "name?"})';
    const allow = ['--allow', 'ccos.*'];
    expect(
      rtfs(['eval', prog, ...allow, '--answers', file('a.json', '{"name?": "Ada"}')]).stdout,
    ).toBe('"Ada"\n');
    expect(rtfs(['eval', prog, ...allow, '--answers', file('b.json', '["Bob"]')]).stdout).toBe(
      '"Bob"\n',
    );
  });

  it('--input-json takes inline JSON or a file (JSON or RTFS)', () => {
    const prog = '(plan :name "p" :input-schema [:map [:n :int]] (* 2 n))';
    expect(rtfs(['eval', prog, '--input-json', '{"n": 21}']).stdout).toBe('42\n');
    expect(rtfs(['eval', prog, '--input-json', file('in.json', '{"n": 4}')]).stdout).toBe('8\n');
    expect(rtfs(['eval', prog, '--input-json', file('in.rtfs', '{:n 5}')]).stdout).toBe('10\n');
  });

  it('a bad file is a usage error naming the file, line and column, with an excerpt', () => {
    const p = file('bad.json', '{\n  "allow": ["ccos.*",]\n}');
    const r = rtfs(['eval', '1', '--policy', p]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`error: ${p}:2:22: config/syntax: invalid JSON: value expected`);
    expect(r.stderr).toContain('2 |   "allow": ["ccos.*",]');
    const missing = rtfs(['eval', '1', '--answers', join(dir, 'nope.json')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/cannot read answers file .*nope\.json: no such file/);
  });

  it('--catalog reads JSON catalogs through the same loader', () => {
    const p = file('cat.json', '[{"id": "app.x", "description": "x", "effects": ["pure"],}]');
    const r = rtfs(['check', file('use.rtfs', '(call "app.x" {})\n'), '--catalog', p]);
    expect(r.code).not.toBe(0);
    expect(r.stdout + r.stderr).toContain(`${p}:1:58`);
  });
});

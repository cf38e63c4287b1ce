/**
 * Item 7 of issue 15: compiled modules parse their flags with node:util parseArgs in
 * strict mode, from the option definitions `rtfs run` uses. `--deny=X` works, a typo
 * (`--dryrun`) is an error before any effect runs, `--help` prints the options and
 * does not run the program.
 */
import { describe, expect, it, beforeAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { HOST_OPTIONS, parseRunArgs } from '../../src/host/run-options.js';
import { verifyChain, generateSigningKeys } from '../../src/audit/index.js';
import { tempDir } from '../audit/helpers.js';
import { rtfs, root } from '../cli/run-cli.js';

let dir = '';
let mod = '';

beforeAll(() => {
  dir = tempDir('modflags');
  const src = join(dir, 'effect.rtfs');
  writeFileSync(src, '(call "ccos.io.log" (str "EFFECT" " RAN"))\n(println "done")\n');
  mod = join(dir, 'effect.mjs');
  expect(rtfs(['compile', src, '-o', mod]).code).toBe(0);
});

function node(args: readonly string[]) {
  const r = spawnSync(process.execPath, [mod, ...args], { cwd: root, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('compiled module flags', () => {
  it('--allow=X and --deny=X (with =) are honoured', () => {
    const ok = node(['--allow=*']);
    expect(ok.code).toBe(0);
    expect(ok.stderr).toContain('EFFECT RAN');
    const denied = node(['--allow=*', '--deny=ccos.io.log']);
    expect(denied.code).toBe(1);
    expect(denied.stderr).toContain('capability/denied');
    expect(denied.stderr).not.toContain('EFFECT RAN');
  });

  it('a misspelt flag (--dryrun) fails with exit 2 before any effect runs', () => {
    // (Words that are not options are the program's *command-line-args*: test/cli/script.)
    for (const args of [['--allow', '*', '--dryrun'], ['--allow', '*', '--Allow=x'], ['--chain']]) {
      const r = node(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/^error: /);
      expect(r.stderr).not.toContain('EFFECT RAN');
      expect(r.stdout).toBe('');
    }
    expect(node(['--allow', '*', '--dryrun']).stderr).toContain("'--dryrun'");
  });

  it('--dry-run simulates the effect', () => {
    const r = node(['--allow', '*', '--dry-run']);
    expect(r.code).toBe(0);
    expect(r.stderr).not.toContain('EFFECT RAN');
    expect(r.stdout).toContain('done');
  });

  it('--help prints the options and does not run the program', () => {
    const r = node(['--help', '--allow', '*']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Usage: node effect.mjs [options]');
    expect(r.stdout).not.toContain('done');
    expect(r.stderr).toBe('');
    // The same definitions as rtfs run (those modules support).
    const run = rtfs(['run', '--help']).stdout;
    for (const o of HOST_OPTIONS) {
      expect(run).toContain(`--${o.name}`);
      if (o.module !== false) expect(r.stdout).toContain(`--${o.name}`);
    }
  });

  it('--chain with --sign-key writes a chain verify --pubkey accepts', () => {
    const keys = generateSigningKeys();
    const key = join(dir, 'k.pem');
    writeFileSync(key, keys.privateKeyPem);
    const chain = join(dir, 'chain');
    const r = node(['--allow', '*', '--chain', chain, '--sign-key', key]);
    expect(r.code).toBe(0);
    expect(verifyChain(chain, { publicKey: keys.publicKeyPem })).toMatchObject({ ok: true });
  });

  it('parseRunArgs: strict, = values, repeatable options, checks', () => {
    const p = parseRunArgs(['--allow=a.*', '--allow', 'b', '--deny=c', '--dry-run'], 'm.mjs');
    expect(p).toEqual({
      kind: 'ok',
      values: { allow: ['a.*', 'b'], deny: ['c'], 'dry-run': true },
      args: [],
    });
    expect(parseRunArgs(['in.csv', '--dry-run', '--', '--loud'], 'm.mjs')).toEqual({
      kind: 'ok',
      values: { 'dry-run': true },
      args: ['in.csv', '--loud'],
    });
    expect(parseRunArgs(['--allow-read='], 'm.mjs')).toMatchObject({ kind: 'error' });
    expect(parseRunArgs(['--policy', 'x'], 'm.mjs')).toMatchObject({ kind: 'error' });
    expect(parseRunArgs(['-h'], 'm.mjs')).toMatchObject({ kind: 'help' });
    // No words: the same answer node:util's parser gives, without loading it.
    expect(parseRunArgs([], 'm.mjs')).toEqual({ kind: 'ok', values: {}, args: [] });
  });
});

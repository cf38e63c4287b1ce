import { describe, expect, it, beforeAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { root, rtfs } from './run-cli.js';

const FLOW = `(defn fetch [city] (step "fetch" (call "ccos.echo" {:message city})))
(step "report" [(fetch "Paris") (fetch "Oslo") (call "core.data.count" {:items [1 2 3]})])`;

let dir = '';
let program = '';

beforeAll(() => {
  const base = mkdtempSync(join(tmpdir(), 'rtfs-chain-cli-'));
  dir = join(base, 'chain');
  program = join(base, 'flow.rtfs');
  writeFileSync(program, FLOW);
  const r = rtfs(['run', program, '--allow', '*', '--chain', dir]);
  expect(r.stdout).toBe('["Paris" "Oslo" 3]\n');
});

describe('rtfs run --chain and rtfs chain', () => {
  it('verifies an untouched chain', () => {
    const r = rtfs(['chain', 'verify', dir]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /^chain OK: 15 records, head seq 14 [0-9a-f]{16}…\n {2}note: unsigned chain: [^\n]*\n$/,
    );
  });

  it('shows the run as a tree', () => {
    const r = rtfs(['chain', 'show', dir, '--tree']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('StepStarted');
    expect(r.stdout).toContain('ccos.echo');
  });

  it('queries by capability and type, also as JSON', () => {
    const r = rtfs([
      'chain',
      'query',
      dir,
      '--cap',
      'ccos.echo',
      '--type',
      'CapabilityCall',
      '--json',
    ]);
    const rows = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { call_path: string; args: string });
    expect(rows.map((x) => [x.call_path, x.args])).toEqual([
      ['0.0.0', '{:message "Paris"}'],
      ['0.1.0', '{:message "Oslo"}'],
    ]);
  });

  it('prints stats per capability', () => {
    const r = rtfs(['chain', 'stats', dir]);
    expect(r.stdout).toMatch(/ccos\.echo\s+2\s+2\s+0/);
    expect(r.stdout).toMatch(/core\.data\.count\s+1\s+1\s+0/);
  });

  it('replays with zero live calls (deterministic ones re-executed and compared)', () => {
    const r = rtfs(['chain', 'replay', dir]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /^REPLAY OK run [0-9a-f-]+: final value sha256:[0-9a-f]{64}; 3 deterministic calls re-executed and matched, 0 answers from the log, 0 live calls\n$/,
    );
  });

  it('diverges at the right call path when the source changes', () => {
    const changed = `${program}.changed.rtfs`;
    writeFileSync(changed, FLOW.replace('"Oslo"', '"Bergen"'));
    const r = rtfs(['chain', 'replay', dir, '--source', changed]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(
      'DIVERGED: diverged at 0.1.0 in step "fetch" (ccos.echo): the arguments differ at :message: recorded "Oslo", replay "Bergen"\n',
    );
  });

  it('names the first bad line of a tampered chain', () => {
    const tampered = mkdtempSync(join(tmpdir(), 'rtfs-chain-bad-'));
    const seg = readFileSync(join(dir, 'seg-000001.jsonl'), 'utf8').split('\n');
    seg[5] = (seg[5] as string).replace('Paris', 'Parys');
    writeFileSync(join(tampered, 'seg-000001.jsonl'), seg.join('\n'));
    const r = rtfs(['chain', 'verify', tampered]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^chain BAD: seg-000001\.jsonl line 6 \(seq 5\): hash-mismatch/);
  });

  it('appends later runs to the same chain', () => {
    rtfs(['eval', '(call "ccos.echo" "again")', '--allow', '*', '--chain', dir]);
    expect(rtfs(['chain', 'verify', dir]).code).toBe(0);
    expect(rtfs(['chain', 'stats', dir]).stdout).toMatch(/ccos\.echo\s+3/);
  });

  it('reports a missing directory as a usage error', () => {
    expect(rtfs(['chain', 'verify', join(dir, 'nope')]).code).toBe(2);
  });
});

// Node 20's recursive mkdir retries forever where a parent refuses a child with ENOENT.
describe.runIf(existsSync('/proc/self'))('a chain or cache directory that cannot be made', () => {
  const run = (args: readonly string[], env: Record<string, string>) =>
    spawnSync(process.execPath, ['bin/rtfs.js', ...args], {
      cwd: root,
      input: '',
      env: { ...process.env, ...env },
      encoding: 'utf8',
      timeout: 30_000,
    });

  it('rtfs run --chain /proc/… is a clear error, not a hang', () => {
    const r = run(['run', program, '--allow', '*', '--chain', '/proc/rtfs-no-such/chain'], {});
    expect(r.signal).toBeNull();
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/cannot open the chain in \/proc\/rtfs-no-such\/chain: ENOENT/);
  });

  it('RTFS_CACHE_DIR under /proc runs without a code cache', () => {
    const r = run(['eval', '(+ 1 2)'], { RTFS_CACHE_DIR: '/proc/rtfs-no-such/cache' });
    expect(r.signal).toBeNull();
    expect(r.stdout).toBe('3\n');
    expect(r.status).toBe(0);
  });
});

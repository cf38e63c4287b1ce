/** `rtfs plan` into one chain directory, run after run (ADR 0032: the VERIFIED mark). */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readRecords } from '../../src/audit/index.js';
import { rtfs } from './run-cli.js';

const CATALOG = 'examples/catalogs/default.rtfs';
const GOAL = 'list open issues in acme/api labelled bug and email a summary to the team';
const tmp = mkdtempSync(join(tmpdir(), 'rtfs-plan-chain-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('rtfs plan, run after run into one chain', () => {
  const chain = join(tmp, 'chain');
  const plan = () => rtfs(['plan', GOAL, '--catalog', CATALOG, '--chain', chain, '--json']);
  const runs = [plan(), plan(), plan()];

  it('each run verifies and counts its own actions; the whole chain verifies', () => {
    const records = readRecords(chain);
    for (const r of runs) {
      expect(r.code).toBe(0);
      const out = JSON.parse(r.stdout) as {
        run: string;
        chain: { actions: number; verified: boolean };
      };
      const mine = records.filter((x) => x.action.run === out.run).length;
      expect(out.chain).toMatchObject({ actions: mine, verified: true });
    }
    expect(existsSync(join(chain, 'VERIFIED'))).toBe(true);
    expect(rtfs(['chain', 'verify', chain]).code).toBe(0);
  });

  it('a tampered earlier record: verify names it and the next plan refuses to append', () => {
    const seg = join(chain, 'seg-000001.jsonl');
    const lines = readFileSync(seg, 'utf8').split('\n');
    lines[3] = lines[3]!.replace('"run":"', '"run":"X');
    writeFileSync(seg, lines.join('\n'));
    const v = rtfs(['chain', 'verify', chain]);
    expect(v.code).toBe(1);
    expect(v.stdout + v.stderr).toMatch(/line 4/);
    const r = plan();
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/cannot append to the chain .*line 4/);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openRecordedChain } from '../../src/compiler/program-chain.js';
import * as linked from '../../src/compiler/program-chain-loader.js';
import { sampleAction } from '../audit/helpers.js';

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'rtfs-program-chain-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The first record of run `r`. */
const planStarted = {
  id: 'r',
  type: 'PlanStarted',
  parent: null,
  run: 'r',
  callPath: '',
  name: 'p',
} as const;

describe('openRecordedChain (a compiled module run with --chain or --trace, ADR 0046)', () => {
  it('keeps the records in memory without a directory, for --trace', () => {
    const opened = openRecordedChain(undefined, undefined);
    if (opened.kind !== 'ok') throw new Error(opened.message);
    opened.chain.sink.append(planStarted);
    opened.chain.close();
    expect(opened.chain.tree('r')).toMatch(/^PlanStarted p #1/);
  });

  it('appends to the chain in a directory and reads it back for the tree', () => {
    const chainDir = join(dir, 'chain');
    const opened = openRecordedChain(chainDir, undefined);
    if (opened.kind !== 'ok') throw new Error(opened.message);
    opened.chain.sink.append(planStarted);
    opened.chain.sink.append(sampleAction(0, 'r'));
    opened.chain.close();
    expect(readdirSync(chainDir)).toContain('HEAD');
    expect(opened.chain.tree('r')).toMatch(/^PlanStarted p #1\n└─ StepStarted/);
  });

  it('reports a signing key it cannot use, without throwing', () => {
    const key = join(dir, 'bad.pem');
    writeFileSync(key, 'not a key');
    const opened = openRecordedChain(join(dir, 'signed'), key);
    expect(opened.kind).toBe('error');
    if (opened.kind === 'error') expect(opened.message).toMatch(/^cannot use the signing key: /);
  });

  it('is linked as it stands from source and in the CLI bundle (program-chain-loader.ts)', () => {
    expect(linked.openRecordedChain).toBe(openRecordedChain);
    // Installing is for the ES module build's lazy twin; here it changes nothing.
    linked.setProgramChain(() => ({ kind: 'error', message: 'unused' }));
    expect(linked.openRecordedChain).toBe(openRecordedChain);
  });
});

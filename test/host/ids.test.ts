import { describe, expect, it } from 'vitest';
import { mathRandomBytes, uuidv7 } from '../../src/host/ids.js';
import { MemoryChain, observeSink } from '../../src/audit/index.js';
import { createHostedRuntime, runProgram } from '../../src/host/index.js';

const V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('uuidv7', () => {
  it('puts the milliseconds first, with either source of random bits', () => {
    const now = Date.UTC(2026, 0, 1);
    const prefix = now.toString(16).padStart(12, '0');
    for (const id of [uuidv7(now), uuidv7(now, mathRandomBytes)]) {
      expect(id).toMatch(V7);
      expect(id.replace('-', '').slice(0, 12)).toBe(prefix);
    }
  });

  it('draws distinct ids from Math.random', () => {
    const now = Date.now();
    const ids = new Set(Array.from({ length: 1000 }, () => uuidv7(now, mathRandomBytes)));
    expect(ids.size).toBe(1000);
  });
});

describe('run ids', () => {
  const runId = (chain: MemoryChain, observed: boolean): string => {
    const sink = observed ? observeSink(chain, { appended: () => undefined }) : chain;
    const h = createHostedRuntime({
      policy: { allow: [], deny: [] },
      sink,
      log: () => undefined,
      out: () => undefined,
    });
    runProgram(h, '(+ 1 2)', 'one.rtfs');
    return h.host.currentRun;
  };

  it('are UUIDv7s whether the chain is recorded or only counted', () => {
    expect(runId(new MemoryChain(), false)).toMatch(V7);
    expect(runId(new MemoryChain({ retain: false, hashed: false }), false)).toMatch(V7);
    expect(runId(new MemoryChain({ retain: false, hashed: false }), true)).toMatch(V7);
  });

  it('pass through an observer: a counting chain stays counting', () => {
    const chain = new MemoryChain({ retain: false, hashed: false });
    expect(observeSink(chain, { appended: () => undefined }).countsOnly).toBe(true);
    expect(observeSink(new MemoryChain(), { appended: () => undefined }).countsOnly).toBe(false);
  });
});

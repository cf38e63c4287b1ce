/**
 * observeSink (the live OTLP exporter's and `rtfs plan`'s progress tap) passes every
 * AuditSink member through: content is still stored once per chain, and a signing
 * chain still seals each run with a checkpoint.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  JsonlChain,
  MemoryChain,
  generateSigningKeys,
  readRecords,
  observeSink,
  type ChainRecord,
} from '../../src/audit/index.js';
import { createHostedRuntime, runProgram } from '../../src/host/index.js';
import type { ActionInput, AuditSink } from '../../src/runtime/audit-sink.js';

function twoRuns(sink: AuditSink): void {
  const h = createHostedRuntime({ policy: { allow: [], deny: [] }, sink });
  for (const text of ['(+ 1 2)', '(* 2 3)']) {
    runProgram(h, text, 'demo.rtfs', {
      before: () => h.host.storeContent('sha256:abc', 'catalog', '{:entries []}'),
    });
  }
}

const typesOf = (rs: readonly ChainRecord[]): string[] => rs.map((r) => r.action.type);

describe('observeSink', () => {
  it('passes hasContent through: content is stored once per chain, observed or not', () => {
    const plain = new MemoryChain();
    twoRuns(plain);
    const inner = new MemoryChain();
    const seen: ActionInput['type'][] = [];
    const observed = observeSink(inner, { appended: (a) => seen.push(a.type) });
    expect(observed.hasContent?.('sha256:abc')).toBe(false);
    twoRuns(observed);
    expect(observed.hasContent?.('sha256:abc')).toBe(true);
    expect(typesOf(inner.records()).filter((t) => t === 'ContentStored')).toHaveLength(1);
    expect(typesOf(inner.records())).toEqual(typesOf(plain.records()));
    // The observer saw every record the inner sink was given, in order.
    expect(seen).toEqual(
      typesOf(inner.records()).filter((t) => t !== 'ChainOpened' && t !== 'Checkpoint'),
    );
  });

  it('passes checkpoint through: a signing chain seals every run', () => {
    const { privateKeyPem } = generateSigningKeys();
    const dir = mkdtempSync(join(tmpdir(), 'rtfs-observe-'));
    try {
      const inner = JsonlChain.open(dir, { signingKey: privateKeyPem });
      twoRuns(observeSink(inner, { appended: () => undefined }));
      inner.close();
      const types = typesOf(readRecords(dir));
      expect(types.filter((t) => t === 'Checkpoint')).toHaveLength(2);
      expect(types.filter((t) => t === 'ContentStored')).toHaveLength(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('offers no member its inner sink lacks', () => {
    const bare: AuditSink = { append: () => undefined, flush: () => undefined };
    const observed = observeSink(bare, { appended: () => undefined });
    expect(Object.keys(observed).sort()).toEqual(['append', 'flush']);
  });
});

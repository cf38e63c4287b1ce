import { describe, expect, it } from 'vitest';
import { MemoryChain } from '../../src/audit/index.js';
import { sampleAction } from './helpers.js';

describe('MemoryChain({ retain: false })', () => {
  it('counts every line and keeps a head hash, as a chain that keeps its lines does', () => {
    const now = () => Date.UTC(2026, 0, 1);
    const kept = new MemoryChain({ now });
    const bare = new MemoryChain({ now, retain: false });
    for (let i = 0; i < 50; i++) {
      kept.append(sampleAction(i));
      bare.append(sampleAction(i));
    }
    expect(bare.lastSeq).toBe(kept.lastSeq);
    expect(kept.lines).toHaveLength(kept.lastSeq + 1);
    // The opening record carries a random chain id, so the hashes differ between the two
    // chains; each one's head hash is that of its own last line.
    expect(JSON.parse(kept.lines.at(-1) as string).hash).toBe(kept.lastHash);
    expect(bare.lastHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses to give lines it did not keep', () => {
    const bare = new MemoryChain({ retain: false });
    bare.append(sampleAction(0));
    expect(() => bare.records()).toThrow(/keeps no lines/);
    expect(() => bare.toJsonl()).toThrow(/keeps no lines/);
  });
});

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

  it('with hashed: false counts appends, encodes nothing, and refuses its hash', () => {
    const bare = new MemoryChain({ retain: false, hashed: false });
    for (let i = 0; i < 10; i++) bare.append(sampleAction(i));
    bare.append({
      id: 'run-1/content0',
      type: 'ContentStored',
      parent: 'run-1',
      run: 'run-1',
      callPath: 'content.0',
      name: 'sha256:abc',
    });
    expect(bare.lastSeq).toBe(11);
    expect(bare.hasContent('sha256:abc')).toBe(true);
    expect(() => bare.lastHash).toThrow(/keeps no hash/);
    // A chain that keeps its lines always hashes them.
    const kept = new MemoryChain({ hashed: false });
    kept.append(sampleAction(0));
    expect(kept.lastHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('with hashed: false only counts, and says so; its chain id is drawn when read', () => {
    const bare = new MemoryChain({ retain: false, hashed: false });
    expect(bare.countsOnly).toBe(true);
    expect(bare.lastSeq).toBe(0);
    expect(bare.chainId).toMatch(/^[0-9a-f]{32}$/);
    expect(bare.chainId).toBe(bare.chainId);
    expect(new MemoryChain({ retain: false }).countsOnly).toBe(false);
    expect(new MemoryChain({ hashed: false }).countsOnly).toBe(false);
  });

  it('opens a recorded chain with its chain id, as before', () => {
    const kept = new MemoryChain();
    const [opened] = kept.records();
    expect(opened?.action.type).toBe('ChainOpened');
    expect(opened?.action.data?.['chain_id']).toBe(kept.chainId);
  });
});

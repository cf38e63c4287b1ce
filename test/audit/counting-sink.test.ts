import { describe, expect, it } from 'vitest';
import { CountingSink, MemoryChain } from '../../src/audit/index.js';
import { sampleAction } from './helpers.js';

describe('CountingSink (a compiled module run without --chain or --trace, ADR 0046)', () => {
  it('counts and remembers stored content as MemoryChain({ retain: false, hashed: false }) does', () => {
    const sink = new CountingSink();
    const chain = new MemoryChain({ retain: false, hashed: false });
    expect(sink.lastSeq).toBe(chain.lastSeq);
    for (let i = 0; i < 10; i++) {
      sink.append(sampleAction(i));
      chain.append(sampleAction(i));
    }
    const stored = {
      id: 'run-1/content0',
      type: 'ContentStored',
      parent: 'run-1',
      run: 'run-1',
      callPath: 'content.0',
      name: 'sha256:abc',
    } as const;
    sink.append(stored, true);
    chain.append(stored, true);
    sink.flush();
    expect(sink.lastSeq).toBe(chain.lastSeq);
    expect(sink.lastSeq).toBe(11);
    expect(sink.hasContent('sha256:abc')).toBe(chain.hasContent('sha256:abc'));
    expect(sink.hasContent('sha256:abc')).toBe(true);
    expect(sink.hasContent('sha256:other')).toBe(false);
    expect(sink.countsOnly).toBe(true);
    expect(sink.countsOnly).toBe(chain.countsOnly);
  });
});

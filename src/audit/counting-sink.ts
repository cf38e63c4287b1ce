/**
 * `CountingSink`: the causal chain of a run nobody reads — a compiled module run without
 * `--chain` or `--trace` (ADR 0046). It behaves as `new MemoryChain({ retain: false,
 * hashed: false })` does for the host: appends are only counted (`countsOnly`, so the
 * host draws ids from `Math.random`, ADR 0037), content stored in the run is remembered
 * (`hasContent`), nothing is encoded or hashed. It imports nothing of the chain's
 * encoding, hashing, signing or files, so a compiled module does not load them.
 */
import type { ActionInput, AuditSink } from '../runtime/audit-sink.js';

export class CountingSink implements AuditSink {
  private seq = 0;
  private readonly content = new Set<string>();

  /** Appends are only counted (see AuditSink). */
  get countsOnly(): boolean {
    return true;
  }

  append(action: ActionInput, _durable?: boolean): void {
    this.seq++;
    if (action.type === 'ContentStored' && action.name !== undefined) this.content.add(action.name);
  }

  hasContent(hash: string): boolean {
    return this.content.has(hash);
  }

  flush(): void {
    // nothing is kept
  }

  /** The sequence number of the last append, as MemoryChain's (the opening counts as 0). */
  get lastSeq(): number {
    return this.seq;
  }
}

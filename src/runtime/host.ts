import type { Span } from '../source/index.js';
import type { Value } from '../data/index.js';
import type { RtfsError } from './errors.js';

/**
 * What the evaluator needs from its host. The runtime only calls this interface; the
 * causal-chain writer and capability registry implement it elsewhere (issue 4).
 */
export interface Host {
  /** A step began; returns an id for the matching completion. */
  stepStarted(name: string, span: Span | undefined): string;
  stepCompleted(id: string, value: Value): void;
  stepFailed(id: string, error: RtfsError): void;
  /** `@name`: a value from the host's context (plan id, step context …), or undefined. */
  contextValue(name: string): Value | undefined;
}

/** A host with no context that records nothing (pure RTFS). */
export class PureHost implements Host {
  private next = 0;
  stepStarted(): string {
    return `step-${++this.next}`;
  }
  stepCompleted(): void {}
  stepFailed(): void {}
  contextValue(): Value | undefined {
    return undefined;
  }
}

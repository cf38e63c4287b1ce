import type { Span } from '../source/index.js';
import type { Value } from '../data/index.js';
import type { TypeAst } from '../types/index.js';
import { RtfsError } from './errors.js';
import type { Fn } from './fn.js';

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
  /** The inputs of the plan being run (`--input`, or a child plan's), if any. */
  planInputs?(): Value | undefined;
  /** A stand-in for a missing plan input (dry-run child plans only), or undefined. */
  placeholderInput?(name: string, type: TypeAst): Value | undefined;
  /** `(call "id" args…)`: runs a capability (checked, logged) and returns its value. */
  callCapability(id: string, args: Value[], span: Span | undefined): Value;
  /** `(defcapability "id" spec impl)`: registers a capability implemented in RTFS. */
  defineCapability(id: string, spec: Value, impl: Fn, span: Span | undefined): void;
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
  callCapability(id: string, _args: Value[], span: Span | undefined): Value {
    throw new RtfsError(
      'capability/unavailable',
      `capability '${id}' is not available: this runtime has no capability host`,
      span,
    );
  }
  defineCapability(id: string, _spec: Value, _impl: Fn, span: Span | undefined): void {
    throw new RtfsError(
      'capability/unavailable',
      `cannot define capability '${id}': no capability host`,
      span,
    );
  }
}

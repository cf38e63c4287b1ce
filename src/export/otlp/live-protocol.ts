/** Messages between the live exporter (live.ts) and its worker (worker.ts). */
import type { SpanSignal } from './signals.js';

export interface LiveInit {
  /** The OTLP/HTTP traces URL (…/v1/traces). */
  readonly url: string;
  readonly version: string;
  /** Per-request timeout of the exporter. */
  readonly timeoutMs: number;
  /** Longest a finished span waits before its batch is sent. */
  readonly delayMs: number;
  /** Finished spans kept waiting for the collector at most (more are dropped, with a warning). */
  readonly queueSize: number;
}

export type ToWorker =
  { readonly op: 'signals'; readonly signals: readonly SpanSignal[] } | { readonly op: 'finish' };

export type ToMain = {
  readonly op: 'done';
  readonly exported: number;
  readonly failed: number;
  readonly batches: number;
  readonly error?: string;
};

/**
 * Messages between `runAsync` (the caller's thread, which owns the TypeScript
 * capabilities) and its evaluator worker (dist/async-worker.js). The evaluator is
 * synchronous (ADR 0007): at a call of a TypeScript capability the worker posts a
 * `call`, blocks in `Atomics.wait`, and takes the `reply` the caller's thread sends
 * once the capability's Promise settled. Values cross in the causal chain's lossless
 * tagged JSON (`encodeValue` / `decodeValue`).
 */
import type { Json } from '../audit/index.js';
import type { Effect } from '../host/index.js';

/** A TypeScript capability as the worker registers it (its implementation stays behind). */
export interface ProxySpec {
  readonly id: string;
  readonly description: string;
  readonly effects: readonly Effect[];
  /** RTFS schema forms (printed), checked by the worker's host. */
  readonly inputSchema?: string;
  readonly outputSchema?: string;
}

export interface AsyncInit {
  readonly text: string;
  readonly uri: string;
  readonly policy: { readonly allow: readonly string[]; readonly deny: readonly string[] };
  readonly proxies: readonly ProxySpec[];
  readonly catalogs: readonly string[];
  /** A chain directory, or undefined for an in-memory chain whose lines come back. */
  readonly chainDir?: string;
  readonly dryRun: boolean;
  readonly readRoots: readonly string[];
  readonly paths: readonly string[];
  /** Encoded RMap of plan inputs. */
  readonly inputs?: Json;
  readonly hasAnswers: boolean;
  readonly engine: 'interpret' | 'compile';
  /** Element 0: 0 while a call is pending, 1 once its reply was posted. */
  readonly signal: Int32Array;
}

export type WorkerMessage =
  | { readonly kind: 'out'; readonly stream: 'out' | 'log'; readonly text: string }
  | { readonly kind: 'call'; readonly id: string; readonly input: Json }
  | { readonly kind: 'ask'; readonly prompt: string }
  | {
      readonly kind: 'done';
      readonly ok: boolean;
      readonly value?: Json;
      readonly error?: WireError;
      readonly runId: string;
      /** The in-memory chain's JSONL lines. */
      readonly lines?: readonly string[];
    }
  | { readonly kind: 'fatal'; readonly message: string };

export interface WireError {
  readonly code: string;
  readonly message: string;
  readonly text: string;
  readonly diagnostics: readonly WireDiagnostic[];
}

export interface WireDiagnostic {
  readonly code: string;
  readonly phase: string;
  readonly severity: string;
  readonly message: string;
  readonly uri: string;
  readonly sourceText: string;
  readonly start: number;
  readonly end: number;
  readonly notes?: readonly string[];
}

export type Reply =
  | { readonly ok: true; readonly value: Json }
  | { readonly ok: false; readonly code: string; readonly message: string }
  | { readonly answer: string | undefined };

/**
 * Messages between the REPL front end (main thread: terminal, history, completion)
 * and the evaluator worker (session state). Every request gets exactly one `done`
 * reply, after any `out` messages it produced.
 */
import type { HostFlags } from '../host-options.js';

/** What the worker is started with (workerData). */
export interface WorkerInit {
  readonly flags: ReplFlags;
  readonly colors: boolean;
  /** Where the front end writes answers to `ccos.user.ask` (ask-bridge.ts). */
  readonly answers: SharedArrayBuffer;
}

export interface ReplFlags extends HostFlags {
  readonly path?: readonly string[];
}

export type Request =
  | { readonly kind: 'eval'; readonly id: number; readonly text: string; readonly quiet: boolean }
  | {
      readonly kind: 'command';
      readonly id: number;
      readonly name: CommandName;
      readonly arg: string;
      readonly quiet: boolean;
    }
  | { readonly kind: 'close'; readonly id: number };

export type CommandName = 'help' | 'doc' | 'type' | 'load' | 'env' | 'caps' | 'chain' | 'reset';

/** Names the front end completes on (refreshed after every request). */
export interface Completions {
  readonly symbols: readonly string[];
  readonly keywords: readonly string[];
  readonly capabilities: readonly string[];
}

export type Reply =
  /** The session is ready (sent once, after the worker built it). */
  | {
      readonly kind: 'ready';
      readonly completions: Completions;
      /** The evaluator's interrupt flag (over a SharedArrayBuffer): set element 0 to stop it. */
      readonly interrupt: Int32Array;
    }
  /** The session could not be built (bad policy file, locked chain …): exit 2. */
  | { readonly kind: 'fatal'; readonly message: string }
  | { readonly kind: 'out'; readonly text: string; readonly stream: 'stdout' | 'stderr' }
  /** `ccos.user.ask`: the worker waits until the front end answered (ask-bridge.ts). */
  | { readonly kind: 'ask'; readonly prompt: string }
  | {
      readonly kind: 'done';
      readonly id: number;
      /** False when the input (or command) failed; the REPL goes on either way. */
      readonly ok: boolean;
      readonly completions: Completions;
    };

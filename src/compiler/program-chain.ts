/**
 * The causal chain of a compiled module run with `--chain DIR` or `--trace`: the JSONL
 * chain (signed with `--sign-key` or the environment's key) or a retained, hashed
 * chain in memory, and the run's tree that `--trace` prints. A run with neither only
 * counts its records (`CountingSink`) and never loads this file's imports: the ES
 * module build loads it through program-chain-loader.lazy.ts (ADR 0046); this file is
 * the build entry of `dist/program-chain.js`.
 */
import type { AuditSink } from '../runtime/audit-sink.js';
import {
  MemoryChain,
  JsonlChain,
  formatTree,
  readRecords,
  resolveSigningKey,
} from '../audit/index.js';

/** A chain a run's records are kept in, and what `--trace` prints of it. */
export interface RecordedChain {
  readonly sink: AuditSink;
  /** Closes the chain's files (after the run). */
  close(): void;
  /** The tree of the records of run `runId` (`--trace`). */
  tree(runId: string | undefined): string;
}

export type RecordedChainResult =
  | { readonly kind: 'ok'; readonly chain: RecordedChain }
  | { readonly kind: 'error'; readonly message: string };

/** The chain in `dir` (`--chain`; signed with `signKey` or the environment's key), else memory. */
export function openRecordedChain(
  dir: string | undefined,
  signKey: string | undefined,
): RecordedChainResult {
  if (dir === undefined) {
    const sink = new MemoryChain();
    return {
      kind: 'ok',
      chain: { sink, close: () => undefined, tree: (run) => formatTree(sink.records(), run) },
    };
  }
  let signingKey;
  try {
    signingKey = resolveSigningKey(signKey === undefined ? {} : { keyFile: signKey });
  } catch (e) {
    return { kind: 'error', message: `cannot use the signing key: ${(e as Error).message}` };
  }
  let sink: JsonlChain;
  try {
    sink = JsonlChain.open(dir, signingKey === undefined ? {} : { signingKey });
  } catch (e) {
    return {
      kind: 'error',
      message: `cannot append to the chain in ${dir}: ${(e as Error).message}`,
    };
  }
  return {
    kind: 'ok',
    chain: { sink, close: () => sink.close(), tree: (run) => formatTree(readRecords(dir), run) },
  };
}

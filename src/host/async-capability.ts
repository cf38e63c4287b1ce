import type { Value } from '../data/index.js';
import { RtfsError } from '../runtime/index.js';
import type { TypeAst } from '../types/index.js';
import type { Capability, Effect } from './capability.js';
import { SyncBridge } from './sync-bridge.js';
import { fromPlain, toPlain } from '../data/index.js';

let shared: SyncBridge | undefined;

/** The process's bridge worker, started on first use. */
function bridge(): SyncBridge {
  shared ??= new SyncBridge();
  return shared;
}

export interface AsyncCapabilitySpec {
  readonly id: string;
  readonly description: string;
  readonly inputSchema?: TypeAst;
  readonly outputSchema?: TypeAst;
  readonly effects: readonly Effect[];
  /** Module specifier (a file URL or package name) and export of an async function. */
  readonly module: string;
  readonly export: string;
  readonly timeoutMs?: number;
}

/**
 * A capability whose implementation is an async function in another module, run
 * through the sync bridge: input and output cross as plain JSON-like values.
 */
export function asyncCapability(spec: AsyncCapabilitySpec): Capability {
  return {
    id: spec.id,
    description: spec.description,
    inputSchema: spec.inputSchema,
    outputSchema: spec.outputSchema,
    effects: spec.effects,
    impl: (input: Value) => {
      const r = bridge().call(spec.module, spec.export, toPlain(input), spec.timeoutMs);
      if (!r.ok)
        throw new RtfsError('capability/failed', `capability '${spec.id}' failed: ${r.message}`);
      return fromPlain(r.value);
    },
  };
}

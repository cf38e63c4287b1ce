/**
 * A causal chain from TypeScript, as the `rtfs chain` commands see it: open a chain
 * directory (or wrap an in-memory chain), verify it, query its records, draw a run as
 * a tree, compute per-capability statistics, and replay a run from its log
 * (docs/causal-chain.md).
 */
import { existsSync } from 'node:fs';
import type { MemoryChain } from '../audit/index.js';
import {
  type CapabilityStats,
  type ChainRecord,
  type RecordFilter,
  type VerifyOptions,
  JsonlChain,
  LineChecker,
  computeStats,
  formatTree,
  lastRunId,
  queryRecords,
  readRecords,
  runIds,
  verifyChain,
} from '../audit/index.js';
import { type Capability, replayRun } from '../host/index.js';
import { isPlannerRun, replayPlanner } from '../meta/replay-planner.js';
import type { CapabilityDefinition } from './capability.js';
import { hostCapabilities } from './options.js';

export type ChainVerification =
  | { readonly ok: true; readonly count: number; readonly headHash: string | undefined }
  | {
      readonly ok: false;
      /** The seq of the first bad record, when known. */
      readonly seq: number | null;
      /** What is wrong (`bad-hash`, `bad-prev`, `truncated` …) and where. */
      readonly kind: string;
      readonly message: string;
    };

export type ReplayResult =
  | {
      readonly ok: true;
      readonly runId: string;
      /** Capability calls executed for real (0 for a plain replay). */
      readonly liveCalls: number;
      /** For planner runs: the final plan's hash, identical to the recorded run's. */
      readonly finalPlanHash?: string;
    }
  | { readonly ok: false; readonly runId: string; readonly message: string };

export interface ChainReplayOptions {
  /** The run to replay (default: the last one). */
  readonly runId?: string;
  /** Replay this source instead of the recorded one, to see where a change diverges. */
  readonly source?: string;
  /** The program's own capabilities, as given to `createRtfs` (their calls come from the log). */
  readonly capabilities?: readonly (CapabilityDefinition | Capability)[];
  /** Catalog files of a planner run (default: the files it recorded). */
  readonly catalogs?: readonly string[];
}

export interface ChainLog {
  /** Every record, in seq order. */
  records(): ChainRecord[];
  /** Checks every hash link (and signed checkpoints) of the chain. */
  verify(options?: VerifyOptions): ChainVerification;
  /** Records matching a filter: `{cap: 'ccos.*', type: 'CapabilityCall', run}`. */
  query(filter?: RecordFilter): ChainRecord[];
  /** The ids of the runs, oldest first. */
  runs(): string[];
  /** A run (default: every run) as a tree of steps and capability calls. */
  tree(runId?: string): string;
  /** Calls, errors and duration percentiles per capability. */
  stats(): CapabilityStats[];
  /** Re-runs a recorded run with every capability call answered from the log. */
  replay(options?: ChainReplayOptions): ReplayResult;
}

/** Opens a chain directory, or a chain object (`Rtfs.chain`, `new MemoryChain()`). */
export function openChain(source: string | MemoryChain | JsonlChain): ChainLog {
  const chain = source instanceof JsonlChain ? source.dir : source;
  if (typeof chain === 'string' && !existsSync(chain))
    throw new TypeError(`openChain: no chain directory ${chain}`);
  const records = (): ChainRecord[] =>
    typeof chain === 'string' ? readRecords(chain) : chain.records();
  return {
    records,
    verify(options = {}) {
      if (typeof chain === 'string') {
        const r = verifyChain(chain, options);
        return r.ok
          ? { ok: true, count: r.count, headHash: r.head?.hash }
          : { ok: false, seq: r.seq, kind: r.kind, message: r.message };
      }
      return verifyLines(chain.lines, options);
    },
    query: (filter = {}) => queryRecords(records(), filter),
    runs: () => runIds(records()),
    tree: (runId) => formatTree(records(), runId),
    stats: () => computeStats(records()),
    replay(options = {}) {
      const all = records();
      const runId = options.runId ?? lastRunId(all);
      if (runId === undefined) return { ok: false, runId: '', message: 'the chain holds no run' };
      if (isPlannerRun(all, runId)) {
        const r = replayPlanner(all, {
          runId,
          ...(options.catalogs ? { catalogFiles: options.catalogs } : {}),
        });
        return r.ok
          ? { ok: true, runId: r.runId, liveCalls: r.liveCalls, finalPlanHash: r.finalPlanHash }
          : r;
      }
      const r = replayRun(all, {
        runId,
        ...(options.source !== undefined ? { source: options.source } : {}),
        capabilities: hostCapabilities(options.capabilities),
      });
      return r.ok
        ? { ok: true, runId: r.runId, liveCalls: r.liveCalls }
        : { ok: false, runId: r.runId, message: r.message };
    },
  };
}

function verifyLines(lines: readonly string[], options: VerifyOptions): ChainVerification {
  const checker = new LineChecker(options);
  for (const line of lines) {
    const buf = Buffer.from(line.replace(/\n$/, ''), 'utf8');
    const failure = checker.check(buf, 0, buf.length);
    if (failure !== undefined)
      return { ok: false, seq: failure.seq, kind: failure.kind, message: failure.message };
  }
  return { ok: true, count: lines.length, headHash: lines.length > 0 ? checker.hash : undefined };
}

/**
 * `createRtfs(options)`: what `rtfs run` does, from TypeScript. A runtime with the
 * built-in capabilities, your own (TypeScript or catalog), a policy, answers and a
 * causal chain; `run(text)` and `runFile(path)` evaluate a program as one recorded run.
 */
import { readFileSync } from 'node:fs';
import { makeDirectory } from '../source/make-directory.js';
import { resolve } from 'node:path';
import { type Value, Keyword, RMap, fromPlain } from '../data/index.js';
import { type Diagnostic, renderDiagnostic } from '../diagnostics/index.js';
import { readConfigFile, shapeError } from '../config/index.js';
import {
  type CapabilityRegistry,
  type RunHost,
  type Hosted,
  createHostedRuntime,
  runProgram,
} from '../host/index.js';
import { type ChainRecord, JsonlChain, MemoryChain, readRecords } from '../audit/index.js';
import type { Runtime } from '../runtime/index.js';
import type { RtfsError } from '../runtime/index.js';
import { jsCompiler } from '../compiler/index.js';
import {
  type PlannerStdlib,
  catalogMeta,
  mentionsPlanner,
  plannerStdlib,
} from '../planner/index.js';
import {
  type RtfsOptions,
  RtfsConfigError,
  answersOf,
  hostCapabilities,
  policyOf,
} from './options.js';

/** Why a run failed. */
export interface RunError {
  /** The stable error code (`runtime/division-by-zero`, `capability/denied` …; docs/errors.md). */
  readonly code: string;
  readonly message: string;
  /** As `rtfs run` prints it: `file:line:col: code: message`, the excerpt, the RTFS stack. */
  readonly text: string;
  /** The diagnostics of a program that did not read or analyze (empty for runtime errors). */
  readonly diagnostics: readonly Diagnostic[];
}

export type RunResult =
  | { readonly ok: true; readonly value: Value; readonly runId: string }
  | { readonly ok: false; readonly error: RunError; readonly runId: string };

export interface Rtfs {
  /** Evaluates `text` as one recorded run; the value of its last form. */
  run(text: string, uri?: string): RunResult;
  /** Reads and runs a file (its imports resolve from its directory); fs errors are thrown. */
  runFile(path: string): RunResult;
  /** The records of the causal chain so far (every run of this instance). */
  records(): ChainRecord[];
  /** Closes a chain directory (flushes it and releases its lock); no-op in memory. */
  close(): void;
  /** The evaluator, for `evalString` without a recorded run, namespaces, modules. */
  readonly runtime: Runtime;
  /** The capability host (policy decisions, steps, calls). */
  readonly host: RunHost;
  /** The capabilities this instance knows. */
  readonly registry: CapabilityRegistry;
  /** The chain the runs are written to. */
  readonly chain: MemoryChain | JsonlChain;
}

/** Creates a runtime with a capability host; see {@link RtfsOptions}. */
export function createRtfs(options: RtfsOptions = {}): Rtfs {
  const chain = openChain(options.chain);
  const answers = answersOf(options.answers);
  const inputs = inputsOf(options.inputs);
  const own = hostCapabilities(options.capabilities);
  let planner = plannerFor(options.catalogs);
  const hosted = createHostedRuntime({
    policy: policyOf(options.policy),
    sink: chain,
    capabilities: [...(planner?.capabilities ?? []), ...own],
    ...(options.out ? { out: options.out } : {}),
    ...(options.log ? { log: options.log } : {}),
    ...(options.paths ? { paths: options.paths } : {}),
    ...(options.readRoots ? { readRoots: options.readRoots } : {}),
    ...(answers ? { answers } : {}),
    ...(options.dryRun !== undefined ? { dryRun: options.dryRun } : {}),
    ...(inputs ? { inputs } : {}),
    ...(options.engine === 'compile' ? { compiler: jsCompiler } : {}),
  });
  const run = (text: string, uri: string): RunResult => {
    // The planner is standard library: loaded for the first program that may call it
    // (unless your own capabilities already define its ids).
    if (planner === undefined && mentionsPlanner(text)) {
      planner = plannerFor([], text) as PlannerStdlib;
      const mine = new Set(own.map((c) => c.id));
      for (const c of planner.capabilities) if (!mine.has(c.id)) hosted.registry.register(c);
    }
    const outcome = runProgram(hosted, text, uri, recordCatalog(hosted, planner));
    const runId = hosted.host.currentRun;
    if (outcome.ok) return { ok: true, value: outcome.value, runId };
    return { ok: false, error: runError(outcome), runId };
  };
  return {
    run: (text, uri = '<run>') => run(text, uri),
    runFile: (path) => run(readFileSync(path, 'utf8'), path),
    records: () => (chain instanceof MemoryChain ? chain.records() : readRecords(chain.dir)),
    close: () => {
      if (chain instanceof JsonlChain) chain.close();
    },
    runtime: hosted.runtime,
    host: hosted.host,
    registry: hosted.registry,
    chain,
  };
}

/** The error of a failed outcome, as the CLI prints it. */
export function runError(
  o:
    | { diagnostics: readonly Diagnostic[]; error?: undefined }
    | { error: RtfsError; diagnostics?: undefined },
): RunError {
  if (o.error !== undefined)
    return {
      code: o.error.code,
      message: o.error.message,
      text: o.error.render(),
      diagnostics: [],
    };
  const first = o.diagnostics[0];
  return {
    code: first?.code ?? 'runtime/unknown',
    message: first?.message ?? 'the program failed',
    text: o.diagnostics.map(renderDiagnostic).join('\n'),
    diagnostics: o.diagnostics,
  };
}

function openChain(c: RtfsOptions['chain']): MemoryChain | JsonlChain {
  if (c === undefined) return new MemoryChain();
  if (typeof c !== 'string') return c;
  makeDirectory(c);
  return JsonlChain.open(c);
}

/**
 * The planner standard library a run needs: `planner.*` over the catalogs (built-ins
 * included) and their external capabilities, when catalogs are given or the program may
 * call the planner; else undefined. A catalog that does not load is an RtfsConfigError.
 */
export function plannerFor(
  catalogs: readonly string[] | undefined,
  text?: string,
): PlannerStdlib | undefined {
  const files = catalogs ?? [];
  if (files.length === 0 && (text === undefined || !mentionsPlanner(text))) return undefined;
  const p = plannerStdlib(files);
  if ('diagnostics' in p) throw new RtfsConfigError(p.diagnostics);
  return p;
}

/** What `runProgram` needs to record the planner's catalog with a run (so it replays). */
export function recordCatalog(
  hosted: Hosted,
  p: PlannerStdlib | undefined,
): { meta: RMap; before: () => void } | undefined {
  if (p === undefined) return undefined;
  return {
    meta: RMap.fromFlat([Keyword.of('catalog'), catalogMeta(p)]),
    before: () => hosted.host.storeContent(p.catalog.snapshot, 'catalog', p.content),
  };
}

export function inputsOf(i: RtfsOptions['inputs']): RMap | undefined {
  if (i === undefined) return undefined;
  if (i instanceof RMap) return i;
  if (typeof i !== 'string') {
    const v = fromPlain(i);
    if (v instanceof RMap) return v;
    throw new TypeError('inputs must be an object');
  }
  const r = readConfigFile(resolve(i), 'input file');
  if (!r.ok) throw new RtfsConfigError(r.diagnostics);
  if (!(r.value instanceof RMap))
    throw new RtfsConfigError([shapeError(r.span, 'plan inputs are a JSON object or an RTFS map')]);
  return r.value;
}

/**
 * `runAsync(text, options)`: runs a program whose TypeScript capabilities may be
 * asynchronous (an HTTP call, a database query, an LLM). The evaluator is synchronous
 * (pure code never pays for async, ADR 0007), so the program runs in a worker thread
 * and waits, blocked, while this thread awaits each capability's Promise; capability
 * implementations keep running here, with their closures (async-protocol.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MessageChannel, Worker } from 'node:worker_threads';
import { printValue } from '../data/index.js';
import { type Diagnostic, type Phase, type Severity } from '../diagnostics/index.js';
import { Source } from '../source/index.js';
import {
  type ChainRecord,
  decodeValue,
  encodeValue,
  parseJsonl,
  readRecords,
} from '../audit/index.js';
import { RtfsError } from '../runtime/index.js';
import type { CapabilityDefinition } from './capability.js';
import { type RtfsOptions, answersOf, isDefinition, policyOf } from './options.js';
import { type RunResult, catalogOf, inputsOf } from './rtfs.js';
import type {
  AsyncInit,
  ProxySpec,
  Reply,
  WireDiagnostic,
  WorkerMessage,
} from './async-protocol.js';

/** A run's result with the records it wrote to the causal chain. */
export type AsyncRunResult = RunResult & { readonly records: readonly ChainRecord[] };

/** Runs `text` as one recorded run in a worker; TypeScript capabilities run in this thread. */
export function runAsync(
  text: string,
  options: RtfsOptions & { readonly uri?: string } = {},
): Promise<AsyncRunResult> {
  const defs = new Map<string, CapabilityDefinition>();
  for (const c of options.capabilities ?? []) {
    if (!isDefinition(c))
      throw new TypeError(
        `runAsync: capability '${c.id}' is a host Capability; define it with defineCapability`,
      );
    defs.set(c.id, c);
  }
  // Options are checked here, so a bad file is an RtfsConfigError before a thread starts.
  const policy = policyOf(options.policy);
  const answers = answersOf(options.answers);
  const inputs = inputsOf(options.inputs);
  catalogOf(options.catalogs);
  const out = options.out ?? ((t: string) => void process.stdout.write(t));
  const log = options.log ?? ((t: string) => void process.stderr.write(t));
  if (typeof options.chain === 'object')
    throw new TypeError('runAsync: chain is a directory (or omitted for an in-memory chain)');
  const chainDir = options.chain === undefined ? undefined : resolve(options.chain);

  const signal = new Int32Array(new SharedArrayBuffer(4));
  const { port1: replies, port2: workerReplies } = new MessageChannel();
  const init: AsyncInit = {
    text,
    uri: options.uri ?? '<run>',
    policy,
    proxies: [...defs.values()].map(proxySpec),
    catalogs: options.catalogs ?? [],
    ...(chainDir !== undefined ? { chainDir } : {}),
    dryRun: options.dryRun === true,
    readRoots: options.readRoots ?? [],
    paths: options.paths ?? [],
    ...(inputs ? { inputs: encodeValue(inputs) } : {}),
    hasAnswers: answers !== undefined,
    engine: options.engine ?? 'interpret',
    signal,
  };
  const reply = (r: Reply): void => {
    replies.postMessage(r);
    Atomics.store(signal, 0, 1);
    Atomics.notify(signal, 0);
  };

  return new Promise<AsyncRunResult>((done, fail) => {
    const worker = new Worker(workerFile(), {
      workerData: { init, replies: workerReplies },
      transferList: [workerReplies],
    });
    let settled = false;
    const finish = (f: () => void): void => {
      if (settled) return;
      settled = true;
      replies.close();
      void worker.terminate();
      f();
    };
    worker.on('message', (m: WorkerMessage) => {
      switch (m.kind) {
        case 'out':
          (m.stream === 'out' ? out : log)(m.text);
          return;
        case 'ask':
          reply({ answer: answers?.next(m.prompt) });
          return;
        case 'call': {
          const def = defs.get(m.id);
          if (def === undefined) {
            reply({ ok: false, code: 'capability/unknown', message: `no capability ${m.id}` });
            return;
          }
          Promise.resolve()
            .then(() => def.invoke(decodeValue(m.input), log))
            .then(
              (v) => reply({ ok: true, value: encodeValue(v) }),
              (e: unknown) =>
                reply({
                  ok: false,
                  code: e instanceof RtfsError ? e.code : 'capability/failed',
                  message:
                    e instanceof RtfsError
                      ? e.message
                      : `capability '${m.id}' failed: ${e instanceof Error ? e.message : String(e)}`,
                }),
            );
          return;
        }
        case 'done':
          finish(() => done(result(m, chainDir)));
          return;
        case 'fatal':
          finish(() => fail(new Error(`rtfs: runAsync: ${m.message}`)));
          return;
      }
    });
    worker.on('error', (e) => finish(() => fail(e)));
    worker.on('exit', (code) =>
      finish(() => fail(new Error(`rtfs: runAsync: the evaluator thread exited (${code})`))),
    );
  });
}

/** Reads and runs a file with {@link runAsync}. */
export function runFileAsync(path: string, options: RtfsOptions = {}): Promise<AsyncRunResult> {
  return runAsync(readFileSync(path, 'utf8'), { ...options, uri: path });
}

function proxySpec(d: CapabilityDefinition): ProxySpec {
  return {
    id: d.id,
    description: d.description,
    effects: d.effects,
    ...(d.inputForm !== undefined ? { inputSchema: printValue(d.inputForm) } : {}),
    ...(d.outputForm !== undefined ? { outputSchema: printValue(d.outputForm) } : {}),
  };
}

function result(
  m: Extract<WorkerMessage, { kind: 'done' }>,
  chainDir: string | undefined,
): AsyncRunResult {
  const records =
    m.lines !== undefined ? parseJsonl(m.lines.join('')) : chainDir ? readRecords(chainDir) : [];
  if (m.ok) return { ok: true, value: decodeValue(m.value ?? null), runId: m.runId, records };
  const e = m.error ?? { code: 'runtime/unknown', message: '', text: '', diagnostics: [] };
  return {
    ok: false,
    runId: m.runId,
    records,
    error: {
      code: e.code,
      message: e.message,
      text: e.text,
      diagnostics: e.diagnostics.map(diagnosticOf),
    },
  };
}

function diagnosticOf(w: WireDiagnostic): Diagnostic {
  const span = { source: new Source(w.uri, w.sourceText), start: w.start, end: w.end };
  return {
    code: w.code,
    phase: w.phase as Phase,
    severity: w.severity as Severity,
    message: w.message,
    span,
    ...(w.notes ? { notes: w.notes } : {}),
  };
}

/**
 * dist/async-worker.js next to this bundle; when running from src/ (the test suite),
 * the package's built one (both sides speak only the messages of async-protocol.ts).
 */
function workerFile(): URL {
  const here = new URL('./async-worker.js', import.meta.url);
  if (existsSync(fileURLToPath(here))) return here;
  return new URL('../../dist/async-worker.js', import.meta.url);
}

/**
 * The evaluator thread of `runAsync` (dist/async-worker.js): runs one program with a
 * host whose TypeScript capabilities are proxies that wait for the caller's thread
 * (async-protocol.ts).
 */
// The reading API installs the Chevrotain reader (diagnostics for text that does not read).
import '../reader.js';
import { makeDirectory } from '../source/make-directory.js';
import {
  type MessagePort,
  parentPort,
  receiveMessageOnPort,
  workerData,
} from 'node:worker_threads';
import { RMap } from '../data/index.js';
import { decodeValue, encodeValue, JsonlChain, MemoryChain } from '../audit/index.js';
import { type Capability, createHostedRuntime, runProgram } from '../host/index.js';
import { RtfsError } from '../runtime/index.js';
import { jsCompiler } from '../compiler/index.js';
import { typeSchema } from './capability.js';
import { plannerFor, recordCatalog, runError } from './rtfs.js';
import type { AsyncInit, Reply, WireDiagnostic, WorkerMessage } from './async-protocol.js';

const port = parentPort;
if (port === null) throw new Error('rtfs: async-worker.js must run in a worker thread');
const { init, replies } = workerData as { init: AsyncInit; replies: MessagePort };
const post = (m: WorkerMessage): void => port.postMessage(m);

/** Posts `m` and waits for the caller's reply. */
function request(m: WorkerMessage): Reply {
  Atomics.store(init.signal, 0, 0);
  post(m);
  Atomics.wait(init.signal, 0, 0);
  const r = receiveMessageOnPort(replies);
  if (r === undefined) throw new Error('rtfs: runAsync signalled without a reply');
  return r.message as Reply;
}

function proxies(): Capability[] {
  return init.proxies.map((p) => {
    const input =
      p.inputSchema === undefined ? undefined : typeSchema(p.id, 'input', p.inputSchema);
    const output =
      p.outputSchema === undefined ? undefined : typeSchema(p.id, 'output', p.outputSchema);
    return {
      id: p.id,
      description: p.description,
      inputSchema: input?.type,
      outputSchema: output?.type,
      ...(input ? { inputSchemaForm: input.form } : {}),
      ...(output ? { outputSchemaForm: output.form } : {}),
      effects: p.effects,
      impl: (value) => {
        const r = request({ kind: 'call', id: p.id, input: encodeValue(value) });
        if ('answer' in r) throw new Error('rtfs: runAsync answered a call with an answer');
        if (!r.ok) throw new RtfsError(r.code, r.message);
        return decodeValue(r.value);
      },
    };
  });
}

function wireDiagnostics(ds: ReturnType<typeof runError>['diagnostics']): WireDiagnostic[] {
  return ds.map((d) => ({
    code: d.code,
    phase: d.phase,
    severity: d.severity,
    message: d.message,
    uri: d.span.source.uri,
    sourceText: d.span.source.text,
    start: d.span.start,
    end: d.span.end,
    ...(d.notes ? { notes: d.notes } : {}),
  }));
}

function main(): void {
  let sink: MemoryChain | JsonlChain;
  if (init.chainDir === undefined) sink = new MemoryChain();
  else {
    makeDirectory(init.chainDir);
    sink = JsonlChain.open(init.chainDir);
  }
  const inputs = init.inputs === undefined ? undefined : decodeValue(init.inputs);
  const planner = plannerFor(init.catalogs, init.text);
  const hosted = createHostedRuntime({
    policy: init.policy,
    sink,
    capabilities: [...(planner?.capabilities ?? []), ...proxies()],
    out: (text) => post({ kind: 'out', stream: 'out', text }),
    log: (text) => post({ kind: 'out', stream: 'log', text }),
    paths: init.paths,
    readRoots: init.readRoots,
    dryRun: init.dryRun,
    ...(init.hasAnswers
      ? {
          answers: {
            next: (prompt: string) => {
              const r = request({ kind: 'ask', prompt });
              return 'answer' in r ? r.answer : undefined;
            },
          },
        }
      : {}),
    ...(inputs instanceof RMap ? { inputs } : {}),
    ...(init.engine === 'compile' ? { compiler: jsCompiler } : {}),
  });
  let outcome;
  try {
    outcome = runProgram(hosted, init.text, init.uri, recordCatalog(hosted, planner));
  } finally {
    if (sink instanceof JsonlChain) sink.close();
  }
  const lines = sink instanceof MemoryChain ? [...sink.lines] : undefined;
  const runId = hosted.host.currentRun;
  if (outcome.ok) {
    post({
      kind: 'done',
      ok: true,
      value: encodeValue(outcome.value),
      runId,
      ...(lines ? { lines } : {}),
    });
    return;
  }
  const e = runError(outcome);
  post({
    kind: 'done',
    ok: false,
    error: {
      code: e.code,
      message: e.message,
      text: e.text,
      diagnostics: wireDiagnostics(e.diagnostics),
    },
    runId,
    ...(lines ? { lines } : {}),
  });
}

try {
  main();
} catch (e) {
  post({ kind: 'fatal', message: e instanceof Error ? e.message : String(e) });
}

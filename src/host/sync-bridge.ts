/**
 * Calls asynchronous functions synchronously. The RTFS evaluator is synchronous (pure
 * code never pays for async), so an async capability provider (HTTP, an LLM) runs in
 * a worker thread: the host posts the request, blocks on `Atomics.wait` until the
 * worker signals, then takes the reply with `receiveMessageOnPort`. Node allows
 * `Atomics.wait` on the main thread. See docs/adr/0007-capability-calls.md.
 *
 * A provider is a module specifier plus an export name; the export is an async
 * function of one JSON-like argument returning a JSON-like value.
 */
import {
  MessageChannel,
  Worker,
  receiveMessageOnPort,
  type MessagePort,
} from 'node:worker_threads';

const WORKER_SOURCE = `
const { workerData } = require('node:worker_threads');
const { port, flag } = workerData;
const signal = new Int32Array(flag);
port.on('message', async (req) => {
  let reply;
  try {
    const mod = await import(req.module);
    const fn = mod[req.export];
    if (typeof fn !== 'function') throw new Error(req.module + ' has no function ' + req.export);
    reply = { ok: true, value: await fn(req.input) };
  } catch (e) {
    reply = { ok: false, message: e && e.message ? e.message : String(e) };
  }
  port.postMessage(reply);
  Atomics.store(signal, 0, 1);
  Atomics.notify(signal, 0);
});
`;

export type BridgeReply = { ok: true; value: unknown } | { ok: false; message: string };

export class SyncBridge {
  private readonly worker: Worker;
  private readonly port: MessagePort;
  private readonly signal: Int32Array;

  constructor() {
    const { port1, port2 } = new MessageChannel();
    const flag = new SharedArrayBuffer(4);
    this.signal = new Int32Array(flag);
    this.port = port1;
    this.worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { port: port2, flag },
      transferList: [port2],
    });
    this.worker.unref();
  }

  /** Runs `export(input)` from `module` in the worker and waits for its result. */
  call(module: string, exportName: string, input: unknown, timeoutMs = 120_000): BridgeReply {
    Atomics.store(this.signal, 0, 0);
    this.port.postMessage({ module, export: exportName, input });
    const r = Atomics.wait(this.signal, 0, 0, timeoutMs);
    if (r === 'timed-out')
      return { ok: false, message: `no reply from ${module}#${exportName} within ${timeoutMs} ms` };
    const msg = receiveMessageOnPort(this.port);
    if (msg === undefined)
      return { ok: false, message: 'the provider worker signalled without a reply' };
    return msg.message as BridgeReply;
  }

  close(): void {
    this.port.close();
    void this.worker.terminate();
  }
}

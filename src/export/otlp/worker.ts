/**
 * The live exporter's worker thread (dist/otlp-worker.js). A run evaluates
 * synchronously on the main thread, so spans are built and sent here, where the
 * event loop is free: the OpenTelemetry SDK's BatchSpanProcessor batches them and the
 * OTLP/HTTP exporter posts each batch while the run goes on. The main thread posts
 * span signals (signals.ts) and, at the end, `finish`; the worker flushes, shuts the
 * SDK down and answers with what was delivered.
 */
import { connect } from 'node:net';
import { parentPort, workerData } from 'node:worker_threads';
import { ExportResultCode, type ExportResult } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import {
  BatchSpanProcessor,
  type ReadableSpan,
  type SpanExporter,
} from '@opentelemetry/sdk-trace-base';
import { SpanBuilder } from './span-builder.js';
import type { LiveInit, ToMain, ToWorker } from './live-protocol.js';

/**
 * Counts what the wrapped exporter delivered, and keeps the first failure's reason. It
 * also knows the exports still in flight: the batch processor's flush does not wait for
 * a batch its timer already started, so `finish` waits for them here (a slow collector
 * or a loaded machine would otherwise lose that batch when the worker stops).
 */
class CountingExporter implements SpanExporter {
  exported = 0;
  failed = 0;
  batches = 0;
  error: string | undefined;
  private readonly inFlight = new Set<Promise<void>>();
  constructor(private readonly inner: SpanExporter) {}
  export(spans: ReadableSpan[], done: (r: ExportResult) => void): void {
    let settle = (): void => {};
    const p = new Promise<void>((resolve) => (settle = resolve));
    this.inFlight.add(p);
    this.inner.export(spans, (r) => {
      this.batches++;
      if (r.code === ExportResultCode.SUCCESS) this.exported += spans.length;
      else {
        this.failed += spans.length;
        this.error ??= describe(r.error);
      }
      this.inFlight.delete(p);
      settle();
      done(r);
    });
  }
  /** Resolves when every export started so far has answered (each is bounded by its timeout). */
  async settled(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.all([...this.inFlight]);
  }
  shutdown(): Promise<void> {
    return this.inner.shutdown();
  }
  forceFlush(): Promise<void> {
    return this.inner.forceFlush?.() ?? Promise.resolve();
  }
}

/**
 * Checks that the collector accepts connections before each export, and fails the
 * export at once when it does not (re-checking at most once a second): the OTLP
 * exporter would otherwise retry a refused connection for its whole timeout, batch
 * after batch, and keep a finished run waiting.
 */
class ReachableExporter implements SpanExporter {
  private down: { readonly at: number; readonly why: string } | undefined;
  private readonly host: string;
  private readonly port: number;
  constructor(
    private readonly inner: SpanExporter,
    url: string,
  ) {
    const u = new URL(url);
    this.host = u.hostname.replace(/^\[|\]$/g, '');
    this.port = Number(u.port || (u.protocol === 'https:' ? 443 : 80));
  }
  private probe(): Promise<string | undefined> {
    return new Promise((resolve) => {
      const socket = connect({ host: this.host, port: this.port, timeout: 1000 });
      const done = (why: string | undefined): void => {
        socket.destroy();
        resolve(why);
      };
      socket.once('connect', () => done(undefined));
      socket.once('timeout', () => done(`no connection to ${this.host}:${this.port} within 1 s`));
      socket.once('error', (e) => done(e.message));
    });
  }
  export(spans: ReadableSpan[], done: (r: ExportResult) => void): void {
    const fail = (why: string): void =>
      done({ code: ExportResultCode.FAILED, error: new Error(why) });
    if (this.down !== undefined && Date.now() - this.down.at < 1000) return fail(this.down.why);
    void this.probe().then((why) => {
      if (why !== undefined) {
        this.down = { at: Date.now(), why };
        return fail(why);
      }
      this.down = undefined;
      this.inner.export(spans, done);
    });
  }
  shutdown(): Promise<void> {
    return this.inner.shutdown();
  }
  forceFlush(): Promise<void> {
    return this.inner.forceFlush?.() ?? Promise.resolve();
  }
}

function describe(e: unknown): string {
  if (e instanceof Error) {
    const cause = (e as { cause?: unknown }).cause;
    const code = (e as { code?: unknown }).code;
    const more = cause instanceof Error ? ` (${cause.message})` : '';
    return `${e.message || String(code ?? 'export failed')}${more}`;
  }
  return String(e ?? 'export failed');
}

const port = parentPort;
if (port === null) throw new Error('rtfs: otlp-worker.js must run in a worker thread');
const init = workerData as LiveInit;
const exporter = new CountingExporter(
  new ReachableExporter(
    new OTLPTraceExporter({ url: init.url, timeoutMillis: init.timeoutMs }),
    init.url,
  ),
);
const builder = new SpanBuilder(
  [
    new BatchSpanProcessor(exporter, {
      scheduledDelayMillis: init.delayMs,
      maxQueueSize: init.queueSize,
    }),
  ],
  init.version,
);

port.on('message', (m: ToWorker) => {
  switch (m.op) {
    case 'signals':
      for (const s of m.signals) builder.apply(s);
      return;
    case 'finish':
      void (async () => {
        // A collector that never took a batch is down: do not retry the rest for the
        // whole export timeout at the end of the run.
        if (!(exporter.batches > 0 && exporter.exported === 0)) {
          try {
            await builder.provider.forceFlush();
            await exporter.settled();
            await builder.provider.shutdown();
            await exporter.settled();
          } catch (e) {
            exporter.error ??= describe(e);
          }
        }
        const reply: ToMain = {
          op: 'done',
          exported: exporter.exported,
          failed: exporter.failed,
          batches: exporter.batches,
          ...(exporter.error !== undefined ? { error: exporter.error } : {}),
        };
        port.postMessage(reply);
      })();
      return;
  }
});

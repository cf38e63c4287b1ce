/**
 * The live exporter's worker thread (dist/otlp-worker.js). A run evaluates
 * synchronously on the main thread, so spans are built and sent here, where the
 * event loop is free: the OpenTelemetry SDK's BatchSpanProcessor batches them and the
 * OTLP/HTTP exporter posts each batch while the run goes on. The main thread posts
 * span signals (signals.ts) and, at the end, `finish`; the worker flushes, shuts the
 * SDK down and answers with what was delivered.
 */
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

/** Counts what the wrapped exporter delivered, and keeps the first failure's reason. */
class CountingExporter implements SpanExporter {
  exported = 0;
  failed = 0;
  batches = 0;
  error: string | undefined;
  constructor(private readonly inner: SpanExporter) {}
  export(spans: ReadableSpan[], done: (r: ExportResult) => void): void {
    this.inner.export(spans, (r) => {
      this.batches++;
      if (r.code === ExportResultCode.SUCCESS) this.exported += spans.length;
      else {
        this.failed += spans.length;
        this.error ??= describe(r.error);
      }
      done(r);
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
  new OTLPTraceExporter({ url: init.url, timeoutMillis: init.timeoutMs }),
);
const builder = new SpanBuilder(
  [new BatchSpanProcessor(exporter, { scheduledDelayMillis: init.delayMs })],
  init.version,
);

port.on('message', (m: ToWorker) => {
  switch (m.op) {
    case 'signals':
      for (const s of m.signals) builder.apply(s);
      return;
    case 'finish':
      void (async () => {
        try {
          await builder.provider.forceFlush();
          await builder.provider.shutdown();
        } catch (e) {
          exporter.error ??= describe(e);
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

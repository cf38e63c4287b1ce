/**
 * `rtfs chain export DIR --format otlp-json`: the runs of a chain as one OTLP/JSON
 * `ExportTraceServiceRequest` (one trace per run), made by the OpenTelemetry SDK (the
 * span builder with an in-memory exporter) and serialized by the OTLP transformer, the
 * same encoding the OTLP/HTTP exporter sends.
 */
import { InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { JsonTraceSerializer } from '@opentelemetry/otlp-transformer';
import { type ChainRecord, runIds } from '../../audit/index.js';
import { SignalMaker } from './signals.js';
import { SpanBuilder } from './span-builder.js';

export interface FileExportOptions {
  /** Only this run (default: every run in the records). */
  readonly runId?: string;
  readonly includeValues?: boolean;
  /** rtfs-ts version (service.version, instrumentation scope version). */
  readonly version: string;
}

export type FileExport =
  | { readonly ok: true; readonly json: string; readonly spans: number; readonly runs: number }
  | { readonly ok: false; readonly error: string };

export async function otlpJson(
  records: readonly ChainRecord[],
  opts: FileExportOptions,
): Promise<FileExport> {
  const runs = runIds(records);
  if (opts.runId !== undefined && !runs.includes(opts.runId))
    return { ok: false, error: `no run ${opts.runId} in the chain` };
  const chosen = opts.runId === undefined ? new Set(runs) : new Set([opts.runId]);
  const memory = new InMemorySpanExporter();
  const builder = new SpanBuilder([new SimpleSpanProcessor(memory)], opts.version);
  const maker = new SignalMaker({ includeValues: opts.includeValues === true });
  let last = 0;
  for (const r of records) {
    if (r.action.run !== null && !chosen.has(r.action.run)) continue;
    for (const s of maker.signals(r)) builder.apply(s);
    last = Math.max(last, r.action.ts);
  }
  for (const s of maker.finish(last)) builder.apply(s);
  await builder.provider.forceFlush();
  const spans = memory.getFinishedSpans();
  const bytes = JsonTraceSerializer.serializeRequest(spans);
  await builder.provider.shutdown();
  if (bytes === undefined) return { ok: false, error: 'the OTLP serializer produced nothing' };
  return {
    ok: true,
    json: Buffer.from(bytes).toString('utf8'),
    spans: spans.length,
    runs: chosen.size,
  };
}

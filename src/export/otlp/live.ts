/**
 * Live export (`--otlp-endpoint URL`, `OTEL_EXPORTER_OTLP_ENDPOINT`): every record a
 * run appends to its causal chain also becomes span signals, posted to a worker
 * thread (worker.ts) that builds the spans with the OpenTelemetry SDK and sends them
 * in batches over OTLP/HTTP while the run goes on. The chain is written exactly as
 * without export; a collector that is down or slow costs a warning, nothing else.
 *
 * Cost on the run: making a record's signals and posting them (a structured clone).
 * Signals are posted in groups (every 64, or after 20 ms), and at once before a
 * durable append — the write-ahead record of a call with effects, which may block
 * for long (an LLM, a person) — so the worker can send what has finished meanwhile.
 */
import { Worker } from 'node:worker_threads';
import type { ActionInput, AuditSink } from '../../runtime/audit-sink.js';
import { type ChainRecord, observeSink } from '../../audit/index.js';
import { SignalMaker, type SpanSignal } from './signals.js';
import type { LiveInit, ToMain, ToWorker } from './live-protocol.js';

/** A chain the exporter can tap: it reports the seq and hash of what it appended. */
export interface TappableSink extends AuditSink {
  readonly lastSeq: number;
  readonly lastHash: string;
  readonly chainId: string;
}

export interface LiveResult {
  readonly url: string;
  readonly spans: number;
  readonly exported: number;
  readonly failed: number;
  readonly batches: number;
  /** Why spans were not delivered (the first failure), if any were not. */
  readonly error: string | undefined;
}

const GROUP = 64;
const GROUP_MS = 20;

export class LiveExport {
  private readonly worker: Worker;
  private pending: SpanSignal[] = [];
  private lastPost = 0;
  private lastTs = 0;
  private spans = 0;
  private lost: string | undefined;
  private maker: SignalMaker;
  private finished: Promise<LiveResult> | undefined;

  /** The chain's clock: the exporter learns each record's `ts` from it. */
  readonly now = (): number => (this.lastTs = Date.now());

  constructor(
    private readonly init: LiveInit,
    private readonly includeValues = false,
  ) {
    this.maker = new SignalMaker({ includeValues });
    this.worker = new Worker(new URL('./otlp-worker.js', import.meta.url), { workerData: init });
    this.worker.unref();
    this.worker.on('error', (e) => {
      this.lost ??= `the export worker failed: ${e.message}`;
    });
  }

  /** `inner`, with every append also exported. */
  tap(inner: TappableSink): AuditSink {
    this.maker = new SignalMaker({ includeValues: this.includeValues, chainId: inner.chainId });
    let seq = 0;
    return observeSink(inner, {
      appending: () => {
        seq = inner.lastSeq + 1;
      },
      appended: (action, durable) => {
        // A checkpoint may follow the record: its own seq and hash are then not the last.
        this.record(action, seq, inner.lastSeq === seq ? inner.lastHash : '', durable);
      },
      flushed: () => this.post(),
    });
  }

  private record(action: ActionInput, seq: number, hash: string, urgent: boolean): void {
    try {
      const r: ChainRecord = { seq, prev: '', hash, action: { ...action, ts: this.lastTs } };
      const signals = this.maker.signals(r);
      this.spans += signals.filter((s) => s.op === 'start').length;
      this.pending.push(...signals);
      if (urgent || this.pending.length >= GROUP || this.lastTs - this.lastPost >= GROUP_MS)
        this.post();
    } catch (e) {
      // Exporting must never change the run: a failure here only loses spans.
      this.lost ??= `cannot export record ${seq}: ${(e as Error).message}`;
    }
  }

  private post(): void {
    if (this.pending.length === 0) return;
    const msg: ToWorker = { op: 'signals', signals: this.pending };
    this.pending = [];
    this.lastPost = this.lastTs;
    try {
      this.worker.postMessage(msg);
    } catch (e) {
      this.lost ??= `cannot hand spans to the export worker: ${(e as Error).message}`;
    }
  }

  /**
   * Ends what is still open, sends everything, and waits for the worker (at most the
   * exporter's timeout plus two seconds). Safe to call more than once.
   */
  finish(): Promise<LiveResult> {
    this.finished ??= this.doFinish();
    return this.finished;
  }

  private async doFinish(): Promise<LiveResult> {
    this.pending.push(...this.maker.finish(this.lastTs || Date.now()));
    this.post();
    const base = { url: this.init.url, spans: this.spans };
    const reply = await new Promise<ToMain | string>((resolve) => {
      const timer = setTimeout(
        () => resolve(`no answer from the collector within ${this.init.timeoutMs} ms`),
        this.init.timeoutMs + 2000,
      );
      this.worker.once('message', (m: ToMain) => {
        clearTimeout(timer);
        resolve(m);
      });
      this.worker.once('exit', () => {
        clearTimeout(timer);
        resolve(this.lost ?? 'the export worker stopped');
      });
      this.worker.postMessage({ op: 'finish' } satisfies ToWorker);
    });
    await this.worker.terminate();
    if (typeof reply === 'string')
      return { ...base, exported: 0, failed: this.spans, batches: 0, error: reply };
    const error = this.lost ?? reply.error;
    return {
      ...base,
      exported: reply.exported,
      failed: this.spans - reply.exported,
      batches: reply.batches,
      error: error ?? (reply.exported < this.spans ? 'some spans were dropped' : undefined),
    };
  }
}

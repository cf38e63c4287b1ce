/**
 * Shared by the OpenTelemetry tests: decoding OTLP/JSON as a collector receives it, and
 * checking a set of spans against the causal chain they were made from.
 */
import { createHash } from 'node:crypto';
import { expect } from 'vitest';
import { type ChainRecord, opensSpan } from '../../src/audit/index.js';

export interface OtlpValue {
  stringValue?: string;
  intValue?: number | string;
  doubleValue?: number;
  boolValue?: boolean;
  arrayValue?: { values?: OtlpValue[] };
}

export interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  startTimeUnixNano: string;
  endTimeUnixNano: string;
  attributes: { key: string; value: OtlpValue }[];
  events?: {
    name: string;
    timeUnixNano: string;
    attributes: { key: string; value: OtlpValue }[];
  }[];
  status: { code?: number; message?: string };
}

interface Request {
  resourceSpans: {
    resource: { attributes: { key: string; value: OtlpValue }[] };
    scopeSpans: { scope: { name: string; version?: string }; spans: OtlpSpan[] }[];
  }[];
}

function plain(v: OtlpValue): unknown {
  if (v.stringValue !== undefined) return v.stringValue;
  if (v.intValue !== undefined) return Number(v.intValue);
  if (v.doubleValue !== undefined) return v.doubleValue;
  if (v.boolValue !== undefined) return v.boolValue;
  if (v.arrayValue !== undefined) return (v.arrayValue.values ?? []).map(plain);
  return undefined;
}

/** A span's attributes as a plain object. */
export function attrs(s: {
  attributes: { key: string; value: OtlpValue }[];
}): Record<string, unknown> {
  return Object.fromEntries(s.attributes.map((a) => [a.key, plain(a.value)]));
}

/** Every span of an ExportTraceServiceRequest, with its resource's attributes. */
export function decode(json: string): { spans: OtlpSpan[]; resource: Record<string, unknown> } {
  const req = JSON.parse(json) as Request;
  const spans = req.resourceSpans.flatMap((r) => r.scopeSpans.flatMap((s) => s.spans));
  const first = req.resourceSpans[0];
  return { spans, resource: first ? attrs(first.resource) : {} };
}

const sha16 = (id: string): string => createHash('sha256').update(id).digest('hex').slice(0, 16);

/**
 * Checks `spans` against the chain: one span per opening record of the run, ids and
 * parent links from the records' ids and parents, the chain's record hashes and seqs,
 * the closing record's, timestamps from the records, error status from failed results.
 */
export function checkAgainstChain(
  spans: readonly OtlpSpan[],
  records: readonly ChainRecord[],
  runId: string,
): void {
  const run = records.filter((r) => r.action.run === runId);
  const opening = run.filter((r) => opensSpan(r.action.type) !== undefined);
  expect(spans).toHaveLength(opening.length);
  const bySeq = new Map(spans.map((s) => [Number(attrs(s)['rtfs.chain.seq']), s]));
  const byId = new Map(run.map((r) => [r.action.id, r]));
  const traceId = runId.replace(/-/g, '');
  for (const open of opening) {
    const span = bySeq.get(open.seq);
    expect(span, `a span for record #${open.seq}`).toBeDefined();
    const a = attrs(span!);
    expect(span!.traceId).toBe(traceId);
    expect(span!.spanId).toBe(sha16(open.action.id));
    expect(a['rtfs.chain.hash']).toBe(open.hash);
    expect(a['rtfs.record.id']).toBe(open.action.id);
    expect(a['rtfs.call_path']).toBe(open.action.callPath);
    expect(BigInt(span!.startTimeUnixNano)).toBe(BigInt(open.action.ts) * 1_000_000n);
    const parent = open.action.parent === null ? undefined : byId.get(open.action.parent);
    if (open.action.type === 'PlanStarted') expect(span!.parentSpanId ?? '').toBe('');
    else expect(span!.parentSpanId).toBe(sha16(parent!.action.id));
    const close = run.find(
      (r) =>
        r.action.parent === open.action.id && /Completed|Aborted|Failed|Result/.test(r.action.type),
    );
    expect(close, `the closing record of #${open.seq}`).toBeDefined();
    expect(a['rtfs.chain.end_seq']).toBe(close!.seq);
    expect(a['rtfs.chain.end_hash']).toBe(close!.hash);
    expect(BigInt(span!.endTimeUnixNano)).toBe(BigInt(close!.action.ts) * 1_000_000n);
    if (open.action.type === 'CapabilityCall') {
      expect(a['rtfs.capability.id']).toBe(open.action.name);
      expect(a['rtfs.args.hash']).toBe(open.action.argsHash);
      expect(a['rtfs.result.hash']).toBe(close!.action.resultHash);
    }
    const result = close!.action.result;
    if (result !== undefined && !result.ok) {
      expect(span!.status.code).toBe(2);
      expect(a['error.type']).toBe(result.error.code);
      expect(a['rtfs.status']).toBe('error');
    } else {
      expect(span!.status.code ?? 0).toBe(0);
      expect(a['rtfs.status']).toBe(close!.action.type === 'PlanAborted' ? 'error' : 'ok');
    }
  }
}

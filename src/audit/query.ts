/** Filtering records, finding runs, and printing one record. */
import { printValue } from '../data/index.js';
import type { ChainRecord } from './record.js';

export interface RecordFilter {
  /** Records of this run (its PlanStarted id). */
  readonly run?: string;
  /** Capability calls and results of this capability (`ns.*` matches a prefix). */
  readonly cap?: string;
  /** Record type(s). */
  readonly type?: string | readonly string[];
  /** Direct children of this record id. */
  readonly parent?: string;
  /** Wall-clock range (epoch ms, inclusive). */
  readonly since?: number;
  readonly until?: number;
  /** Seq range (inclusive). */
  readonly fromSeq?: number;
  readonly toSeq?: number;
  /** At most this many records (the first ones, in seq order). */
  readonly limit?: number;
}

const CAP_TYPES = new Set(['CapabilityCall', 'CapabilityResult']);

function capMatches(pattern: string, name: string | undefined): boolean {
  if (name === undefined) return false;
  return pattern.endsWith('*') ? name.startsWith(pattern.slice(0, -1)) : name === pattern;
}

/** Whether `r` passes `f` (all given conditions, combined with AND). */
export function matches(r: ChainRecord, f: RecordFilter): boolean {
  const a = r.action;
  if (f.run !== undefined && a.run !== f.run) return false;
  if (f.cap !== undefined && !(CAP_TYPES.has(a.type) && capMatches(f.cap, a.name))) return false;
  if (f.type !== undefined) {
    const types = typeof f.type === 'string' ? [f.type] : f.type;
    if (!types.includes(a.type)) return false;
  }
  if (f.parent !== undefined && a.parent !== f.parent) return false;
  if (f.since !== undefined && a.ts < f.since) return false;
  if (f.until !== undefined && a.ts > f.until) return false;
  if (f.fromSeq !== undefined && r.seq < f.fromSeq) return false;
  if (f.toSeq !== undefined && r.seq > f.toSeq) return false;
  return true;
}

/** The records passing `f`, in seq order. */
export function queryRecords(records: Iterable<ChainRecord>, f: RecordFilter = {}): ChainRecord[] {
  const out: ChainRecord[] = [];
  const limit = f.limit ?? Infinity;
  if (limit <= 0) return out;
  for (const r of records) {
    if (!matches(r, f)) continue;
    out.push(r);
    if (out.length >= limit) break;
  }
  return out;
}

/** Run ids (PlanStarted ids) in the order the runs started. */
export function runIds(records: Iterable<ChainRecord>): string[] {
  const out: string[] = [];
  for (const r of records) if (r.action.type === 'PlanStarted') out.push(r.action.id);
  return out;
}

/** The id of the most recent run, or undefined when there is none. */
export function lastRunId(records: Iterable<ChainRecord>): string | undefined {
  return runIds(records).at(-1);
}

/** The record with this id, or this seq (a number or all-digits string). */
export function findRecord(
  records: Iterable<ChainRecord>,
  idOrSeq: string | number,
): ChainRecord | undefined {
  const seq =
    typeof idOrSeq === 'number' ? idOrSeq : /^\d+$/.test(idOrSeq) ? Number(idOrSeq) : undefined;
  for (const r of records) {
    if (seq !== undefined ? r.seq === seq : r.action.id === idOrSeq) return r;
  }
  return undefined;
}

/** A multi-line, human-readable rendering of one record (values printed as RTFS). */
export function formatRecord(r: ChainRecord): string {
  const a = r.action;
  const lines = [`seq ${r.seq}  ${a.type}${a.name !== undefined ? ` ${a.name}` : ''}`];
  const add = (k: string, v: string | number | null | undefined) => {
    if (v !== undefined && v !== null && v !== '') lines.push(`  ${k.padEnd(11)} ${v}`);
  };
  add('id', a.id);
  add('parent', a.parent);
  add('run', a.run);
  add('call path', a.callPath);
  add('time', new Date(a.ts).toISOString());
  if (a.args !== undefined) add('args', printValue(a.args));
  add('args hash', a.argsHash);
  if (a.result !== undefined)
    add(
      'result',
      a.result.ok
        ? printValue(a.result.value)
        : `error ${a.result.error.code}: ${a.result.error.message}`,
    );
  add('result hash', a.resultHash);
  add('duration', a.durationMs === undefined ? undefined : `${a.durationMs} ms`);
  if (a.meta !== undefined) add('meta', printValue(a.meta));
  if (a.data !== undefined) add('data', JSON.stringify(a.data));
  add('prev', r.prev);
  add('hash', r.hash);
  return lines.join('\n');
}

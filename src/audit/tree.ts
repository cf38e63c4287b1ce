/** The causal tree of a run (or of every run), drawn from the explicit parent links. */
import { printValue } from '../data/index.js';
import type { ChainRecord } from './record.js';
import { HOUSEKEEPING } from './record.js';

export interface TreeOptions {
  /** Longest printed value before it is cut with `…` (default 60). */
  readonly width?: number;
  /** Print seq numbers (default true). */
  readonly seqs?: boolean;
}

function clip(s: string, width: number): string {
  return s.length <= width ? s : s.slice(0, Math.max(1, width - 1)) + '…';
}

function label(r: ChainRecord, o: Required<TreeOptions>): string {
  const a = r.action;
  const parts: string[] = [a.type];
  if (a.name !== undefined && a.name !== '') parts.push(a.name);
  if (a.type === 'CapabilityCall' || a.type === 'StepStarted') {
    if (a.callPath) parts.push(`path=${a.callPath}`);
  }
  if (a.args !== undefined) parts.push(`args=${clip(printValue(a.args), o.width)}`);
  if (a.result !== undefined) {
    parts.push(
      a.result.ok
        ? `→ ${clip(printValue(a.result.value), o.width)}`
        : `✗ ${a.result.error.code}: ${clip(a.result.error.message, o.width)}`,
    );
  }
  if (a.durationMs !== undefined) parts.push(`(${a.durationMs} ms)`);
  if (o.seqs) parts.push(`#${r.seq}`);
  return parts.join(' ');
}

/**
 * An indented tree (`├─`/`└─`) of the records of run `runId` (of every run when
 * omitted), children in seq order. A record whose parent is not among the records is
 * drawn as a root (and marked `(orphan)` unless it starts a run). Housekeeping
 * records are left out.
 */
export function formatTree(
  records: readonly ChainRecord[],
  runId?: string,
  opts: TreeOptions = {},
): string {
  const o: Required<TreeOptions> = { width: opts.width ?? 60, seqs: opts.seqs ?? true };
  const chosen = records.filter(
    (r) => !HOUSEKEEPING.has(r.action.type) && (runId === undefined || r.action.run === runId),
  );
  const ids = new Set(chosen.map((r) => r.action.id));
  const children = new Map<string, ChainRecord[]>();
  const roots: ChainRecord[] = [];
  for (const r of chosen) {
    const p = r.action.parent;
    if (p === null || !ids.has(p) || p === r.action.id) roots.push(r);
    else {
      let list = children.get(p);
      if (list === undefined) children.set(p, (list = []));
      list.push(r);
    }
  }
  const out: string[] = [];
  const seen = new Set<string>();
  const walk = (r: ChainRecord, prefix: string, last: boolean, root: boolean): void => {
    const orphan = root && r.action.parent !== null ? ' (orphan)' : '';
    out.push(root ? label(r, o) + orphan : `${prefix}${last ? '└─ ' : '├─ '}${label(r, o)}`);
    if (seen.has(r.action.id)) return;
    seen.add(r.action.id);
    const kids = children.get(r.action.id) ?? [];
    const next = root ? '' : prefix + (last ? '   ' : '│  ');
    kids.forEach((k, i) => walk(k, next, i === kids.length - 1, false));
  };
  for (const r of roots) walk(r, '', true, true);
  return out.join('\n');
}

/** Per-capability metrics, folded from the log (a projection: rebuildable any time). */
import type { ChainRecord } from './record.js';

export interface CapabilityStats {
  readonly cap: string;
  /** CapabilityCall records. */
  readonly calls: number;
  readonly ok: number;
  readonly errors: number;
  /** Calls without a result (crash in between, or still running). */
  readonly inDoubt: number;
  /** Nearest-rank percentiles of the results' durations (null without durations). */
  readonly p50Ms: number | null;
  readonly p95Ms: number | null;
  readonly maxMs: number | null;
  readonly totalMs: number;
}

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1));
  return sorted[i] as number;
}

/** Stats per capability, sorted by capability id. */
export function computeStats(records: Iterable<ChainRecord>): CapabilityStats[] {
  const acc = new Map<string, { calls: number; ok: number; errors: number; durations: number[] }>();
  const of = (cap: string) => {
    let s = acc.get(cap);
    if (s === undefined) acc.set(cap, (s = { calls: 0, ok: 0, errors: 0, durations: [] }));
    return s;
  };
  for (const r of records) {
    const a = r.action;
    if (a.name === undefined) continue;
    if (a.type === 'CapabilityCall') of(a.name).calls++;
    else if (a.type === 'CapabilityResult') {
      const s = of(a.name);
      if (a.result?.ok === false) s.errors++;
      else s.ok++;
      if (a.durationMs !== undefined) s.durations.push(a.durationMs);
    }
  }
  return [...acc.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([cap, s]) => {
      const d = s.durations.sort((x, y) => x - y);
      return {
        cap,
        calls: s.calls,
        ok: s.ok,
        errors: s.errors,
        inDoubt: Math.max(0, s.calls - s.ok - s.errors),
        p50Ms: percentile(d, 0.5),
        p95Ms: percentile(d, 0.95),
        maxMs: d.length ? (d[d.length - 1] as number) : null,
        totalMs: d.reduce((x, y) => x + y, 0),
      };
    });
}

/** A fixed-width text table of stats. */
export function formatStats(stats: readonly CapabilityStats[]): string {
  const header = ['capability', 'calls', 'ok', 'errors', 'in doubt', 'p50 ms', 'p95 ms', 'max ms'];
  const ms = (x: number | null) => (x === null ? '-' : String(x));
  const rows = stats.map((s) => [
    s.cap,
    String(s.calls),
    String(s.ok),
    String(s.errors),
    String(s.inDoubt),
    ms(s.p50Ms),
    ms(s.p95Ms),
    ms(s.maxMs),
  ]);
  const widths = header.map((h, i) =>
    Math.max(h.length, ...rows.map((r) => (r[i] as string).length)),
  );
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === 0 ? c.padEnd(widths[i] as number) : c.padStart(widths[i] as number)))
      .join('  ');
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

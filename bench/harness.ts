/**
 * Benchmark harness: every workload is measured against a baseline in the same run,
 * interleaved (every case once per round, in a shuffled order) so machine noise hits all alike,
 * and reported as medians and ratios. Nothing here asserts on time.
 */
export interface Case {
  /** Row label, e.g. "parse 5 MB". */
  readonly workload: string;
  /** Column label, e.g. "read()" or "JSON.parse". */
  readonly engine: string;
  readonly run: () => unknown;
  /** Bytes processed per run, for MB/s (optional). */
  readonly bytes?: number;
}

export interface Measured {
  readonly workload: string;
  readonly engine: string;
  readonly medianMs: number;
  readonly minMs: number;
  readonly runs: number;
  readonly mbPerS?: number;
  readonly ratio: number;
  readonly baseline: string;
}

export interface Options {
  readonly warmup: number;
  readonly runs: number;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

/**
 * The order of the cases in round `r`: a fixed pseudo-random permutation per round (the
 * same in every run of the bench). A run pays for collecting garbage the run before it
 * left, so a fixed order charges each case for its neighbour: on the 200k pipeline the
 * engine run second after plain JS measured 0.75–0.82× and the same engine run third
 * 1.02–1.25× (ADR 0035). Shuffling spreads that over all cases alike.
 */
export function roundOrder(n: number, r: number): number[] {
  const order = Array.from({ length: n }, (_, i) => i);
  let seed = (r + 1) * 2654435761;
  for (let i = n - 1; i > 0; i--) {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    const j = seed % (i + 1);
    [order[i], order[j]] = [order[j] as number, order[i] as number];
  }
  return order;
}

/** Measures `baseline` and every candidate, interleaved; ratios are candidate ÷ baseline. */
export function compare(baseline: Case, candidates: readonly Case[], opts: Options): Measured[] {
  const all = [baseline, ...candidates];
  const times = all.map(() => [] as number[]);
  for (let w = 0; w < opts.warmup; w++) for (const c of all) c.run();
  for (let r = 0; r < opts.runs; r++) {
    for (const i of roundOrder(all.length, r)) {
      const t0 = performance.now();
      (all[i] as Case).run();
      (times[i] as number[]).push(performance.now() - t0);
    }
  }
  const base = median(times[0] as number[]);
  return all.map((c, i) => {
    const ts = times[i] as number[];
    const med = median(ts);
    return {
      workload: c.workload,
      engine: c.engine,
      medianMs: med,
      minMs: Math.min(...ts),
      runs: ts.length,
      ...(c.bytes ? { mbPerS: c.bytes / 1e6 / (med / 1000) } : {}),
      ratio: med / base,
      baseline: baseline.engine,
    };
  });
}

/** A fixed-width text table of results. */
export function formatTable(rows: readonly Measured[]): string {
  const header = ['workload', 'engine', 'median ms', 'min ms', 'MB/s', '× baseline'];
  const body = rows.map((r) => [
    r.workload,
    r.engine,
    r.medianMs.toFixed(1),
    r.minMs.toFixed(1),
    r.mbPerS === undefined ? '' : r.mbPerS.toFixed(1),
    r.engine === r.baseline ? '1.00 (baseline)' : r.ratio.toFixed(2),
  ]);
  const widths = header.map((h, i) =>
    Math.max(h.length, ...body.map((row) => (row[i] as string).length)),
  );
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i < 2 ? c.padEnd(widths[i] as number) : c.padStart(widths[i] as number)))
      .join('  ');
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n');
}

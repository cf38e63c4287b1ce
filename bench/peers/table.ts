/**
 * The peer table: one row per workload, one column per tool, each cell "work× / warm×"
 * (ratios to plain JS; see measure.ts), then the best peer and whether rtfs (the default
 * engine) and rtfs compiled meet the targets of issue 18: rtfs at or below the best
 * peer (maps: at or below 2.5×), rtfs compiled at or below squint, start-up ≤ 1.4×.
 */
import type { ToolId } from './tools.js';
import type { Cell, PeerRow } from './measure.js';
import { peerWorkloads } from './workloads.js';
import { WORK_FLOOR_MS } from './measure.js';

const PEERS: readonly ToolId[] = ['nbb', 'squint', 'cherry'];
const COLUMNS: readonly { id: ToolId; name: string }[] = [
  { id: 'rtfs', name: 'rtfs' },
  { id: 'rtfs-compiled', name: 'rtfs compiled' },
  { id: 'nbb', name: 'nbb' },
  { id: 'squint', name: 'squint' },
  { id: 'cherry', name: 'cherry' },
];

const x = (r: number | undefined): string =>
  r === undefined ? '–' : `${r < 10 ? r.toFixed(2) : r.toFixed(1)}×`;
const ms = (v: number | undefined): string =>
  v === undefined ? '–' : v < 10 ? `${v.toFixed(1)} ms` : `${Math.round(v)} ms`;

function cellText(c: Cell | undefined, startup: boolean): string {
  if (!c) return '';
  return startup ? x(c.workRatio) : `${x(c.workRatio)} / ${x(c.warmRatio)}`;
}

function best(row: PeerRow, pick: (c: Cell) => number | undefined): number | undefined {
  const vals = PEERS.map((p) => row.cells[p])
    .map((c) => (c ? pick(c) : undefined))
    .filter((v): v is number => v !== undefined);
  return vals.length ? Math.min(...vals) : undefined;
}

/** ✔/✘ for each measure the target applies to ("work" and "warm"). */
export function verdicts(row: PeerRow): { rtfs: string; compiled: string } {
  const check = (id: ToolId, target: (pick: (c: Cell) => number | undefined) => number) => {
    const c = row.cells[id];
    if (!c) return '';
    const picks: ((c: Cell) => number | undefined)[] = row.startup
      ? [(k) => k.workRatio]
      : [(k) => k.workRatio, (k) => k.warmRatio];
    return picks
      .map((pick) => {
        const v = pick(c);
        return v === undefined ? '–' : v <= target(pick) ? '✔' : '✘';
      })
      .join(' ');
  };
  if (row.startup)
    return { rtfs: check('rtfs', () => 1.4), compiled: check('rtfs-compiled', () => 1.4) };
  const bestOrMaps = (pick: (c: Cell) => number | undefined) =>
    row.id === 'maps' ? 2.5 : (best(row, pick) ?? Infinity);
  const squint = (pick: (c: Cell) => number | undefined) => {
    const s = row.cells.squint;
    return (s ? pick(s) : undefined) ?? Infinity;
  };
  return { rtfs: check('rtfs', bestOrMaps), compiled: check('rtfs-compiled', squint) };
}

export function formatPeerTable(rows: readonly PeerRow[], metric: string): string {
  const header = [
    'workload',
    'plain JS (work / warm)',
    ...COLUMNS.map((c) => c.name),
    'best peer',
    'rtfs ≤ best',
    'compiled ≤ squint',
  ];
  const body = rows.map((row) => {
    const js = row.cells.js;
    const v = verdicts(row);
    const bestWork = best(row, (c) => c.workRatio);
    const bestWarm = best(row, (c) => c.warmRatio);
    return [
      row.label,
      row.startup ? ms(js?.processMs) : `${ms(js?.workMs)} / ${ms(js?.warmMs)}`,
      ...COLUMNS.map((c) => cellText(row.cells[c.id], row.startup)),
      row.startup ? x(bestWork) : `${x(bestWork)} / ${x(bestWarm)}`,
      v.rtfs,
      v.compiled,
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    `| ${cells.map((c, i) => (i < 1 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join(' | ')} |`;
  const notes = peerWorkloads
    .filter((w) => w.squintNote && rows.some((r) => r.id === w.id))
    .map((w) => `- ${w.id}: ${w.squintNote}`);
  return [
    line(header),
    `|${widths.map((w, i) => (i < 1 ? ` ${'-'.repeat(w)} ` : ` ${'-'.repeat(w - 1)}: `)).join('|')}|`,
    ...body.map(line),
    '',
    `Cells: work ratio / warm ratio to plain JS (process time: ${metric}; work = the workload's`,
    "process minus the same tool's `(+ 1 2)` process; warm = `run` in-process after warm-up).",
    'The start-up row is the whole `(+ 1 2)` process ÷ node running the JS version.',
    `A work ratio is – when plain JS's work is under ${WORK_FLOOR_MS} ms (within the noise of process times).`,
    ...notes,
  ].join('\n');
}

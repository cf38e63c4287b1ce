/**
 * The timeline (a Gantt chart) as plain SVG: one row per span in tree order, a bar from
 * its opening record's time to its closing record's, on a shared time axis. Iterations
 * of a loop (steps named `name#i`, as `ccos.control.loop` records them) get a shaded
 * band with their number, so refinement cycles read as groups. Every bar links to its
 * node in the tree. The chain's clock has millisecond resolution: spans shorter than
 * a millisecond are drawn as slivers.
 */
import { type RunSpan, isLlmCall, spanStatus, walkSpans } from '../audit/index.js';
import { esc, formatDuration } from './html.js';
import type { RunReport } from './model.js';
import { nodeId, spanDuration } from './tree-html.js';

const ROW = 18;
const LABEL = 250;
const PLOT = 700;
const RIGHT = 70;
const TOP = 24;
/** Rows drawn at most (a huge run keeps a readable, bounded chart). */
export const MAX_ROWS = 1500;

interface Row {
  readonly span: RunSpan;
  readonly depth: number;
}

/** A "nice" tick step (1, 2 or 5 × 10^k ms) giving at most ~8 ticks over `total`. */
export function tickStep(total: number): number {
  const raw = Math.max(total, 1) / 8;
  const p = 10 ** Math.floor(Math.log10(raw));
  for (const m of [1, 2, 5, 10]) if (m * p >= raw) return m * p;
  return 10 * p;
}

function barClass(s: RunSpan): string {
  const st = spanStatus(s);
  const kind = s.kind === 'call' && isLlmCall(s.open) ? 'llm' : s.kind;
  return `bar ${kind} ${st}`;
}

/** Row ranges of loop iterations: a step `name#i` and all rows below it. */
function iterationBands(rows: readonly Row[]): { from: number; to: number; label: string }[] {
  const bands: { from: number; to: number; label: string }[] = [];
  rows.forEach((r, i) => {
    if (r.span.kind !== 'step') return;
    const m = /^(.*)#(\d+)$/.exec(r.span.open.action.name ?? '');
    if (m === null) return;
    let j = i + 1;
    while (j < rows.length && (rows[j] as Row).depth > r.depth) j++;
    bands.push({ from: i, to: j - 1, label: `${m[1]} iteration ${Number(m[2]) + 1}` });
  });
  return bands;
}

/** The timeline section's SVG. */
export function timelineSvg(report: RunReport): string {
  const rows: Row[] = [];
  walkSpans(report.root, (span, depth) => {
    if (rows.length < MAX_ROWS) rows.push({ span, depth });
  });
  const t0 = report.start;
  const total = Math.max(1, report.end - t0);
  const x = (t: number): number => LABEL + ((t - t0) / total) * PLOT;
  const height = TOP + rows.length * ROW + 8;
  const width = LABEL + PLOT + RIGHT;
  const out: string[] = [];
  out.push(
    `<svg class=gantt xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="timeline of the run">`,
  );
  iterationBands(rows).forEach((b, i) => {
    const y = TOP + b.from * ROW;
    const h = (b.to - b.from + 1) * ROW;
    out.push(
      `<rect class="band b${i % 2}" x="0" y="${y}" width="${width}" height="${h}"/>` +
        `<text class=bandlabel x="${width - 4}" y="${y + 12}" text-anchor="end">${esc(b.label)}</text>`,
    );
  });
  const step = tickStep(total);
  for (let t = 0; t <= total + 1e-9; t += step) {
    const tx = x(t0 + t);
    out.push(
      `<line class=tick x1="${tx.toFixed(1)}" y1="${TOP - 6}" x2="${tx.toFixed(1)}" y2="${height}"/>` +
        `<text class=ticklabel x="${tx.toFixed(1)}" y="${TOP - 9}" text-anchor="middle">${esc(formatDuration(t))}</text>`,
    );
  }
  rows.forEach((r, i) => {
    const s = r.span;
    const y = TOP + i * ROW;
    const end = s.close?.action.ts ?? report.end;
    const dur = spanDuration(s);
    // The work itself: a durable (write-ahead) call record is fsynced before the
    // capability runs, so the closing record's duration is the truer start.
    const start = Math.max(s.open.action.ts, dur === undefined ? -Infinity : end - dur);
    const bx = x(start);
    const bw = Math.max(2, x(end) - bx);
    const name = s.open.action.name ?? '';
    const tip = `${s.kind} ${name}${s.open.action.callPath ? ` (${s.open.action.callPath})` : ''}: ${dur === undefined ? 'no result' : formatDuration(dur)}`;
    const label = name.length > 34 - r.depth ? `${name.slice(0, 33 - r.depth)}…` : name;
    out.push(
      `<a href="#${nodeId(s)}" class=row>` +
        `<text class="label ${s.kind}" x="${6 + r.depth * 10}" y="${y + 13}">${esc(label)}</text>` +
        `<rect class="${barClass(s)}" x="${bx.toFixed(1)}" y="${y + 3}" width="${bw.toFixed(1)}" height="${ROW - 6}" rx="2"><title>${esc(tip)}</title></rect>` +
        (dur !== undefined
          ? `<text class=durlabel x="${(bx + bw + 4).toFixed(1)}" y="${y + 13}">${esc(formatDuration(dur))}</text>`
          : '') +
        `</a>`,
    );
  });
  const d = report.divergence?.span;
  if (d !== undefined) {
    const dx = x(d.open.action.ts).toFixed(1);
    out.push(
      `<line class=divergence x1="${dx}" y1="${TOP - 6}" x2="${dx}" y2="${height}"><title>${esc(report.divergence?.message ?? '')}</title></line>`,
    );
  }
  out.push('</svg>');
  const more =
    rows.length >= MAX_ROWS
      ? `<p class=dim>The first ${MAX_ROWS} spans are drawn; the tree below has them all.</p>`
      : '';
  return out.join('') + more;
}

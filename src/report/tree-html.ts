/**
 * The step/call tree: one collapsible `<details>` per span (plan, step, capability
 * call), with its capability id or name, status, duration and call path in the summary,
 * and its decoded input and output (from the value table), hashes, effects and record
 * numbers in the body. Errors are marked with their code; a replay's divergence point
 * is flagged.
 */
import { printValue } from '../data/index.js';
import {
  type RunSpan,
  callEffects,
  isLlmCall,
  metaField,
  spanError,
  spanStatus,
} from '../audit/index.js';
import { esc, formatDuration } from './html.js';
import type { RunReport } from './model.js';
import { FOLD_CHARS, type ValueRef, type ValueTable } from './values.js';

/** The element id of a span's node (the seq of its opening record). */
export function nodeId(s: RunSpan): string {
  return `n-${s.open.seq}`;
}

/** How long a span took (ms): the closing record's duration, else the gap between records. */
export function spanDuration(s: RunSpan): number | undefined {
  const c = s.close?.action;
  if (c === undefined) return undefined;
  return c.durationMs ?? c.ts - s.open.action.ts;
}

function valueBlock(label: string, ref: ValueRef, cls: string): string {
  const folded = ref.size > FOLD_CHARS;
  const pre = `<pre class="v ${cls}" data-v="${ref.index}"></pre>`;
  const body = folded
    ? `<details class=fold><summary>${esc(ref.preview)} <span class=dim>(${ref.size} characters)</span></summary>${pre}</details>`
    : pre;
  return `<div class=val><h4>${label}</h4>${body}</div>`;
}

function kindLabel(s: RunSpan): string {
  if (s.kind === 'call') return isLlmCall(s.open) ? 'llm' : 'call';
  return s.kind;
}

function facts(s: RunSpan): string {
  const a = s.open.action;
  const out: string[] = [];
  if (s.kind === 'call') {
    const effects = callEffects(s.open);
    if (effects.length > 0) out.push(`effects ${effects.map((e) => `:${e}`).join(' ')}`);
    const decision = metaField(s.open, 'decision');
    const rule = metaField(s.open, 'rule');
    if (decision !== undefined)
      out.push(
        `policy ${printValue(decision).replace(/^:/, '')}${typeof rule === 'string' ? ` (${rule})` : ''}`,
      );
    if (s.close !== undefined && metaField(s.close, 'simulated') === true) out.push('simulated');
  }
  if (a.argsHash !== undefined) out.push(`args sha256:${a.argsHash.slice(0, 12)}…`);
  const rh = s.close?.action.resultHash;
  if (rh !== undefined) out.push(`result sha256:${rh.slice(0, 12)}…`);
  out.push(`record #${s.open.seq} ${s.open.hash.slice(0, 12)}…`);
  if (s.close !== undefined) out.push(`#${s.close.seq} ${s.close.hash.slice(0, 12)}…`);
  return `<p class=facts>${out.map(esc).join(' · ')}</p>`;
}

function notes(s: RunSpan): string {
  if (s.notes.length === 0) return '';
  const items = s.notes.map((n) => {
    const a = n.action;
    return `<li><b>${esc(a.type)}</b> ${esc(a.name ?? '')} <span class=dim>#${n.seq}</span></li>`;
  });
  return `<ul class=notes>${items.join('')}</ul>`;
}

function io(s: RunSpan, report: RunReport, values: ValueTable): string {
  const a = s.open.action;
  const parts: string[] = [];
  if (s.kind === 'call' && a.args !== undefined)
    parts.push(valueBlock('input', values.add(a.args), 'in'));
  if (s.kind === 'plan' && report.inputs !== undefined && report.inputs !== null)
    parts.push(valueBlock('inputs', values.add(report.inputs), 'in'));
  const r = s.close?.action.result;
  if (r?.ok === true) parts.push(valueBlock('output', values.add(r.value), 'out'));
  else if (r !== undefined)
    parts.push(
      `<div class="val err"><h4>error</h4><pre class=v><b>${esc(r.error.code)}</b>: ${esc(r.error.message)}</pre></div>`,
    );
  else if (s.close === undefined)
    parts.push(
      `<div class="val err"><h4>no result</h4><pre class=v>the chain has no closing record for this ${s.kind} (still running, or the process stopped here)</pre></div>`,
    );
  return parts.length > 0 ? `<div class=io>${parts.join('')}</div>` : '';
}

function node(s: RunSpan, report: RunReport, values: ValueTable, depth: number): string {
  const st = spanStatus(s);
  const err = spanError(s);
  const dur = spanDuration(s);
  const diverged = report.divergence?.span === s;
  const v = report.verification;
  const badSeq = v !== undefined && !v.ok ? v.seq : null;
  const tampered = badSeq !== null && (s.open.seq === badSeq || s.close?.seq === badSeq);
  const cls = ['node', s.kind, kindLabel(s), st, diverged || tampered ? 'diverged' : ''].filter(
    Boolean,
  );
  const name = s.open.action.name ?? '';
  const summary = [
    `<span class="kind">${kindLabel(s)}</span>`,
    `<b class=name>${esc(name || '(anonymous)')}</b>`,
    s.open.action.callPath ? `<span class=path>${esc(s.open.action.callPath)}</span>` : '',
    `<span class="st ${st}">${st === 'open' ? 'no result' : st}</span>`,
    err ? `<span class=ecode>${esc(err.code)}</span>` : '',
    dur !== undefined ? `<span class=dur>${formatDuration(dur)}</span>` : '',
    diverged ? '<span class=flag>⚑ replay diverged here</span>' : '',
    tampered ? `<span class=flag>⚠ verification failed at record #${badSeq}</span>` : '',
  ].join(' ');
  const open = depth === 0 || diverged || tampered ? ' open' : '';
  const kids = s.children.map((c) => node(c, report, values, depth + 1)).join('');
  return (
    `<details class="${cls.join(' ')}" id="${nodeId(s)}"${open}>` +
    `<summary>${summary}</summary>` +
    `<div class=body>${io(s, report, values)}${facts(s)}${notes(s)}${kids ? `<div class=kids>${kids}</div>` : ''}</div>` +
    `</details>`
  );
}

/** The tree section's HTML. */
export function treeHtml(report: RunReport, values: ValueTable): string {
  return node(report.root, report, values, 0);
}

/**
 * The report's header: goal, run, outcome, catalog snapshot, rewrites, verification
 * (hash chain and signatures), final value or final plan hash, and totals.
 */
import { printValue } from '../data/index.js';
import { clip, esc, formatDuration } from './html.js';
import type { RunReport } from './model.js';
import { nodeId } from './tree-html.js';

function row(label: string, html: string): string {
  return `<tr><th>${esc(label)}</th><td>${html}</td></tr>`;
}

/** The verification line: hash chain, then signatures. */
export function verificationHtml(r: RunReport): string {
  const v = r.verification;
  if (v === undefined) return '<span class=warn>not verified</span>';
  if (!v.ok) {
    return `<span class="bad">FAILED</span> ${esc(`${v.segment} line ${v.line} (seq ${v.seq ?? '?'}): ${v.kind}: ${v.message}`)}`;
  }
  const at = v.head ? `, head seq ${v.head.seq} ${esc(v.head.hash.slice(0, 16))}…` : '';
  const chain = `<span class=good>hash chain OK</span>: ${v.count} records${at}`;
  let sig: string;
  if (v.checkpoints === 0) {
    sig =
      '<span class=warn>unsigned</span>: this proves no accidental corruption, not who wrote it' +
      (r.keyId === undefined ? ' (sign runs with --sign-key)' : ' (no signed checkpoint yet)');
  } else {
    const through = v.signedThrough ?? -1;
    const by = r.keyId !== undefined ? ` by key ${esc(r.keyId)}` : '';
    const trust = r.trustedKey
      ? 'checked against the trusted public key'
      : 'checked against the key the chain names (consistency, not authorship: give --pubkey)';
    const tail =
      v.unsigned > 0
        ? `; <span class=warn>the last ${v.unsigned} record(s) are not covered by a signature</span>`
        : '';
    sig = `<span class=good>signed</span>: ${v.checkpoints} checkpoint(s) through seq ${through}${by}, ${trust}${tail}`;
  }
  const head = v.headFile
    ? ''
    : '<br><span class=warn>no HEAD file</span>: a cut of the newest records cannot be detected';
  return `${chain}<br>${sig}${head}`;
}

function outcome(r: RunReport): string {
  if (r.status === 'ok') return '<span class=good>completed</span>';
  if (r.status === 'open')
    return '<span class=warn>did not finish</span> (the chain has no end record for this run)';
  return `<span class=bad>failed</span>${r.error ? ` <b>${esc(r.error.code)}</b>: ${esc(r.error.message)}` : ''}`;
}

/** The header section's HTML. */
export function headerHtml(r: RunReport): string {
  const rows: string[] = [];
  if (r.goal !== undefined) rows.push(row('Goal', `<b>${esc(r.goal)}</b>`));
  rows.push(
    row(
      'Run',
      `${esc(r.name)} <code>${esc(r.runId)}</code>, started ${esc(new Date(r.start).toISOString())}, ${formatDuration(r.end - r.start)}`,
    ),
  );
  rows.push(row('Outcome', outcome(r)));
  if (r.divergence !== undefined) {
    const link = r.divergence.span ? ` <a href="#${nodeId(r.divergence.span)}">show</a>` : '';
    rows.push(row('Replay', `<span class=bad>${esc(r.divergence.message)}</span>${link}`));
  }
  if (r.catalogSnapshot !== undefined || r.catalogFiles.length > 0) {
    const files = r.catalogFiles.map((f) => `<code>${esc(f)}</code>`).join(', ');
    rows.push(
      row(
        'Catalog',
        `snapshot <code>${esc(r.catalogSnapshot ?? 'none')}</code>${files ? ` from ${files}` : ''}`,
      ),
    );
  }
  if (r.planner) {
    const list = r.rewrites
      .map(
        (w, i) =>
          `<a href="#rewrite-${i + 1}">${esc(w.rule)}</a>${w.params ? ` <code>${esc(w.params)}</code>` : ''}`,
      )
      .join(', ');
    rows.push(row('Rewrites', list || 'none'));
    if (r.metaPlanHash !== undefined)
      rows.push(row('Meta-plan', `<code>planner.meta@sha256:${esc(r.metaPlanHash)}</code>`));
  }
  rows.push(row('Verification', verificationHtml(r)));
  if (r.finalPlanHash !== undefined)
    rows.push(row('Final plan', `<a href="#final-plan"><code>${esc(r.finalPlanHash)}</code></a>`));
  else if (r.finalValue !== undefined)
    rows.push(row('Final value', `<code>${esc(clip(printValue(r.finalValue), 300))}</code>`));
  const t = r.totals;
  rows.push(
    row(
      'Totals',
      `${t.steps} steps, ${t.calls} capability calls (${t.llmCalls} LLM), ` +
        `<span class=${t.errors > 0 ? 'bad' : 'good'}>${t.errors} failed</span>` +
        `${t.open > 0 ? `, <span class=warn>${t.open} without result</span>` : ''}, ${t.records} records`,
    ),
  );
  if (r.chainDir !== undefined) rows.push(row('Chain', `<code>${esc(r.chainDir)}</code>`));
  return `<table class=summary>${rows.join('')}</table>`;
}

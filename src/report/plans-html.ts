/**
 * The plans of a run, as highlighted RTFS: for a planner run the generated meta-plan,
 * each rewrite as a unified diff (jsdiff's `structuredPatch`) of the meta-plan before
 * and after it, and the final plan; for a plain run, the program that ran.
 */
import { structuredPatch } from 'diff';
import { esc } from './html.js';
import { highlightRtfs } from './highlight.js';
import type { RunReport } from './model.js';
import type { RewriteStep } from './rewrites.js';

function code(source: string, cls: string): string {
  return `<pre class="code ${cls}">${highlightRtfs(source.replace(/\n$/, ''))}</pre>`;
}

/** A unified diff of two sources (3 lines of context), highlighted line by line. */
export function diffHtml(before: string, after: string): string {
  const patch = structuredPatch('before', 'after', before, after, '', '', { context: 3 });
  if (patch.hunks.length === 0) return '<p class=dim>No textual change.</p>';
  const out: string[] = [];
  for (const h of patch.hunks) {
    out.push(
      `<span class=hunk>@@ -${h.oldStart},${h.oldLines} +${h.newStart},${h.newLines} @@</span>`,
    );
    for (const line of h.lines) {
      const sign = line[0];
      const cls = sign === '+' ? 'add' : sign === '-' ? 'del' : 'ctx';
      out.push(`<span class=${cls}>${esc(sign ?? ' ')}${highlightRtfs(line.slice(1))}</span>`);
    }
  }
  return `<pre class="code diff">${out.join('\n')}</pre>`;
}

function rewriteHtml(r: RewriteStep, i: number): string {
  const params = r.params ? ` <code>${esc(r.params)}</code>` : '';
  const edits = r.edits.map((e) => `${e.op} ${e.at}${e.what ? ` (${e.what})` : ''}`).join('; ');
  const head = `<h3 id="rewrite-${i + 1}">Rewrite ${i + 1}: ${esc(r.rule)}${params} <span class=dim>v${esc(r.version)} · sha256:${esc(r.beforeHash.slice(0, 12))}… → sha256:${esc(r.afterHash.slice(0, 12))}…</span></h3>`;
  const editLine = edits ? `<p class=dim>Edits: ${esc(edits)}</p>` : '';
  const body =
    r.before !== undefined && r.after !== undefined
      ? diffHtml(r.before, r.after)
      : `<p class=warn>This rewrite could not be rebuilt from the chain (${esc(r.problem ?? 'unknown reason')}); the combined diff below shows every rewrite at once.</p>`;
  return `<section class=rewrite>${head}${editLine}${body}</section>`;
}

/** The plans section's HTML. */
export function plansHtml(report: RunReport): string {
  const out: string[] = [];
  if (report.planner) {
    const generated = report.generatedSource;
    if (generated !== undefined) {
      out.push(
        `<section class=plan id=meta-plan><h3>Meta-plan (generated)${report.metaPlanHash ? ` <span class=dim>ran as planner.meta@sha256:${esc(report.metaPlanHash.slice(0, 12))}…</span>` : ''}</h3>${code(generated, 'meta')}</section>`,
      );
    }
    report.rewrites.forEach((r, i) => out.push(rewriteHtml(r, i)));
    const unrebuilt = report.rewrites.some((r) => r.before === undefined);
    if (unrebuilt && generated !== undefined && report.source !== undefined) {
      out.push(
        `<section class=rewrite><h3>All rewrites (generated → as run)</h3>${diffHtml(generated, report.source)}</section>`,
      );
    }
  } else if (report.source !== undefined) {
    out.push(
      `<section class=plan id=program><h3>Program</h3>${code(report.source, 'program')}</section>`,
    );
  }
  if (report.finalPlan !== undefined) {
    out.push(
      `<section class=plan id=final-plan><h3>Final plan${report.finalPlanHash ? ` <span class=dim>${esc(report.finalPlanHash)}</span>` : ''}</h3>${code(report.finalPlan, 'final')}</section>`,
    );
  } else if (report.planner) {
    out.push(
      '<section class=plan id=final-plan><h3>Final plan</h3><p class=warn>The run produced no final plan.</p></section>',
    );
  }
  if (report.catalogContent !== undefined) {
    const size = report.catalogContent.length;
    out.push(
      `<section class=plan id=catalog><details><summary><h3>Catalog snapshot <span class=dim>${esc(report.catalogSnapshot ?? '')} · ${size} characters, as the chain stores it</span></h3></summary>${code(report.catalogContent, 'catalog')}</details></section>`,
    );
  }
  return out.join('');
}

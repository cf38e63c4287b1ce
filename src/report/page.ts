/**
 * The whole report page: one self-contained HTML file. Styles and the small script
 * (client/) are bundled and minified at build time (scripts/report-assets.mjs) and
 * inlined; a Content-Security-Policy forbids every network access, so opening the
 * file fetches nothing.
 */
import { css, js } from 'virtual:rtfs-report-assets';
import { esc, scriptJson } from './html.js';
import { headerHtml } from './header-html.js';
import type { RunReport } from './model.js';
import { plansHtml } from './plans-html.js';
import { timelineSvg } from './timeline-svg.js';
import { treeHtml } from './tree-html.js';
import { ValueTable } from './values.js';

const CSP =
  "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

export interface PageOptions {
  /** "rtfs-ts 0.1.0" (footer). */
  readonly generator?: string;
}

/** The report as one HTML document. */
export function renderPage(report: RunReport, opts: PageOptions = {}): string {
  const values = new ValueTable();
  const tree = treeHtml(report, values);
  const title = report.goal ?? report.name ?? report.runId;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="${esc(opts.generator ?? 'rtfs-ts')}">
<title>rtfs run: ${esc(title)}</title>
<style>${css}</style></head>
<body>
<header><h1>${esc(title)}</h1>
<nav><a href="#summary">Summary</a> <a href="#timeline">Timeline</a> <a href="#tree">Steps and calls</a> <a href="#plans">Plans</a></nav></header>
<main>
<section id="summary">${headerHtml(report)}</section>
<section id="timeline"><h2>Timeline</h2><div class="gantt-wrap">${timelineSvg(report)}</div></section>
<section id="tree"><h2>Steps and calls</h2><p class="tools"><button type="button" data-act="expand">Expand all</button> <button type="button" data-act="collapse">Collapse all</button> <button type="button" data-act="errors">Show errors</button></p>${tree}</section>
<section id="plans"><h2>Plans</h2>${plansHtml(report)}</section>
</main>
<footer>${esc(opts.generator ?? 'rtfs-ts')} · run <code>${esc(report.runId)}</code></footer>
<script type="application/json" id="rtfs-values">${scriptJson(values.entries)}</script>
<script>${js}</script>
</body></html>
`;
}

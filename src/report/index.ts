/**
 * The run report (`rtfs chain report`, `rtfs plan --report`): one self-contained HTML
 * file showing a run from its causal chain — header, step/call tree with decoded
 * inputs and outputs, timeline, meta-plan with each rewrite as a diff, final plan.
 */
import { renderPage, type PageOptions } from './page.js';
import { buildReport, type ReportInput } from './model.js';

export { buildReport, divergencePath, type ReportInput, type RunReport } from './model.js';
export { renderPage, type PageOptions } from './page.js';
export { highlightRtfs } from './highlight.js';

/** The report of a run as an HTML document, or an error message. */
export function runReportHtml(
  input: ReportInput,
  opts: PageOptions = {},
): { ok: true; html: string } | { ok: false; error: string } {
  const model = buildReport(input);
  if ('failure' in model) return { ok: false, error: model.failure };
  return { ok: true, html: renderPage(model, opts) };
}

import type { Span } from '../source/index.js';
import { formatLocation, renderExcerpt } from '../source/index.js';

export type Phase = 'syntax' | 'analysis' | 'runtime' | 'type' | 'capability';
export type Severity = 'error' | 'warning';

/**
 * A problem found in RTFS input. `code` is stable (documented in docs/errors.md);
 * `message` names what was expected; `span` locates it.
 */
export interface Diagnostic {
  readonly code: string;
  readonly phase: Phase;
  readonly severity: Severity;
  readonly message: string;
  readonly span: Span;
  /** Extra lines shown after the excerpt (hints, related positions). */
  readonly notes?: readonly string[];
}

export function diagnostic(
  code: string,
  phase: Phase,
  message: string,
  span: Span,
  notes?: readonly string[],
): Diagnostic {
  return notes === undefined
    ? { code, phase, severity: 'error', message, span }
    : { code, phase, severity: 'error', message, span, notes };
}

/** One line: `file:line:col: code: message` (the form editors and `rtfs check` print). */
export function formatDiagnosticLine(d: Diagnostic): string {
  return `${formatLocation(d.span)}: ${d.code}: ${d.message}`;
}

/** The one-line form followed by the excerpt with a caret, and any notes. */
export function renderDiagnostic(d: Diagnostic): string {
  const parts = [`${d.severity}: ${formatDiagnosticLine(d)}`, indent(renderExcerpt(d.span))];
  for (const note of d.notes ?? []) parts.push(`  = ${note}`);
  return parts.join('\n');
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((l) => `  ${l}`)
    .join('\n');
}

/** A plain-data view of a diagnostic for `--json` output. */
export function diagnosticToJson(d: Diagnostic): Record<string, unknown> {
  const start = d.span.source.position(d.span.start);
  const end = d.span.source.position(d.span.end);
  return {
    code: d.code,
    phase: d.phase,
    severity: d.severity,
    message: d.message,
    file: d.span.source.uri,
    line: start.line,
    column: start.column,
    endLine: end.line,
    endColumn: end.column,
    offset: d.span.start,
    endOffset: d.span.end,
    ...(d.notes ? { notes: d.notes } : {}),
  };
}

import { type Diagnostic, renderDiagnostic } from '../diagnostics/index.js';

/**
 * The text of a usage error for a configuration file that did not load: each
 * diagnostic as `file:line:col: code: message` with its excerpt (the file is named in
 * the location, so the message stands alone).
 */
export function configErrorText(diagnostics: readonly Diagnostic[]): string {
  return diagnostics
    .map((d) =>
      d.span.source.text === '' ? d.message : renderDiagnostic(d).replace(/^error: /, ''),
    )
    .join('\n');
}

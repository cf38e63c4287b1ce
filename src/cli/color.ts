/**
 * Terminal colours (picocolors). Colour is on only when the stream is a TTY, unless
 * `--no-color` or NO_COLOR turn it off, or FORCE_COLOR turns it on for pipes.
 */
import pc from 'picocolors';
import type { Diagnostic } from '../reader.js';
import { renderDiagnostic } from '../reader.js';

export type Colors = ReturnType<typeof pc.createColors>;

export function makeColors(
  stream: { readonly isTTY?: boolean },
  env: Readonly<Record<string, string | undefined>>,
  colorFlag: boolean,
): Colors {
  const noColor = env['NO_COLOR'] !== undefined && env['NO_COLOR'] !== '';
  const force = env['FORCE_COLOR'] !== undefined && env['FORCE_COLOR'] !== '0';
  return pc.createColors(colorFlag && !noColor && (force || stream.isTTY === true));
}

/**
 * A diagnostic as `renderDiagnostic` prints it (header, excerpt with caret, notes);
 * with `withSeverity: false` the header starts with `file:line:col` (for `--check`).
 */
export function formatDiagnostic(d: Diagnostic, colors: Colors, withSeverity = true): string {
  const full = renderDiagnostic(d);
  const prefix = `${d.severity}: `;
  const text = withSeverity || !full.startsWith(prefix) ? full : full.slice(prefix.length);
  if (!colors.isColorSupported) return text;
  const lines = text.split('\n');
  const paint = d.severity === 'error' ? colors.red : colors.yellow;
  return lines
    .map((line, i) => {
      if (i === 0) {
        return withSeverity
          ? `${colors.bold(paint(d.severity))}${colors.bold(line.slice(d.severity.length))}`
          : colors.bold(line);
      }
      if (i === 2) return line.replace(/\^+$/, (carets) => paint(carets));
      if (line.startsWith('  = ')) return colors.cyan(line);
      return line;
    })
    .join('\n');
}

/**
 * Lines that fit a terminal of `width` display columns (wide characters count two,
 * escape sequences none): cut with `…` (cli-truncate), or wrapped at spaces with a
 * hanging indent (wrap-ansi). Used for `rtfs plan` output on a terminal; pipes and
 * `--json` get full lines.
 */
import cliTruncate from 'cli-truncate';
import stringWidth from 'string-width';
import wrapAnsi from 'wrap-ansi';

export function fitLine(text: string, width: number): string {
  return cliTruncate(text, Math.max(1, width), { position: 'end' });
}

/** Every line of `text` fitted (newlines kept). */
export function fitText(text: string, width: number): string {
  return text
    .split('\n')
    .map((l) => fitLine(l, width))
    .join('\n');
}

/** A line wrapped to `width` columns, continuation lines indented by two spaces. */
export function wrapLine(text: string, width: number): string {
  if (stringWidth(text) <= width || width < 8) return fitLine(text, width);
  const [first = '', ...rest] = wrapAnsi(text, width - 2, { hard: true, trim: true }).split('\n');
  return [first, ...rest.map((l) => `  ${l}`)].join('\n');
}

/** Every line of `text` wrapped (see {@link wrapLine}). */
export function wrapText(text: string, width: number): string {
  return text
    .split('\n')
    .map((l) => wrapLine(l, width))
    .join('\n');
}

/** The width of a stream that is a terminal, or undefined (a pipe or a file). */
export function terminalWidth(stream: {
  readonly isTTY?: boolean;
  readonly columns?: number;
}): number | undefined {
  return stream.isTTY === true && typeof stream.columns === 'number' && stream.columns > 0
    ? stream.columns
    : undefined;
}

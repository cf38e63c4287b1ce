/**
 * Lines that fit a terminal of `width` display columns (wide characters count two,
 * escape sequences none): cut with `…` (cli-truncate), or wrapped at spaces with a
 * hanging indent (wrap-ansi). Used for `rtfs plan` output on a terminal; pipes and
 * `--json` get full lines. Loaded only for a terminal (see terminal-width.ts): the three
 * packages compile an emoji regular expression and set up `Intl.Segmenter` on load, ~8% of
 * the instructions of a whole `rtfs plan` (ADR 0021).
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

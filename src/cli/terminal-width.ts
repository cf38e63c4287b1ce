/** Whether a stream is a terminal, and how wide (terminal-fit.ts fits lines to it). */

/** The width of a stream that is a terminal, or undefined (a pipe or a file). */
export function terminalWidth(stream: {
  readonly isTTY?: boolean;
  readonly columns?: number;
}): number | undefined {
  return stream.isTTY === true && typeof stream.columns === 'number' && stream.columns > 0
    ? stream.columns
    : undefined;
}

/**
 * A source text with its name. Line and column numbers are computed on demand
 * (binary search over line starts), so reading never pays for them.
 */
export class Source {
  private lineStartsCache: number[] | undefined;

  constructor(
    /** File path or a pseudo-name such as `<eval>` or `<repl:3>`. */
    readonly uri: string,
    readonly text: string,
  ) {}

  /** Offsets at which each line starts (line 1 starts at 0). */
  get lineStarts(): number[] {
    if (this.lineStartsCache === undefined) {
      const starts = [0];
      const text = this.text;
      for (let i = 0; i < text.length; i++) {
        if (text.charCodeAt(i) === 10) starts.push(i + 1);
      }
      this.lineStartsCache = starts;
    }
    return this.lineStartsCache;
  }

  /** 1-based line and column of a 0-based offset (columns count UTF-16 units). */
  position(offset: number): { line: number; column: number } {
    const starts = this.lineStarts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - (starts[lo] ?? 0) + 1 };
  }

  /** The text of a 1-based line, without its line terminator. */
  lineText(line: number): string {
    const starts = this.lineStarts;
    const start = starts[line - 1];
    if (start === undefined) return '';
    const next = starts[line];
    let end = next === undefined ? this.text.length : next - 1;
    if (end > start && this.text.charCodeAt(end - 1) === 13) end--;
    return this.text.slice(start, end);
  }
}

/**
 * A `#!` first line (`#!/usr/bin/env rtfs`) makes an RTFS file an executable script,
 * as in nbb and babashka. Both readers and the formatter treat it as a line comment.
 */

/** The end of a `#!` first line (where its `\n` is, like a `;` comment), or 0 if none. */
export function shebangEnd(text: string): number {
  if (!text.startsWith('#!')) return 0;
  const nl = text.indexOf('\n');
  return nl < 0 ? text.length : nl;
}

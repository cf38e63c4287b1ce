/**
 * Size limits of one operation (docs/security.md): a single builtin call never builds a
 * collection or a string larger than these, and no source text is longer than the
 * string limit. They turn what would exhaust memory (an abort with exit 134) into RTFS
 * errors; a normal program never meets them.
 */

/** Largest collection one builtin call builds (`range`, `repeat`, …), in items. */
export const MAX_BUILD = 10_000_000;

/**
 * Longest string one builtin call builds (`str`, `join`, `format`, …) and longest source
 * text the reader accepts, in UTF-16 code units (50 to 100 MB of memory; the JavaScript
 * engine's own limit is about 512 million).
 */
export const MAX_STRING = 50_000_000;

/**
 * The one way text from outside (file names, RTFS strings, symbol and capability names,
 * the runtime specifier) reaches generated JavaScript. A JSON string literal is a valid
 * JavaScript string literal, but it leaves U+2028 and U+2029 raw: they are line
 * terminators to anything that counts JavaScript lines (source maps) and they end a
 * `//` comment. So they are escaped too, and every literal, comment or URL the compiler
 * writes goes through these functions (test/security/hostile-names.test.ts).
 */

const SEPARATORS = /[\u2028\u2029]/g;

function escapeSeparators(json: string): string {
  return json.replace(SEPARATORS, (c) => (c === '\u2028' ? '\\u2028' : '\\u2029'));
}

/** A JavaScript string literal for `s` (no raw line terminator of any kind). */
export function jsString(s: string): string {
  return escapeSeparators(JSON.stringify(s));
}

/** A JavaScript expression for plain JSON data (strings escaped as by {@link jsString}). */
export function jsJson(data: unknown): string {
  const json = JSON.stringify(data);
  if (json === undefined) throw new Error('rtfs compiler: value is not JSON');
  return escapeSeparators(json);
}

/**
 * Text to put after `//` in a generated comment: the quoted {@link jsString} form, so
 * nothing in it can end the comment line.
 */
export function jsCommentText(s: string): string {
  return jsString(s);
}

/**
 * A file name for `//# sourceMappingURL=`: percent-encoded (a URL may not contain
 * spaces, quotes or line terminators).
 */
export function urlFileName(name: string): string {
  return encodeURIComponent(name);
}

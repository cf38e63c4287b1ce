/**
 * Removes "by sms", "via the slack", "on twitter" … from a clause: every match of the
 * regex `/\b(?:by|via|over|through|as|in|on|using)\s+(?:an?\s+|the\s+)?(?:MEDIA|SERVICES)\b/gi`
 * replaced by a space, where MEDIA and SERVICES are alternations of lowercase words.
 * That regex, with the lexicon's 54 services, cost V8 about 2.5 ms to compile (twice:
 * bytecode, then native code) on a plan's first clause (ADR 0038); this scan matches
 * the same text, with the same choices in the same order:
 *
 * - the preposition and its spaces are the small regex `LEAD`;
 * - then an article (`an`, `a`, `the`, each with its spaces, or none, in that order:
 *   a shorter run of spaces never helps, since every word starts with a letter);
 * - then the first word of the list that follows, ignoring ASCII case only (without
 *   the `u` flag, `/i` never matches a non-ASCII character to an ASCII one), and is not
 *   followed by an ASCII word character (`\b`: every word ends with a letter).
 */

const LEAD = /\b(?:by|via|over|through|as|in|on|using)\s+/gi;
const SPACE = /\s+/y;

/** `words`: the alternation's words in its order, lowercase ASCII (no regex syntax). */
export function removeViaMedium(text: string, words: readonly string[]): string {
  let out = '';
  let from = 0;
  LEAD.lastIndex = 0;
  for (let m = LEAD.exec(text); m !== null; m = LEAD.exec(text)) {
    const end = afterArticle(text, LEAD.lastIndex, words);
    if (end < 0) {
      LEAD.lastIndex = m.index + 1;
      continue;
    }
    out += `${text.slice(from, m.index)} `;
    from = end;
    LEAD.lastIndex = end;
  }
  LEAD.lastIndex = 0;
  return from === 0 ? text : out + text.slice(from);
}

/** The end of an article (or none) and a word from `at`, or -1. */
function afterArticle(text: string, at: number, words: readonly string[]): number {
  for (const article of ['an', 'a', 'the']) {
    if (!startsWithAscii(text, at, article)) continue;
    SPACE.lastIndex = at + article.length;
    if (!SPACE.test(text)) continue;
    const end = wordAt(text, SPACE.lastIndex, words);
    if (end >= 0) return end;
  }
  return wordAt(text, at, words);
}

function wordAt(text: string, at: number, words: readonly string[]): number {
  for (const w of words) {
    const end = at + w.length;
    if (startsWithAscii(text, at, w) && !isWordChar(text.charCodeAt(end))) return end;
  }
  return -1;
}

/** `text` holds `word` (lowercase ASCII) at `at`, ASCII letters in either case. */
function startsWithAscii(text: string, at: number, word: string): boolean {
  if (at + word.length > text.length) return false;
  for (let i = 0; i < word.length; i++) {
    const w = word.charCodeAt(i);
    const c = text.charCodeAt(at + i);
    if (c !== w && !(w >= 97 && w <= 122 && c === w - 32)) return false;
  }
  return true;
}

/** `\w` without the `u` flag: ASCII letters, digits and `_` (NaN past the end: false). */
function isWordChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

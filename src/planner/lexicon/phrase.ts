/**
 * Phrase rewrites of the lexicon ("read them aloud" → "speak them aloud", French "de 9h à
 * 10h" → "from 9:00 to 10:00"): a pattern whose `\b` is Unicode-aware, and a replacement.
 *
 * The Unicode `\b` (`B` below: lookarounds over `\p{L}\p{N}_`, case-insensitive) makes a
 * regular expression slow to compile: V8 builds the case-closed letter classes for every
 * boundary, which cost ~1 ms per pattern and per tier (first run, then native code), and
 * a goal runs ~250 patterns. Most patterns cannot match a given goal, so each rewrite
 * first tests a *loose* pattern, the same pattern without its boundary assertions (cheap
 * to compile): a text the loose pattern does not match cannot match the full one (an
 * assertion only removes matches), and is returned unchanged. The full pattern is built,
 * as before, the first time the loose one matches. Boundaries inside a negative
 * lookaround would make the loose pattern stricter, not looser: such patterns (and
 * patterns the scan below does not understand) skip the test. ADR 0021.
 *
 * Compiling the loose patterns cost a plan ~2 ms too, so a pattern that starts with
 * literal words ("show me", "read ") is first looked for as a lowercase substring of an
 * ASCII text; without it the loose pattern cannot match either (ADR 0038). A pattern
 * that starts with a group of literal alternatives ("(?:tell|give) me the") is looked
 * for by each of them (ADR 0040).
 */

import { requiredTexts } from '../required-texts.js';

/** A Unicode-aware `\b` (JavaScript's is ASCII-only even with the `u` flag). */
const B = '(?:(?<![\\p{L}\\p{N}_])(?=[\\p{L}\\p{N}_])|(?<=[\\p{L}\\p{N}_])(?![\\p{L}\\p{N}_]))';

/**
 * `pattern` without its `\b` assertions, or undefined when one is inside a negative
 * lookaround or a character class, or follows an escaped backslash (`\\b`).
 */
export function loosePattern(pattern: string): string | undefined {
  const groups: boolean[] = []; // per open group: is it a negative lookaround?
  let inClass = false;
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') {
      const next = pattern[i + 1];
      if (next === 'b') {
        if (inClass || groups.includes(true)) return undefined;
        i++;
        continue;
      }
      if (next === '\\' && pattern[i + 2] === 'b') return undefined;
      out += pattern.slice(i, i + 2);
      i++;
      continue;
    }
    out += c;
    if (inClass) {
      if (c === ']') inClass = false;
    } else if (c === '[') inClass = true;
    else if (c === '(') groups.push(/^\(\?<?!/.test(pattern.slice(i, i + 4)));
    else if (c === ')') groups.pop();
  }
  return out;
}

/** Any character outside ASCII (where `/iu` folds case beyond ASCII: `ſ` matches `s`). */
const NON_ASCII = /[^\0-\x7f]/;

export class PhraseRewrite {
  #full: RegExp | undefined;
  readonly #loose: RegExp | undefined;
  /** What an ASCII text must contain (one of them), lowercased, for the loose pattern to match. */
  readonly #needs: readonly string[] | undefined;

  constructor(
    readonly pattern: string,
    readonly replacement: string,
  ) {
    const loose = loosePattern(pattern);
    let re: RegExp | undefined;
    try {
      re = loose === undefined ? undefined : new RegExp(loose, 'iu');
    } catch {
      re = undefined; // not a valid pattern without its boundaries: always run the full one
    }
    this.#loose = re;
    this.#needs = re === undefined || loose === undefined ? undefined : requiredTexts(loose);
  }

  /** The full pattern, as the lexicon has always compiled it. */
  get regex(): RegExp {
    this.#full ??= new RegExp(this.pattern.split('\\b').join(B), 'giu');
    return this.#full;
  }

  /** `text` with every match replaced (the text itself when nothing can match). */
  apply(text: string): string {
    const needs = this.#needs;
    if (needs !== undefined && !NON_ASCII.test(text)) {
      const lower = text.toLowerCase();
      if (!needs.some((n) => lower.includes(n))) return text;
    }
    if (this.#loose !== undefined && !this.#loose.test(text)) return text;
    return text.replace(this.regex, this.replacement);
  }
}

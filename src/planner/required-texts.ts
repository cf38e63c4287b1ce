/**
 * Texts a match of a regular expression must contain (ADR 0038, ADR 0040). The planner
 * tests its goal against many patterns that most goals cannot match ("trips to …",
 * "filtered by …"); V8 compiles a pattern when it is first run (a Unicode or
 * case-insensitive one in ~0.1–0.5 ms), so a pattern whose leading words a text does not
 * hold is not run on it at all. Only sure answers: a pattern this reading does not
 * understand is always run.
 */

/** Index of the `)` closing the group opened at `open` in `re`, or -1. */
function closing(re: string, open: number): number {
  let depth = 0;
  let inClass = false;
  for (let i = open; i < re.length; i++) {
    const c = re[i];
    if (c === '\\') i++;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i;
  }
  return -1;
}

/** The parts of `re` split at its `|` outside groups and classes (one part: none). */
function alternatives(re: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let inClass = false;
  let from = 0;
  for (let i = 0; i < re.length; i++) {
    const c = re[i];
    if (c === '\\') i++;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) {
      parts.push(re.slice(from, i));
      from = i + 1;
    }
  }
  parts.push(re.slice(from));
  return parts;
}

const LITERAL = /^[A-Za-z0-9 '-]*/;

/** The literal text `re` starts with, without a last character a quantifier follows. */
function literalStart(re: string): string {
  let end = LITERAL.exec(re)?.[0].length ?? 0;
  if (end > 0 && /^[?*{]/.test(re.slice(end))) end--;
  return re.slice(0, end);
}

/** `re` without the assertions it starts with (`^`, `\b`: they match no text). */
function withoutLeadingAssertions(re: string): string {
  let r = re;
  for (;;) {
    if (r.startsWith('^')) r = r.slice(1);
    else if (r.startsWith('\\b')) r = r.slice(2);
    else return r;
  }
}

/**
 * Texts one of which, lowercased, every match of `re` contains (lowercase), or undefined
 * when none of two characters or more is known. A pattern starts with literal words
 * ("show me"), or with a group of alternatives each starting with literal words
 * ("(?:tell|give) me the" needs "tell me the" or "give me the"), or with a group holding
 * such a start (looked into); an alternation outside a group needs what one of its
 * parts needs. A quantified group, a class or an escape first gives none.
 */
export function requiredTexts(re: string): readonly string[] | undefined {
  const parts = alternatives(re);
  if (parts.length > 1) {
    const all: string[] = [];
    for (const p of parts) {
      const n = requiredTexts(p);
      if (n === undefined) return undefined;
      all.push(...n);
    }
    return all;
  }
  const r = withoutLeadingAssertions(re);
  let needs: string[];
  if (r.startsWith('(') && !/^\(\?[=!<]/.test(r)) {
    const end = closing(r, 0);
    if (end < 0 || /^[?*{]/.test(r.slice(end + 1))) return undefined;
    const inner = r.slice(r.startsWith('(?:') ? 3 : 1, end);
    const alts = alternatives(inner);
    if (alts.length === 1) return requiredTexts(inner);
    const after = literalStart(r.slice(end + 1));
    needs = alts.map((a) => {
      const start = literalStart(withoutLeadingAssertions(a));
      return start.length === a.length ? a + after : start;
    });
  } else needs = [literalStart(r)];
  return needs.every((n) => n.length >= 2) ? needs.map((n) => n.toLowerCase()) : undefined;
}

/** Any character outside ASCII (where `/iu` folds case beyond ASCII: `ſ` matches `s`). */
const NON_ASCII = /[^\0-\x7f]/;

/** Each pattern's texts (null: none known), by source and flags. */
const known = new Map<string, readonly string[] | null>();

/**
 * False when `re` cannot match `text`: the text holds none of the texts a match must
 * contain (compared lowercased). A case-insensitive Unicode pattern folds `ſ` onto `s`
 * and the Kelvin sign onto `k`: for it only an ASCII text is looked at.
 */
export function mayMatch(re: RegExp, text: string): boolean {
  const key = `${re.flags}/${re.source}`;
  let needs = known.get(key);
  if (needs === undefined) {
    needs = requiredTexts(re.source) ?? null;
    known.set(key, needs);
  }
  if (needs === null) return true;
  if (re.ignoreCase && /[uv]/.test(re.flags) && NON_ASCII.test(text)) return true;
  const lower = text.toLowerCase();
  return needs.some((n) => lower.includes(n));
}

/**
 * `re.exec(text)`, or null at once when `re` cannot match (see {@link mayMatch}). Only for
 * a pattern without the `g` and `y` flags: exec neither reads nor sets its `lastIndex`.
 */
export function execIf(re: RegExp, text: string): RegExpExecArray | null {
  return mayMatch(re, text) ? re.exec(text) : null;
}

/**
 * False when the lowercased `text` holds none of `needs`: lowercase texts one of which
 * every match of `re` contains, written beside a pattern whose start does not show them
 * (`\b([A-Z]{2,5})\s+(?:stock|…)`). As in {@link mayMatch}, a case-insensitive Unicode
 * pattern is always run on a non-ASCII text. test/planner/required-texts.test.ts reads
 * every such call from the sources and checks the words against the pattern's matches.
 */
export function holdsNeeded(re: RegExp, text: string, needs: readonly string[]): boolean {
  if (re.ignoreCase && /[uv]/.test(re.flags) && NON_ASCII.test(text)) return true;
  const lower = text.toLowerCase();
  return needs.some((n) => lower.includes(n));
}

/** `re.exec(text)` when `text` holds one of `needs` (see {@link holdsNeeded}), else null. */
export function execWhen(
  needs: readonly string[],
  re: RegExp,
  text: string,
): RegExpExecArray | null {
  return holdsNeeded(re, text, needs) ? re.exec(text) : null;
}

/** `text.matchAll(re)` when `text` holds one of `needs` (see {@link holdsNeeded}), else none. */
export function matchAllWhen(
  needs: readonly string[],
  re: RegExp,
  text: string,
): Iterable<RegExpExecArray> {
  return holdsNeeded(re, text, needs) ? text.matchAll(re) : [];
}

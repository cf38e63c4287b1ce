/**
 * Text normalisation shared by scoring, clause choice and gap resolution: lower-case
 * word tokens, stop words removed, plural stemming and a small synonym table, so that
 * "Labelled issues" and "label issue" produce the same tokens.
 */
const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'a an and any are as at be by can do for from i in into is it its me my of on or our ' +
    'please the their them then this that to us we with you your all each every new'
  ).split(' '),
);

/** Canonical token for a (stemmed) word. */
const SYNONYMS: Readonly<Record<string, string>> = {
  email: 'mail',
  'e-mail': 'mail',
  labelled: 'label',
  labeled: 'label',
  tagged: 'label',
  fetch: 'get',
  retrieve: 'get',
  download: 'get',
  show: 'list',
  save: 'write',
  store: 'write',
  find: 'search',
  lookup: 'search',
  summarise: 'summary',
  summarize: 'summary',
  summarized: 'summary',
  summarised: 'summary',
  message: 'message',
  msg: 'message',
  pr: 'pull',
  repository: 'repo',
  dir: 'directory',
  folder: 'directory',
  files: 'file',
  meeting: 'event',
  appointment: 'event',
  ticket: 'issue',
  bug: 'bug',
  json: 'json',
  csv: 'csv',
  post: 'post',
  publish: 'post',
  notify: 'notify',
  reply: 'reply',
  count: 'count',
  sorted: 'sort',
  filtered: 'filter',
  grouped: 'group',
  parsed: 'parse',
  formatted: 'format',
};

/** Plural and simple suffix stemming: issues→issue, entries→entry, boxes→box. */
export function stem(word: string): string {
  const w = word.toLowerCase();
  if (w.length <= 3) return w;
  if (w.endsWith('ies') && w.length > 4) return `${w.slice(0, -3)}y`;
  // `endsWith` tests, not patterns: a catalog stems a few hundred words, each once (ADR 0048).
  if (w.endsWith('sses') || w.endsWith('xes') || w.endsWith('ches') || w.endsWith('shes'))
    return w.slice(0, -2);
  if (w.endsWith('s') && !(w.endsWith('ss') || w.endsWith('us') || w.endsWith('is')))
    return w.slice(0, -1);
  return w;
}

/** {@link stem} by regular expressions (its definition; the tests compare the two). */
export function stemByRegex(word: string): string {
  const w = word.toLowerCase();
  if (w.length <= 3) return w;
  if (w.endsWith('ies') && w.length > 4) return `${w.slice(0, -3)}y`;
  if (/(sses|xes|ches|shes)$/.test(w)) return w.slice(0, -2);
  if (w.endsWith('s') && !/(ss|us|is)$/.test(w)) return w.slice(0, -1);
  return w;
}

/** The canonical form of one word (stemmed, then mapped through the synonym table). */
export function canonical(word: string): string {
  const s = stem(word);
  return SYNONYMS[s] ?? SYNONYMS[word.toLowerCase()] ?? s;
}

/** Words of a text: split on anything that is not a letter or digit (ids split too). */
export function words(text: string): string[] {
  const lower = text.toLowerCase();
  const out: string[] = [];
  let start = -1;
  for (let i = 0; i < lower.length; i++) {
    // ASCII is scanned here; other text (whose lower case may differ in length) by regex.
    if (text.charCodeAt(i) > 0x7f) return wordsByRegex(text);
    const c = lower.charCodeAt(i);
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) {
      if (start < 0) start = i;
      else if (isUpper(text.charCodeAt(i)) && isLower(text.charCodeAt(i - 1))) {
        // camelCase: a word starts at an upper-case letter after a lower-case one.
        out.push(lower.slice(start, i));
        start = i;
      }
    } else if (start >= 0) {
      out.push(lower.slice(start, i));
      start = -1;
    }
  }
  if (start >= 0) out.push(lower.slice(start));
  return out;
}

const isUpper = (c: number): boolean => c >= 65 && c <= 90;
const isLower = (c: number): boolean => c >= 97 && c <= 122;

/** {@link words} by regular expressions (its definition; the scan above is the fast path). */
export function wordsByRegex(text: string): string[] {
  return text
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0);
}

/** `canonical` of the words seen so far (catalogs repeat their words; bounded). */
const canonicalCache = new Map<string, string>();

/** Distinct canonical tokens of a text, stop words and 1-letter words dropped, in first-seen order. */
export function tokens(text: string): string[] {
  const out: string[] = [];
  // Most texts have a few tokens: `includes` until a Set pays.
  let seen: Set<string> | undefined;
  for (const w of words(text)) {
    if (w.length < 2 || STOP_WORDS.has(w)) continue;
    let c = canonicalCache.get(w);
    if (c === undefined) {
      c = canonical(w);
      if (canonicalCache.size < 100_000) canonicalCache.set(w, c);
    }
    if (seen !== undefined) {
      if (seen.has(c)) continue;
      seen.add(c);
      out.push(c);
    } else if (!out.includes(c)) {
      out.push(c);
      if (out.length > 16) seen = new Set(out);
    }
  }
  return out;
}

/** Jaccard similarity of two token sets. */
export function jaccard(a: readonly string[], b: readonly string[]): number {
  const sa = new Set(a);
  const sb = new Set(b);
  if (sa.size === 0 && sb.size === 0) return 0;
  let inter = 0;
  for (const t of sa) if (sb.has(t)) inter++;
  return inter / (sa.size + sb.size - inter);
}

/** `snake_case` slug of a text (at most 6 tokens): "list all the open bugs" → "list_open_bug". */
export function slug(text: string): string {
  const t = tokens(text).slice(0, 6);
  return t.length > 0 ? t.join('_') : 'step';
}

/** Compares strings by code point (locale-independent, for stable tie-breaks). */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Rounds a score to 4 decimals (stable printing across platforms). */
export function round4(x: number): number {
  return Math.round(x * 10000) / 10000;
}

/** Normalises an input or constraint name: `maxResults`, `max-results` → `max_results`. */
export function normName(name: string): string {
  return name
    .replace(/([a-z])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_|_$/g, '');
}

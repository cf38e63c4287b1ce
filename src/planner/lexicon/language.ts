/**
 * The language of a goal and its English reading. Goals in French, Spanish and German
 * are rewritten word by word (phrase table first, then word table, both in the
 * lexicon) into the English the template rules read; the goal's values (quoted text,
 * e-mail addresses, URLs, paths, #channels, owner/repo, identifiers, dates, numbers)
 * are kept as they are. Letters of another script, or the marker words of a Latin-
 * script language the lexicon does not cover, make the goal unsupported.
 */
import { type Foreign, fold, isAscii, lexicon } from './data.js';

export interface GoalLanguage {
  /** `en`, `fr`, `es`, `de`, or `unsupported`. */
  readonly code: string;
  /** The language's name (`English`, `French` …; the script for other scripts). */
  readonly name: string;
  /** The goal as the English rules read it (the goal itself for English). */
  readonly english: string;
}

/** Values the rewrite never touches (placeholders while the words are translated). */
const PROTECTED =
  /"[^"]*"|'[^']*'(?=\s|$|[,.;:!?])|https?:\/\/\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|#[\w-]+|(?:\.{0,2}\/)?[\w.-]+\/[\w./-]+|\b[\w-]+\.(?:csv|json|txt|md|log|yaml|yml|xml|html|pdf)\b|\b[A-Z][A-Z0-9]*-\d+\b|\b[A-Z]{2,}\d+\b/gu;

const SCRIPTS: readonly (readonly [RegExp, string])[] = [
  [/\p{Script=Han}/u, 'Chinese or Japanese (Han script)'],
  [/[\p{Script=Hiragana}\p{Script=Katakana}]/u, 'Japanese'],
  [/\p{Script=Hangul}/u, 'Korean'],
  [/\p{Script=Cyrillic}/u, 'Cyrillic script'],
  [/\p{Script=Greek}/u, 'Greek'],
  [/\p{Script=Arabic}/u, 'Arabic script'],
  [/\p{Script=Hebrew}/u, 'Hebrew'],
  [/\p{Script=Devanagari}/u, 'Devanagari script'],
  [/\p{Script=Thai}/u, 'Thai'],
];

const ENGLISH_MARKERS = new Set(
  (
    'the a an and or of to in on at for from with by if when then each every all my me it them ' +
    'is are be will this that these those there any some than more less over under above below ' +
    'send list get show find search create add close delete post email reply comment book schedule ' +
    'please new open issues orders files messages into as about'
  ).split(' '),
);

const ACCENTS: Readonly<Record<string, RegExp>> = {
  fr: /[éèêëàâçœîïôûù]/iu,
  es: /[ñáíóú¿¡]/iu,
  de: /[äöüß]/iu,
};

/** Characters one of which every match of PROTECTED holds, but for "AB12" (see below). */
const PROTECTED_MARKS = `"'/@#.-`;

const isCapital = (c: number): boolean => c >= 65 && c <= 90;

/**
 * False when `text` holds no match of PROTECTED: every alternative needs a quote, `/`,
 * `@`, `#`, `.` or `-`, except `\b[A-Z]{2,}\d+\b`, which needs two ASCII capitals just
 * before an ASCII digit. Most goals hold none, and the pattern (Unicode, ~0.2 ms to
 * compile) is then not run (ADR 0040).
 */
export function mayHoldProtected(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    if (PROTECTED_MARKS.includes(text[i] as string)) return true;
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57 && i >= 2) {
      if (isCapital(text.charCodeAt(i - 1)) && isCapital(text.charCodeAt(i - 2))) return true;
    }
  }
  return false;
}

/** `text` with every value (PROTECTED) replaced by a space. */
export function stripProtected(text: string): string {
  return mayHoldProtected(text) ? text.replace(PROTECTED, ' ') : text;
}

/** A copy of the values pattern (for tests). */
export function protectedPattern(): RegExp {
  return new RegExp(PROTECTED.source, PROTECTED.flags);
}

function wordsOf(text: string): string[] {
  const stripped = stripProtected(text);
  return stripped
    .split(isAscii(stripped) ? /[^A-Za-z0-9'’-]+/ : /[^\p{L}\p{N}'’-]+/u)
    .flatMap((w) => w.split(/['’]/u))
    .filter((w) => w.length > 0)
    .map(fold);
}

/** A script the template planner cannot read, if the goal (outside quotes) uses one. */
export function unsupportedScript(goal: string): string | undefined {
  const text = goal.replace(/"[^"]*"/gu, ' ');
  if (isAscii(text)) return undefined;
  for (const [re, name] of SCRIPTS) if (re.test(text)) return name;
  return undefined;
}

function languageScore(f: Foreign, words: readonly string[], goal: string): number {
  let s = 0;
  for (const w of words) if ((f.markers.has(w) || f.words.has(w)) && !ENGLISH_MARKERS.has(w)) s++;
  // No ASCII character case-folds to an accented letter: an ASCII goal has none of them.
  const accents = ACCENTS[f.code];
  if (accents !== undefined && !isAscii(goal) && accents.test(stripProtected(goal))) s += 1;
  return s;
}

/** The goal's language (see the module comment). */
export function detectLanguage(goal: string): GoalLanguage {
  const script = unsupportedScript(goal);
  if (script !== undefined) return { code: 'unsupported', name: script, english: goal };
  const lex = lexicon();
  const words = wordsOf(goal);
  const english = words.filter((w) => ENGLISH_MARKERS.has(w) || lex.verbs.has(w)).length;
  let best: { f: Foreign; score: number } | undefined;
  for (const f of lex.foreign) {
    const score = languageScore(f, words, goal);
    if (best === undefined || score > best.score) best = { f, score };
  }
  let refused: { name: string; score: number } | undefined;
  for (const [name, markers] of lex.refused) {
    const score = words.filter((w) => markers.has(w) && !ENGLISH_MARKERS.has(w)).length;
    if (refused === undefined || score > refused.score) refused = { name, score };
  }
  const foreignWins =
    best !== undefined && best.score >= 2 && best.score > english
      ? best
      : best !== undefined && best.score >= 1 && english === 0
        ? best
        : undefined;
  if (
    refused !== undefined &&
    refused.score >= 3 &&
    refused.score > english &&
    refused.score > (best?.score ?? 0) + 1
  )
    return { code: 'unsupported', name: refused.name, english: goal };
  if (foreignWins === undefined) return { code: 'en', name: 'English', english: goal };
  return {
    code: foreignWins.f.code,
    name: foreignWins.f.name,
    english: toEnglish(goal, foreignWins.f),
  };
}

function translateWord(word: string, f: Foreign): string {
  const direct = f.exact.get(word.toLowerCase()) ?? f.words.get(fold(word));
  if (direct !== undefined) return direct;
  // "publícalos" → "publish them": a verb the lexicon knows and a joined pronoun.
  for (const [suffix, pronoun] of f.clitics) {
    if (word.length <= suffix.length + 2 || !word.toLowerCase().endsWith(suffix)) continue;
    const verb = f.words.get(fold(word.slice(0, -suffix.length)));
    if (verb !== undefined && lexicon().verbs.has(verb)) return `${verb} ${pronoun}`;
  }
  if (word.includes('-')) {
    const parts = word.split('-');
    if (parts.every((p) => f.words.has(fold(p))))
      return parts.map((p) => f.words.get(fold(p)) ?? p).join(' ');
  }
  return word;
}

/** Runs `fn` on `text` with its values (PROTECTED) replaced by placeholders. */
function withValuesKept(text: string, fn: (t: string) => string): string {
  const kept: string[] = [];
  // Neither pattern is run (nor compiled) on a text it cannot match (ADR 0040).
  const masked = mayHoldProtected(text)
    ? text.replace(PROTECTED, (m) => {
        kept.push(m);
        return `\uE000${kept.length - 1}\uE000`;
      })
    : text;
  const out = fn(masked);
  return out.includes('\uE000')
    ? out.replace(/\uE000(\d+)\uE000/gu, (_, i: string) => kept[Number(i)] ?? '')
    : out;
}

/** The goal in English, word by word (see the module comment). */
export function toEnglish(goal: string, f: Foreign): string {
  const out = withValuesKept(goal, (t) => {
    // A place after "à"/"a" (French/Spanish "at, in") reads as "in".
    let text = t.replace(/(^|\s)(?:à|a)\s+(?=\p{Lu}\p{Ll})/gu, '$1in ');
    for (const p of f.phrases) text = p.apply(text);
    return text.replace(/[\p{L}][\p{L}\p{N}-]*/gu, (w) => translateWord(w, f));
  });
  return out.replace(/\s+/g, ' ').trim();
}

/** The English phrase rewrites of the lexicon ("read them aloud" → "speak them" …). */
export function englishPhrases(text: string): string {
  return withValuesKept(text, (t) => {
    let out = t;
    for (const p of lexicon().phrases) out = p.apply(out);
    return out;
  });
}

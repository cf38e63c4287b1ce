/**
 * The object of a clause: what it sends, posts, saves or transforms ("post *the latest
 * 5 commits of acme/api* to #dev", "send me by sms *the current weather in Lyon*"),
 * without its recipients, media, targets and quoted text; and whether it names the
 * result of an earlier step ("them", "the summary") rather than data to fetch.
 */
import { lexicon } from '../lexicon/index.js';
import { idParts } from './choose.js';
import { sameNoun } from './fields.js';
import { phraseNouns } from './qualifiers.js';
import type { Built } from './shape.js';
import { removeViaMedium } from './via-medium.js';

const MEDIA =
  'sms|e-?mail|mail|text message|message|push notification|notification|alert|slack|chat|team chat';

/** Nouns that name what the plan makes from data (a summary), never data to fetch. */
const MADE = new Set(
  'summary digest recap report overview translation apology note reminder message update text table csv json comment reply answer notification alert email mail sms'.split(
    ' ',
  ),
);

/** The words of `MEDIA`, in its order (`e-?mail` tries `e-mail` first). */
const MEDIA_WORDS = [
  'sms',
  'e-mail',
  'email',
  'mail',
  'text message',
  'message',
  'push notification',
  'notification',
  'alert',
  'slack',
  'chat',
  'team chat',
];

/**
 * Removals from an object phrase that a text can match only if it contains one of
 * `needs` (lowercased): each pattern ignores ASCII case only (`/gi` without `u`), and
 * every match holds one of those words. A text without them is left as it is, and the
 * pattern is not compiled for it (ADR 0040).
 */
export interface Removal {
  readonly re: RegExp;
  readonly needs: readonly string[];
}

/** Paths after "to", "into" … hold a dot; "on slack", "to twitter". */
export const FILE_TARGET: Removal = {
  re: /\b(?:to|into|in|as)\s+(?:\.{0,2}\/)?[\w./-]+\.\w{2,4}\b/gi,
  needs: ['.'],
};
export const ON_SERVICE: Removal = {
  re: /\b(?:on|to)\s+(?:slack|twitter)\b/gi,
  needs: ['slack', 'twitter'],
};

/** `text` with every match of `r.re` replaced by a space (unchanged when it cannot match). */
export function remove(text: string, r: Removal): string {
  const lower = text.toLowerCase();
  return r.needs.some((n) => lower.includes(n)) ? text.replace(r.re, ' ') : text;
}

let objectPatterns: { readonly viaWords: readonly string[]; readonly medium: Removal } | undefined;

/**
 * The words after "by", "via" … (media, then the lexicon's services) and the medium
 * pattern, made once (the lexicon is built once per process).
 */
export function objectRes(): { readonly viaWords: readonly string[]; readonly medium: Removal } {
  if (objectPatterns !== undefined) return objectPatterns;
  objectPatterns = {
    viaWords: [...MEDIA_WORDS, ...lexicon().services],
    // Every match holds one of the media words ("e-?mail": "mail").
    medium: { re: new RegExp(`\\b(?:an?\\s+|the\\s+)?(?:${MEDIA})\\b`, 'gi'), needs: MEDIA_WORDS },
  };
  return objectPatterns;
}

/** The object phrase of a clause (see the module comment); empty when there is none. */
export function objectPhrase(text: string): string {
  const { viaWords, medium } = objectRes();
  let t = removeViaMedium(
    text
      .replace(/"[^"]*"/g, ' ')
      .replace(/^\s*(?:please\s+)?\S+\s+/, ' ')
      .replace(/^\s*(?:me|us|him|her)\b/i, ' '),
    viaWords,
  ).replace(
    /\b(?:to|at|for|with|on|in)\s+(?:#[\w-]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|me|us|him|her|the team(?: chat)?|everyone|the channel)\b/gi,
    ' ',
  );
  t = remove(remove(t, FILE_TARGET), medium);
  t = remove(t, ON_SERVICE);
  return t
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^(?:the|a|an|my|our)\s+$/i, '');
}

/** True when the object names an earlier result, or nothing to fetch. */
export function refersToPrevious(obj: string, built: readonly Built[]): boolean {
  if (
    /^(?:it|its|them|their|this|that|these|those|they|all|everything|each|one|the (?:new|created|same))\b/i.test(
      obj,
    )
  )
    return true;
  // Generic names of whatever an earlier step produced: "count the items", "post the link".
  if (
    built.length > 0 &&
    /^(?:the |all |those |these )?(?:items?|entries|entry|rows?|records?|elements?|results?|ones|lines|values|data|output|list|response|answer|links?|urls?|ids?)\b/i.test(
      obj,
    )
  )
    return true;
  const nouns = phraseNouns(obj);
  if (nouns.length === 0 || nouns.every((n) => MADE.has(n))) return true;
  return namedEarlier(nouns, built) !== undefined;
}

/**
 * The latest built step whose output or capability (`calendar.list_events` for "the
 * schedule") one of `nouns` names.
 */
export function namedEarlier(nouns: readonly string[], built: readonly Built[]): Built | undefined {
  for (let i = built.length - 1; i >= 0; i--) {
    const b = built[i] as Built;
    if (b.outs.some((o) => nouns.some((n) => sameNoun(o.alias, n)))) return b;
    const id = idParts(b.step.capability_id);
    if (nouns.some((n) => [...id.service, ...id.nouns].some((w) => sameNoun(w, n)))) return b;
  }
  return undefined;
}

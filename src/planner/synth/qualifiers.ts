/**
 * What a clause says about the items it works on: whether it works on each of them
 * ("close all wontfix issues", "for each", "every unread email"), the nouns naming
 * them, filters ("with a total over 100", "older than 30 days", "since 2024-03-01",
 * "trips to Berlin", "containing "x""), an order ("the cheapest", "the 3 most
 * expensive", "sorted by title descending") and a limit ("top 10", "latest 5").
 */
import type { Value } from '../../data/index.js';
import { type Comparator, lexicon } from '../lexicon/index.js';
import { execIf } from '../required-texts.js';
import { tokens, words } from '../text.js';
import { hintedFields } from './fields.js';

export interface FilterSpec {
  /** What the filter compares: a number, a date (ISO text), words in a text, a relative age. */
  readonly kind: 'number' | 'date' | 'text' | 'age';
  readonly op: Comparator | 'contains';
  readonly value: Value;
  /** Field names the filter hints at, best first. */
  readonly hints: readonly string[];
  /** The words of the goal it comes from. */
  readonly text: string;
}

export interface SortSpec {
  readonly hints: readonly string[];
  readonly order: 'asc' | 'desc';
  /** Keep only the first item ("the cheapest"). */
  readonly first: boolean;
  /** Recency ("latest", "newest"): a `limit` input of a list capability does it. */
  readonly recency: boolean;
}

export interface Qualifiers {
  /** The clause works on each item ("all", "each", "every", "for each"). */
  readonly each: boolean;
  /** Canonical nouns of the items ("issue", "order"); empty for "for each" alone. */
  readonly nouns: readonly string[];
  /** The object is a plural noun ("the files"). */
  readonly plural: boolean;
  readonly filters: readonly FilterSpec[];
  readonly sort?: SortSpec;
  readonly limit?: number;
}

const QUANT =
  /\b(?:for each|for every|each|every|all(?: of)?(?: the| my| our)?|any of the)\s+(.+)$/i;

const SCHEDULE =
  /^(?:morning|evening|night|day|week|month|year|hour|minute|weekday|weekend|time|(?:mon|tues|wednes|thurs|fri|satur|sun)day)s?\b/i;

const RECENCY = new Set(['latest', 'newest', 'most recent', 'recent', 'last']);

/** The canonical nouns of a phrase (lexicon nouns and plural words). */
export function phraseNouns(phrase: string): string[] {
  const lex = lexicon();
  const out: string[] = [];
  const ws = words(phrase);
  for (let i = 0; i < ws.length; i++) {
    const two = `${ws[i] ?? ''} ${ws[i + 1] ?? ''}`;
    const w = ws[i] ?? '';
    const n =
      lex.nouns.get(two) ??
      lex.nouns.get(w) ??
      lex.nouns.get(singular(w)) ??
      (w.endsWith('s') && w.length > 3 ? singular(w) : undefined);
    if (n !== undefined && !out.includes(n)) out.push(n);
  }
  return out;
}

export function singular(w: string): string {
  return tokens(w)[0] ?? w;
}

interface ComparatorPattern {
  readonly re: RegExp;
  readonly op: Comparator;
  /** The phrase's first word, lower case: a text without it cannot match (empty: no test). */
  readonly word: string;
}

let comparatorRes: readonly ComparatorPattern[] | undefined;

/** The lexicon's comparison phrases followed by a number ("more than 5 …"), compiled once. */
function comparatorPatterns(): readonly ComparatorPattern[] {
  comparatorRes ??= lexicon().comparators.map(({ phrase, op }) => ({
    word: /^[a-z]+(?: |$)/i.test(phrase) ? (phrase.split(' ')[0] ?? '').toLowerCase() : '',
    re: new RegExp(
      `\\b${phrase.replace(/ /g, '\\s+')}\\s+\\$?(\\d+(?:\\.\\d+)?)(\\s+(?:[a-z]+(?:\\s+(?:in|of)\\s+[a-z]+)?))?`,
      'gi',
    ),
    op,
  }));
  return comparatorRes;
}

let superlativeRes:
  readonly { readonly s: string; readonly literal: boolean; readonly re: RegExp }[] | undefined;

/** The lexicon's superlatives, longest first, as patterns compiled once. */
function superlativePatterns(): NonNullable<typeof superlativeRes> {
  superlativeRes ??= [...lexicon().superlatives.keys()]
    .sort((a, b) => b.length - a.length)
    .map((s) => ({
      s,
      // A pattern of letters and spaces needs its text in the (lower-case) clause.
      literal: /^[a-z ]+$/.test(s),
      re: new RegExp(`\\b(?:the\\s+)?(?:(\\d+)\\s+)?${s}\\b(?:\\s+(\\d+))?`, 'i'),
    }));
  return superlativeRes;
}

function numberFilters(text: string): FilterSpec[] {
  const out: FilterSpec[] = [];
  // Every pattern needs a digit: a text without one has no number filter.
  if (!/\d/.test(text)) return out;
  const lower = text.toLowerCase();
  for (const { re, op, word } of comparatorPatterns()) {
    // … and its phrase's first word (ASCII letters, matched without case).
    if (!lower.includes(word)) continue;
    for (const m of text.matchAll(re)) {
      if (out.some((f) => f.text.includes(m[0]) || m[0].includes(f.text))) continue;
      const unit = (m[2] ?? '').trim().toLowerCase();
      const before = text.slice(Math.max(0, (m.index ?? 0) - 30), m.index ?? 0);
      const window = `${before.split(/\b(?:with|where|whose|that|which|having)\b/i).pop() ?? ''} ${unit}`;
      if (
        /^days?$|^weeks?$|^months?$/.test(unit.split(' ')[0] ?? '') &&
        /\b(?:older|old|ago)\b/i.test(text)
      )
        out.push({
          kind: 'age',
          op: op === 'gt' || op === 'ge' ? 'lt' : 'gt',
          value: Number(m[1]) * (unit.startsWith('week') ? 7 : unit.startsWith('month') ? 30 : 1),
          hints: ['modified', 'created_at', 'date', 'updated_at', 'published'],
          text: m[0],
        });
      else
        out.push({
          kind: 'number',
          op,
          value: Number(m[1]),
          hints: hintedFields(window),
          text: m[0],
        });
    }
  }
  return out;
}

/** Reads the qualifiers of a clause (see the module comment); `forEach` is a "for each N" phrase. */
export function readQualifiers(given: string, forEach?: string): Qualifiers {
  const lex = lexicon();
  // Quoted text is a value ("all clear"), never a qualifier.
  const text = given.replace(/"[^"]*"/g, '""');
  const quant = execIf(QUANT, text);
  // "every morning", "each Monday": a schedule, not items to work on.
  const q = quant !== null && SCHEDULE.test(quant[1] ?? '') ? null : quant;
  const trailingEach = execIf(/\bfor (?:each|every one|each one|all of them)\s*$/i, text) !== null;
  const phrase = forEach ?? q?.[1] ?? '';
  const each = forEach !== undefined || q !== null || trailingEach;
  const filters: FilterSpec[] = numberFilters(`${forEach ?? ''} ${text}`);
  const since = execIf(/\b(?:since|after)\s+(\d{4}-\d{2}-\d{2})\b/i, text);
  if (since)
    filters.push({
      kind: 'date',
      op: 'ge',
      value: since[1] ?? '',
      hints: ['date', 'created_at', 'modified', 'published', 'start'],
      text: since[0],
    });
  const before = execIf(/\b(?:before|until)\s+(\d{4}-\d{2}-\d{2})\b/i, text);
  if (before)
    filters.push({
      kind: 'date',
      op: 'lt',
      value: before[1] ?? '',
      hints: ['date', 'created_at', 'modified', 'published', 'start'],
      text: before[0],
    });
  const place = execIf(
    /\b(?:trips?|flights?|travel|journeys?|hotels?|events?)\s+(?:to|in|at)\s+([A-Z][\p{Ll}]+)\b/u,
    `${forEach ?? ''} ${text}`,
  );
  if (place)
    filters.push({
      kind: 'text',
      op: 'eq',
      value: place[1] ?? '',
      hints: ['destination', 'city', 'location'],
      text: place[0],
    });
  const containing = execIf(
    /\b(?:containing|mentioning|matching|about|with the word)\s+"([^"]+)"/i,
    text,
  );
  if (containing)
    filters.push({
      kind: 'text',
      op: 'contains',
      value: containing[1] ?? '',
      hints: ['title', 'subject', 'summary', 'name', 'text', 'snippet'],
      text: containing[0],
    });
  let sort: SortSpec | undefined;
  let limit: number | undefined;
  const lower = text.toLowerCase();
  for (const { s, literal, re } of superlativePatterns()) {
    if (literal && !lower.includes(s)) continue;
    const m = re.exec(lower);
    if (!m) continue;
    const spec = lex.superlatives.get(s);
    if (spec === undefined) continue;
    const n = m[1] ?? m[2];
    if (n !== undefined) limit = Number(n);
    sort = {
      hints: spec.fields,
      order: spec.order,
      first:
        n === undefined &&
        spec.first &&
        !/\b(?:ones|items|results)\b/.test(lower) &&
        !/s\b/.test(
          lower
            .slice(m.index + m[0].length)
            .trim()
            .split(/\s+/)[0] ?? '',
        ),
      recency: RECENCY.has(s),
    };
    break;
  }
  const by = execIf(
    /\b(?:sort(?:ed)?|order(?:ed)?|rank(?:ed)?)\s+(?:them\s+|it\s+)?by\s+([a-z_]+)(\s+(?:descending|desc|newest first|highest first))?/i,
    text,
  );
  if (by)
    sort = {
      hints: [(by[1] ?? '').toLowerCase()],
      order: by[2] !== undefined ? 'desc' : 'asc',
      first: false,
      recency: false,
    };
  const top = execIf(/\b(?:top|first|last|latest|recent|newest)\s+(\d+)\b/i, text);
  if (top && limit === undefined) limit = Number(top[1]);
  const objectWords = phrase.length > 0 ? phrase : text.replace(/^\s*\w+\s+/, '');
  // "… for each": the items are the earlier list, whatever the clause's own object.
  const nouns = trailingEach && forEach === undefined && q === null ? [] : phraseNouns(objectWords);
  const pm = /\b(?:the|my|our|all|these|those)\s+(?:[a-z-]+\s+)?([a-z]+s)\b/i.exec(text);
  const plural =
    pm !== null && singular(pm[1] ?? '') !== (pm[1] ?? '').toLowerCase() && !/\bit\b/i.test(text);
  return {
    each,
    nouns,
    plural,
    filters,
    ...(sort !== undefined ? { sort } : {}),
    ...(limit !== undefined ? { limit } : {}),
  };
}

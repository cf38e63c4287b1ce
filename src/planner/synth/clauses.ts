/**
 * Clause split (planner.md §2.2 `:template` step 1, after the reference's
 * PatternDecomposition), over the English reading of the goal: "X but ask me for Y" →
 * [ask Y, X]; "X then Y"; "X and <verb> Y" / "X, <verb> Y" when <verb> starts an
 * action; conditions "if C, X" / "if C X" (the action starts at its verb) / "X if C"
 * (also when, whenever, once, unless) guard the clauses they govern; "for each N, X"
 * makes X per item of N. Verbs are the lexicon's (data/lexicon/en.json).
 */
import { genOpFor, type GenOp } from '../gen-templates.js';
import { lexicon } from '../lexicon/index.js';
import { execIf } from '../required-texts.js';
import { canonical, words } from '../text.js';

export type ClauseKind = 'action' | 'transform' | 'ask';

export interface Clause {
  readonly text: string;
  readonly kind: ClauseKind;
  /** The generic operation of a transform clause. */
  readonly op?: GenOp;
  /** The clause's first verb, canonical (`list`, `send`, `filter` …), if any. */
  readonly verb?: string;
  /** The condition that guards the clause ("it will rain"), as the goal states it. */
  readonly condition?: string;
  /** True for "unless": the clause runs when the condition does not hold. */
  readonly negated?: boolean;
  /** "for each N, …": the phrase naming the items the clause runs for. */
  readonly forEach?: string;
}

const TRANSFORM_VERBS: ReadonlySet<string> = new Set([
  'filter',
  'sort',
  'group',
  'count',
  'select',
  'format',
  'parse',
]);

/** Words that read as verbs in the lexicon but are not actions at the start of a clause. */
const NOT_ACTION = new Set(['new', 'set', 'record', 'order', 'text', 'message', 'run', 'start']);

/** Words that start the object of a verb: "text *it* to …", "order *20* more". */
const OBJECT_START =
  /^(?:it|them|me|us|him|her|everyone|the|a|an|my|our|this|that|these|those|\d+)$/i;

/** The canonical verb of `word` (a single word), if the lexicon knows it. */
export function verbOf(word: string): string | undefined {
  return lexicon().verbs.get(word.toLowerCase());
}

/** The canonical verb a clause starts with: its first or second word (or a known phrase). */
export function firstVerb(text: string): string | undefined {
  const ws = words(text).slice(0, 3);
  const lex = lexicon();
  for (let n = 3; n >= 2; n--) {
    const phrase = ws.slice(0, n).join(' ');
    const v = lex.verbs.get(phrase);
    if (v !== undefined) return v;
  }
  for (const w of ws.slice(0, 2)) {
    if (w === 'please' || w === 'also' || w === 'then') continue;
    const v = lex.verbs.get(w);
    if (v !== undefined) return v;
  }
  return undefined;
}

/** True when `word` can start an action clause ("and <word> …"). */
function startsAction(word: string): boolean {
  const v = verbOf(word);
  return v !== undefined && !NOT_ACTION.has(word.toLowerCase());
}

function classify(text: string, extra: Partial<Clause> = {}): Clause {
  const t = text.trim();
  const verb = firstVerb(t);
  if (/^ask me\b/i.test(t)) return { text: t, kind: 'ask', verb: 'ask', ...extra };
  if (verb !== undefined && TRANSFORM_VERBS.has(verb)) {
    const op = genOpFor(
      words(t)
        .map(canonical)
        .concat(verb === 'group' ? ['group'] : []),
    );
    return { text: t, kind: 'transform', verb, ...(op !== undefined ? { op } : {}), ...extra };
  }
  return verb !== undefined
    ? { text: t, kind: 'action', verb, ...extra }
    : { text: t, kind: 'action', ...extra };
}

/** Splits "X and <verb> …" / "X, <verb> …" where <verb> starts a new action. */
function splitAnd(part: string): string[] {
  const out: string[] = [];
  let rest = part;
  for (;;) {
    const re = /,?\s+and\s+(\w+)(?:\s+(\w+))?|,\s+(\w+)(?:\s+(\w+))?/gi;
    let m: RegExpExecArray | null;
    let cut = -1;
    while ((m = re.exec(rest)) !== null) {
      const word = m[1] ?? m[3] ?? '';
      const next = m[2] ?? m[4] ?? '';
      // "and text it to …", "and order 20 more": a noun-like verb with an object after it.
      const verbHere =
        startsAction(word) || (verbOf(word) !== undefined && OBJECT_START.test(next));
      if (verbHere && !insideQuotes(rest, m.index)) {
        cut = m.index;
        break;
      }
    }
    if (cut < 0) break;
    out.push(rest.slice(0, cut));
    rest = rest.slice(cut).replace(/^,?\s+and\s+|^,\s+/i, '');
  }
  out.push(rest);
  return out;
}

function insideQuotes(text: string, at: number): boolean {
  return (text.slice(0, at).match(/"/g) ?? []).length % 2 === 1;
}

function clean(s: string): string {
  return s
    .trim()
    .replace(/^[,;:.\s]+|[,;:.!?\s]+$/g, '')
    .replace(/^(?:and|then|also|please)\s+/i, '')
    .trim();
}

const COND_WORDS = 'if|when|whenever|once|unless|in case';

/** "C X" after "if": the action starts at the first action verb after the condition's subject. */
function splitCondition(text: string): { cond: string; action: string } | undefined {
  const comma = text.search(/,\s*/);
  if (comma > 0 && !insideQuotes(text, comma))
    return { cond: text.slice(0, comma), action: text.slice(comma + 1) };
  const ws = text.split(/\s+/);
  for (let i = 1; i < ws.length; i++) {
    const w = (ws[i] ?? '').replace(/[^\w-]/g, '');
    if (startsAction(w) && !/^(?:is|are|be|will|has|have)$/i.test(ws[i - 1] ?? ''))
      return { cond: ws.slice(0, i).join(' '), action: ws.slice(i).join(' ') };
  }
  return undefined;
}

/** The clauses of one sequential part (no "then"): conditions and "for each" first. */
function partClauses(part: string): Clause[] {
  const lead = new RegExp(`^(${COND_WORDS})\\s+(.+)$`, 'i').exec(part);
  if (lead) {
    const split = splitCondition(lead[2] ?? '');
    if (split !== undefined) {
      const negated = (lead[1] ?? '').toLowerCase() === 'unless';
      return splitAnd(clean(split.action))
        .map(clean)
        .filter((c) => c.length > 0)
        .map((c) => classify(c, { condition: clean(split.cond), ...(negated ? { negated } : {}) }));
    }
  }
  const fe = execIf(/^for\s+(?:each|every|all(?:\s+(?:the|of the))?)\s+(.+)$/i, part);
  if (fe) {
    const rest = fe[1] ?? '';
    const comma = rest.indexOf(',');
    let phrase: string | undefined;
    let action: string | undefined;
    if (comma > 0) {
      phrase = rest.slice(0, comma);
      action = rest.slice(comma + 1);
    } else {
      const ws = rest.split(/\s+/);
      const at = ws.findIndex((w, i) => i > 0 && startsAction(w));
      if (at > 0) {
        phrase = ws.slice(0, at).join(' ');
        action = ws.slice(at).join(' ');
      }
    }
    if (phrase !== undefined && action !== undefined)
      return splitAnd(clean(action))
        .map(clean)
        .filter((c) => c.length > 0)
        .map((c) => classify(c, { forEach: clean(phrase) }));
  }
  // "X, and if C Y" / "X and if C, Y": the part before runs first.
  const mid = new RegExp(`,?\\s+(?:and\\s+|but\\s+)?(?=(?:${COND_WORDS})\\s)`, 'i').exec(part);
  if (mid && mid.index > 0 && !insideQuotes(part, mid.index)) {
    const head = part.slice(0, mid.index);
    const tail = part.slice(mid.index + mid[0].length);
    const trailing = splitCondition(tail.replace(new RegExp(`^(?:${COND_WORDS})\\s+`, 'i'), ''));
    if (trailing !== undefined && startsAction((head.trim().split(/\s+/)[0] ?? '').toLowerCase()))
      return [...partClauses(head), ...partClauses(tail)];
    // "X if C": the condition governs X.
    const cond = clean(tail.replace(new RegExp(`^(${COND_WORDS})\\s+`, 'i'), ''));
    const negated = /^unless\b/i.test(tail);
    return splitAnd(clean(head))
      .map(clean)
      .filter((c) => c.length > 0)
      .map((c) => classify(c, { condition: cond, ...(negated ? { negated } : {}) }));
  }
  return splitAnd(part)
    .map(clean)
    .filter((p) => p.length > 0)
    .map((c) => classify(c));
}

/** The clauses of a goal (its English reading), in execution order. */
export function splitClauses(goal: string): Clause[] {
  let text = goal.trim().replace(/[?!.]+$/, '');
  const asks: string[] = [];
  // "X but ask me for Y" → ask first.
  const but = /[,;]?\s+but\s+(ask me\b.*)$/i.exec(text);
  if (but) {
    asks.push(but[1] ?? '');
    text = text.slice(0, but.index);
  }
  const parts = text
    .split(/[,;.]?\s+(?:and\s+)?then\s+|;\s+|\.\s+(?=[A-Z])/i)
    .map(clean)
    .filter((p) => p.length > 0);
  return [...asks.map((a) => classify(clean(a))), ...parts.flatMap(partClauses)];
}

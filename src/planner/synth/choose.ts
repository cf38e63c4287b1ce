/**
 * Capability choice per clause (planner.md §2.2 `:template` step 2, the reference's
 * CatalogResolution heuristic, with the lexicon for words): the clause's verb and the
 * id's verb equal +0.5 (same family +0.3, different −0.3; a read clause on a read-only
 * capability without a verb +0.2; the verb's word in the description +0.2); a noun of
 * the id in the clause (synonyms and implied nouns count: "calendar" implies "event")
 * +0.3, each id noun absent −0.15; a clause noun in the description +0.1; the service
 * named in the clause (`slack`, `mail`) +0.2; a service the clause names that is not
 * this capability's (Twitter, a printer) −0.6; each required input the clause states
 * +0.15, each that nothing can supply −0.15; +0.1 × menu score. Threshold 0.4, ties by
 * id. `explainChoice` lists the terms, for the trace.
 */
import { lexicon } from '../lexicon/index.js';
import { compareIds, round4, tokens, words } from '../text.js';
import type { MenuEntry } from '../types.js';
import { type Clause, verbOf } from './clauses.js';

export const CHOICE_THRESHOLD = 0.4;

/** What choosing needs to know besides the clause and the menu. */
export interface ChoiceContext {
  /** Names the clause itself states (clause-level parameters). */
  readonly clauseParams: ReadonlySet<string>;
  /** Names of the goal's plan-input constraints. */
  readonly goalInputs: ReadonlySet<string>;
  /** True when an earlier step exists (data inputs can come from it). */
  readonly hasPrevious: boolean;
  /** Inputs the items of a per-item clause supply (`number`, `id` …). */
  readonly itemFields?: ReadonlySet<string>;
}

const DATA_NAMES: ReadonlySet<string> = new Set(
  (
    'items data rows issues messages events results records files text content body message ' +
    'summary input entries values pages commits pull_requests slots days html json csv'
  ).split(' '),
);

const DERIVED_NAMES: ReadonlySet<string> = new Set([
  'title',
  'subject',
  'name',
  'summary',
  'description',
  'reason',
]);

export function isDataName(name: string): boolean {
  return DATA_NAMES.has(name);
}

export function isDerivedName(name: string): boolean {
  return DERIVED_NAMES.has(name);
}

/** Words that are verbs in goals but nouns as the only word of an id segment (`translate.text`). */
const ID_NON_VERBS: ReadonlySet<string> = new Set([
  'text',
  'message',
  'mail',
  'email',
  'order',
  'open',
  'label',
  'summary',
  'current',
  'forecast',
  'push',
  'record',
  'set',
  'new',
]);

function verbWord(w: string | undefined, single: boolean): string | undefined {
  if (w === undefined || (single && ID_NON_VERBS.has(w))) return undefined;
  return verbOf(w);
}

/** The verb and the nouns of a capability id (`github.list_issues` → list, [issue]). */
export function idParts(id: string): { verb?: string; nouns: string[]; service: string[] } {
  const segs = id.split('.');
  const last = segs[segs.length - 1] ?? '';
  const ws = words(last);
  let verb = verbWord(ws[0], ws.length === 1);
  let nounWords = verb !== undefined ? ws.slice(1) : ws;
  let serviceSegs = segs.slice(0, -1);
  const prev = segs[segs.length - 2];
  if (verb === undefined && prev !== undefined && verbWord(prev, true) !== undefined) {
    // `translate.text`, `notify.push`: the verb is the service segment.
    verb = verbWord(prev, true);
    nounWords = ws;
    serviceSegs = segs.slice(0, -2);
  }
  if (
    verb === undefined &&
    ws.length === 1 &&
    verbOf(ws[0] ?? '') !== undefined &&
    !ID_NON_VERBS.has(ws[0] ?? '')
  )
    verb = verbOf(ws[0] ?? '');
  const nouns = tokens(nounWords.join(' '));
  const service = segs[0] === 'core' ? [] : tokens(serviceSegs.join(' '));
  return verb !== undefined ? { verb, nouns, service } : { nouns, service };
}

function canonNoun(t: string): string {
  return lexicon().nouns.get(t) ?? t;
}

function nounIn(noun: string, clause: readonly string[]): boolean {
  const n = canonNoun(noun);
  return clause.some(
    (t) =>
      t === noun ||
      canonNoun(t) === n ||
      (noun.length >= 4 && t.length >= 4 && (t.startsWith(noun) || noun.startsWith(t))),
  );
}

/** Nouns a clause implies by the parameters it states and the lexicon (`calendar` → event). */
function impliedNouns(text: string, params: ReadonlySet<string>): string[] {
  const out: string[] = [];
  if (params.has('path')) out.push('file');
  if (params.has('url')) out.push('url', 'http');
  if (params.has('channel')) out.push('channel', 'slack', 'chat', 'message');
  if (params.has('to') || params.has('email')) out.push('mail');
  if (params.has('phone')) out.push('sms');
  const lex = lexicon();
  const ws = words(text);
  for (let i = 0; i < ws.length; i++) {
    for (const key of [ws[i] ?? '', `${ws[i] ?? ''} ${ws[i + 1] ?? ''}`])
      for (const n of lex.implies.get(key) ?? []) out.push(...tokens(n));
  }
  return out;
}

/** A service the clause names ("on Twitter", "the office printer") that is not in `known`. */
export function namedServices(text: string): string[] {
  const lower = text.toLowerCase();
  const out: string[] = [];
  // A service's pattern needs its name in the text (names are literal but for a first dot).
  for (const { name, literal, re } of servicePatterns())
    if ((!literal || lower.includes(name)) && re.test(lower)) out.push(name);
  return out;
}

let servicePatternList:
  readonly { readonly name: string; readonly literal: boolean; readonly re: RegExp }[] | undefined;

/** Each service of the lexicon as a whole-word pattern, compiled once. */
function servicePatterns(): NonNullable<typeof servicePatternList> {
  servicePatternList ??= [...lexicon().services].map((name) => ({
    name,
    literal: /^[\w -]*(?:\.[\w -]*)?$/.test(name),
    re: new RegExp(`\\b${name.replace('.', '\\.')}\\b`),
  }));
  return servicePatternList;
}

const READ_VERBS = new Set(['list', 'get', 'read', 'search', 'query']);

/**
 * What the score of every menu entry reads from the clause alone: its tokens with the
 * nouns it implies, the surface word of its verb and the services it names. `bestChoice`
 * computes them once per clause instead of once per entry (ADR 0048).
 */
interface ClauseFacts {
  readonly clause: Clause;
  readonly ct: readonly string[];
  readonly surface: string | undefined;
  readonly named: readonly string[];
}

function clauseFacts(clause: Clause, ctx: ChoiceContext): ClauseFacts {
  const verb = clause.verb;
  return {
    clause,
    ct: [...tokens(clause.text), ...impliedNouns(clause.text, ctx.clauseParams)],
    surface: verb === undefined ? undefined : words(clause.text).find((w) => verbOf(w) === verb),
    named: namedServices(clause.text),
  };
}

/** `idParts` and the description's tokens of a menu entry, by id and text (bounded caches). */
const partsById = new Map<string, ReturnType<typeof idParts>>();
const descTokens = new Map<string, ReadonlySet<string>>();

function cachedIdParts(id: string): ReturnType<typeof idParts> {
  let p = partsById.get(id);
  if (p === undefined) {
    p = idParts(id);
    if (partsById.size < 10_000) partsById.set(id, p);
  }
  return p;
}

function descriptionTokens(description: string): ReadonlySet<string> {
  let d = descTokens.get(description);
  if (d === undefined) {
    d = new Set(tokens(description));
    if (descTokens.size < 10_000) descTokens.set(description, d);
  }
  return d;
}

/** The terms of the score of `m` for `clause` (see the module comment). */
export function explainChoice(
  clause: Clause,
  m: MenuEntry,
  ctx: ChoiceContext,
): { score: number; terms: string[] } {
  return explainWith(clauseFacts(clause, ctx), m, ctx);
}

function explainWith(
  facts: ClauseFacts,
  m: MenuEntry,
  ctx: ChoiceContext,
): { score: number; terms: string[] } {
  const { clause, ct } = facts;
  const lex = lexicon();
  const parts = cachedIdParts(m.id);
  const terms: string[] = [];
  let s = 0;
  const term = (delta: number, why: string): void => {
    s += delta;
    terms.push(`${delta >= 0 ? '+' : ''}${round4(delta)} ${why}`);
  };
  const desc = descriptionTokens(m.description);
  if (clause.verb !== undefined) {
    if (parts.verb !== undefined) {
      const fam = (v: string): string | undefined => lex.family.get(v);
      if (clause.verb === parts.verb) term(0.5, `verb ${clause.verb}`);
      else if (fam(clause.verb) !== undefined && fam(clause.verb) === fam(parts.verb))
        term(0.3, `verb ${clause.verb} ~ ${parts.verb}`);
      else term(-0.3, `verb ${clause.verb} ≠ ${parts.verb}`);
    } else if (m.effects.every((e) => e === 'read' || e === 'network' || e === 'pure')) {
      if (READ_VERBS.has(clause.verb)) term(0.2, `reads (${clause.verb})`);
      else if (lex.family.get(clause.verb) !== undefined) term(-0.3, `only reads (${clause.verb})`);
    }
    const surface = facts.surface;
    if (surface !== undefined && clause.verb !== parts.verb && desc.has(surface))
      term(0.2, `"${surface}" in the description`);
  }
  const found = parts.nouns.filter((n) => nounIn(n, ct));
  if (found.length > 0) term(0.3, `noun ${found.join(', ')}`);
  for (const n of parts.nouns) if (!nounIn(n, ct)) term(-0.15, `no ${n}`);
  const verbs = lex.verbs;
  const descHit = ct.find((t) => !verbs.has(t) && desc.has(t) && !parts.nouns.includes(t));
  if (descHit !== undefined) term(0.1, `"${descHit}" in the description`);
  const service = [
    ...parts.service,
    ...(m.metadata['service'] ? tokens(m.metadata['service']) : []),
  ];
  // The service counts once: not again when it is the noun already found (`orders.get_order`).
  if (service.some((t) => ct.includes(t) && !found.some((n) => canonNoun(n) === canonNoun(t))))
    term(0.2, `service ${service.join('/')}`);
  for (const named of facts.named)
    if (!service.includes(named) && !m.id.toLowerCase().includes(named)) term(-0.6, `not ${named}`);
  for (const input of m.required_inputs) {
    if (ctx.clauseParams.has(input)) term(0.15, `states ${input}`);
    else if (ctx.goalInputs.has(input) || ctx.itemFields?.has(input)) continue;
    else if (ctx.hasPrevious && (isDataName(input) || isDerivedName(input))) continue;
    else if (isDerivedName(input)) continue;
    else term(-0.15, `needs ${input}`);
  }
  if (m.score > 0) term(0.1 * m.score, `menu score ${m.score}`);
  return { score: round4(s), terms };
}

/** The score of menu entry `m` for `clause`. */
export function scoreChoice(clause: Clause, m: MenuEntry, ctx: ChoiceContext): number {
  return explainChoice(clause, m, ctx).score;
}

/** The best menu entry for the clause, whatever its score, with the terms of its score. */
export function bestChoice(
  clause: Clause,
  menu: readonly MenuEntry[],
  ctx: ChoiceContext,
  accept: (m: MenuEntry) => boolean = () => true,
): { entry: MenuEntry; score: number; terms: string[] } | undefined {
  let best: { entry: MenuEntry; score: number; terms: string[] } | undefined;
  let facts: ClauseFacts | undefined;
  for (const m of menu) {
    if (m.id.startsWith('ccos.') || !accept(m)) continue;
    if (m.metadata['capability_status'] === 'scaffold' && clause.kind !== 'transform') continue;
    facts ??= clauseFacts(clause, ctx);
    const { score, terms } = explainWith(facts, m, ctx);
    if (
      best === undefined ||
      score > best.score ||
      (score === best.score && compareIds(m.id, best.entry.id) < 0)
    )
      best = { entry: m, score, terms };
  }
  return best;
}

/** The best menu entry for the clause, or undefined below the threshold. */
export function chooseCapability(
  clause: Clause,
  menu: readonly MenuEntry[],
  ctx: ChoiceContext,
  accept: (m: MenuEntry) => boolean = () => true,
): { entry: MenuEntry; score: number; terms: string[] } | undefined {
  const best = bestChoice(clause, menu, ctx, accept);
  return best !== undefined && best.score >= CHOICE_THRESHOLD ? best : undefined;
}

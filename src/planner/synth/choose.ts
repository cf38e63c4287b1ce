/**
 * Capability choice per clause (planner.md §2.2 `:template` step 2, the reference's
 * CatalogResolution heuristic): action verb exact +0.5 (same family +0.3, mismatch
 * −0.3, the reference says −0.1); an object noun of the id found in the clause +0.3; each id noun absent from
 * the clause −0.15; a clause noun in the description +0.1. Additions (docs/planner.md):
 * the service named in the clause (`slack`, `mail`) +0.2; each required input the
 * clause states +0.15, each that nothing can supply −0.15; +0.1 × menu score.
 * Threshold 0.4, ties broken by id.
 */
import { compareIds, round4, tokens, words } from '../text.js';
import type { MenuEntry } from '../types.js';
import { type Clause, VERBS } from './clauses.js';

export const CHOICE_THRESHOLD = 0.4;

const FAMILY: Readonly<Record<string, string>> = {
  list: 'read',
  get: 'read',
  read: 'read',
  search: 'read',
  query: 'read',
  create: 'create',
  add: 'create',
  send: 'send',
  post: 'send',
  reply: 'send',
  comment: 'send',
  delete: 'delete',
  close: 'delete',
};

/** What choosing needs to know besides the clause and the menu. */
export interface ChoiceContext {
  /** Names the clause itself states (clause-level parameters). */
  readonly clauseParams: ReadonlySet<string>;
  /** Names of the goal's plan-input constraints. */
  readonly goalInputs: ReadonlySet<string>;
  /** True when an earlier step exists (data inputs can come from it). */
  readonly hasPrevious: boolean;
}

const DATA_NAMES: ReadonlySet<string> = new Set(
  (
    'items data rows issues messages events results records files text content body message ' +
    'summary input entries values pages commits pull_requests slots days html json csv'
  ).split(' '),
);

const DERIVED_NAMES: ReadonlySet<string> = new Set(['title', 'subject', 'name', 'summary']);

export function isDataName(name: string): boolean {
  return DATA_NAMES.has(name);
}

export function isDerivedName(name: string): boolean {
  return DERIVED_NAMES.has(name);
}

/** The verb and the nouns of a capability id (`github.list_issues` → list, [issue]). */
export function idParts(id: string): { verb?: string; nouns: string[]; service: string[] } {
  const segs = id.split('.');
  const last = segs[segs.length - 1] ?? '';
  const ws = words(last);
  const verbOf = (w: string | undefined): string | undefined =>
    w !== undefined && !ID_NON_VERBS.has(w) ? VERBS[w] : undefined;
  let verb = verbOf(ws[0]);
  let nounWords = verb !== undefined ? ws.slice(1) : ws;
  let serviceSegs = segs.slice(0, -1);
  const prev = segs[segs.length - 2];
  if (verb === undefined && prev !== undefined && verbOf(prev) !== undefined) {
    // `translate.text`: the verb is the service segment.
    verb = verbOf(prev);
    nounWords = ws;
    serviceSegs = segs.slice(0, -2);
  }
  const nouns = tokens(nounWords.join(' '));
  const service = segs[0] === 'core' ? [] : tokens(serviceSegs.join(' '));
  return verb !== undefined ? { verb, nouns, service } : { nouns, service };
}

/** Words that are verbs in goals but nouns in capability ids (`translate.text`). */
const ID_NON_VERBS: ReadonlySet<string> = new Set([
  'text',
  'message',
  'mail',
  'email',
  'order',
  'book',
  'open',
  'label',
]);

function nounIn(noun: string, clause: readonly string[]): boolean {
  return clause.some(
    (t) =>
      t === noun ||
      (noun.length >= 4 && t.length >= 4 && (t.startsWith(noun) || noun.startsWith(t))),
  );
}

/** Nouns a clause implies by the parameters it states (a path implies a file). */
function impliedNouns(params: ReadonlySet<string>): string[] {
  const out: string[] = [];
  if (params.has('path')) out.push('file');
  if (params.has('url')) out.push('url', 'http');
  if (params.has('channel')) out.push('channel');
  if (params.has('to')) out.push('mail');
  return out;
}

/** The score of menu entry `m` for `clause` (see the module comment). */
export function scoreChoice(clause: Clause, m: MenuEntry, ctx: ChoiceContext): number {
  const ct = [...tokens(clause.text), ...impliedNouns(ctx.clauseParams)];
  const parts = idParts(m.id);
  let s = 0;
  if (clause.verb !== undefined && parts.verb !== undefined) {
    if (clause.verb === parts.verb) s += 0.5;
    else if (FAMILY[clause.verb] !== undefined && FAMILY[clause.verb] === FAMILY[parts.verb])
      s += 0.3;
    else s -= 0.3;
  }
  if (parts.nouns.some((n) => nounIn(n, ct))) s += 0.3;
  for (const n of parts.nouns) if (!nounIn(n, ct)) s -= 0.15;
  const desc = new Set(tokens(m.description));
  const verbs = new Set(Object.keys(VERBS));
  if (ct.some((t) => !verbs.has(t) && desc.has(t))) s += 0.1;
  const service = [
    ...parts.service,
    ...(m.metadata['service'] ? tokens(m.metadata['service']) : []),
  ];
  if (service.some((t) => ct.includes(t))) s += 0.2;
  for (const input of m.required_inputs) {
    if (ctx.clauseParams.has(input)) s += 0.15;
    else if (ctx.goalInputs.has(input)) continue;
    else if (ctx.hasPrevious && (isDataName(input) || isDerivedName(input))) continue;
    else if (isDerivedName(input)) continue;
    else s -= 0.15;
  }
  s += 0.1 * m.score;
  return round4(s);
}

/** The best menu entry for the clause, or undefined below the threshold. */
export function chooseCapability(
  clause: Clause,
  menu: readonly MenuEntry[],
  ctx: ChoiceContext,
): { entry: MenuEntry; score: number } | undefined {
  let best: { entry: MenuEntry; score: number } | undefined;
  for (const m of menu) {
    if (m.id.startsWith('ccos.')) continue;
    if (m.metadata['capability_status'] === 'scaffold' && clause.kind !== 'transform') continue;
    const score = scoreChoice(clause, m, ctx);
    if (
      best === undefined ||
      score > best.score ||
      (score === best.score && compareIds(m.id, best.entry.id) < 0)
    )
      best = { entry: m, score };
  }
  return best !== undefined && best.score >= CHOICE_THRESHOLD ? best : undefined;
}

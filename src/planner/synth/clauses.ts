/**
 * Clause split (planner.md §2.2 `:template` step 1, after the reference's
 * PatternDecomposition): "X but ask me for Y" → [ask Y, X]; "ask me for X then Y" →
 * [ask X, Y]; "X then Y"; "X and <verb> Y" → [X, <verb> Y] when <verb> starts an
 * action or a transform (filter, sort, group, count, keep, …); otherwise one clause.
 */
import { genOpFor, type GenOp } from '../gen-templates.js';
import { canonical, words } from '../text.js';

export type ClauseKind = 'action' | 'transform' | 'ask';

export interface Clause {
  readonly text: string;
  readonly kind: ClauseKind;
  /** The generic operation of a transform clause. */
  readonly op?: GenOp;
  /** The clause's first verb, canonical (`list`, `send`, `filter` …), if any. */
  readonly verb?: string;
}

/** Verbs that can start a clause, mapped to their canonical action. */
export const VERBS: Readonly<Record<string, string>> = {
  list: 'list',
  show: 'list',
  get: 'get',
  fetch: 'get',
  retrieve: 'get',
  download: 'get',
  read: 'read',
  load: 'read',
  open: 'read',
  write: 'write',
  save: 'write',
  store: 'write',
  export: 'write',
  create: 'create',
  add: 'add',
  make: 'create',
  schedule: 'create',
  book: 'create',
  comment: 'comment',
  close: 'close',
  merge: 'merge',
  post: 'post',
  publish: 'post',
  share: 'post',
  send: 'send',
  email: 'send',
  mail: 'send',
  notify: 'send',
  tell: 'send',
  text: 'send',
  message: 'send',
  reply: 'reply',
  search: 'search',
  find: 'search',
  look: 'search',
  query: 'query',
  delete: 'delete',
  remove: 'delete',
  cancel: 'delete',
  translate: 'translate',
  summarize: 'summarize',
  summarise: 'summarize',
  check: 'get',
  label: 'add',
  move: 'transition',
  transition: 'transition',
  render: 'format',
  convert: 'format',
  format: 'format',
  parse: 'parse',
  filter: 'filter',
  keep: 'filter',
  sort: 'sort',
  order: 'sort',
  rank: 'sort',
  group: 'group',
  count: 'count',
  select: 'select',
  pick: 'select',
  ask: 'ask',
  fetching: 'get',
};

const TRANSFORM_VERBS: ReadonlySet<string> = new Set([
  'filter',
  'sort',
  'group',
  'count',
  'select',
  'format',
  'parse',
]);

/** The canonical verb of the first verb word in `text`. */
export function firstVerb(text: string): string | undefined {
  for (const w of words(text)) {
    const v = VERBS[w];
    if (v !== undefined) return v;
  }
  return undefined;
}

function classify(text: string): Clause {
  const t = text.trim();
  const verb = firstVerb(t.split(/\s+/).slice(0, 2).join(' '));
  if (/^ask me\b/i.test(t)) return { text: t, kind: 'ask', verb: 'ask' };
  if (verb !== undefined && TRANSFORM_VERBS.has(verb)) {
    const op = genOpFor(
      words(t)
        .map(canonical)
        .concat(verb === 'group' ? ['group'] : []),
    );
    return op !== undefined
      ? { text: t, kind: 'transform', op, verb }
      : { text: t, kind: 'transform', verb };
  }
  return verb !== undefined ? { text: t, kind: 'action', verb } : { text: t, kind: 'action' };
}

/** Splits "X and <verb> …" where <verb> starts a new action or transform. */
function splitAnd(part: string): string[] {
  const out: string[] = [];
  let rest = part;
  for (;;) {
    const re = /,?\s+and\s+(\w+)|,\s+(\w+)/gi;
    let m: RegExpExecArray | null;
    let cut = -1;
    while ((m = re.exec(rest)) !== null) {
      if (VERBS[(m[1] ?? m[2] ?? '').toLowerCase()] !== undefined) {
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

function clean(s: string): string {
  return s
    .trim()
    .replace(/^[,;:.\s]+|[,;:.!?\s]+$/g, '')
    .trim();
}

/** The clauses of a goal, in execution order. */
export function splitClauses(goal: string): Clause[] {
  let text = goal.trim();
  const asks: string[] = [];
  // "X but ask me for Y" → ask first.
  const but = /[,;]?\s+but\s+(ask me\b.*)$/i.exec(text);
  if (but) {
    asks.push(but[1] ?? '');
    text = text.slice(0, but.index);
  }
  const parts = text
    .split(/[,;.]?\s+(?:and\s+)?then\s+|;\s+|\.\s+(?=[A-Z])/i)
    .flatMap(splitAnd)
    .map(clean)
    .filter((p) => p.length > 0);
  return [...asks.map(clean), ...parts].map(classify);
}

/**
 * Rule-based intent extraction (planner.md §2.2 TS design, step 1): parameters a goal
 * states in plain words. Each rule is a regular expression over the goal text; the
 * result is a list of named parameters in a fixed order plus facts (`ask_user`,
 * `quoted`, `emails`, `dates`). Deterministic: no model, no clock.
 *
 * A parameter's `role` says how a plan binds it: `input` parameters become plan inputs
 * (`owner`, `repo`, `channel` …: the plan is reusable for other values), `qualifier`
 * parameters become typed literals (`state`, `labels`, `limit` …).
 */
import { type Value, Keyword, RVector } from '../data/index.js';
import { extractValues } from './intent-values.js';
import { execIf, execWhen } from './required-texts.js';

export type ParamRole = 'input' | 'qualifier';

export interface Param {
  readonly name: string;
  readonly value: Value;
  readonly role: ParamRole;
  readonly rule: string;
}

export interface Extracted {
  readonly params: readonly Param[];
  readonly facts: Readonly<Record<string, Value>>;
}

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/g;
const URL = /https?:\/\/[^\s"'<>]+[^\s"'<>.,;:!?)]/g;
const DATE = /\b\d{4}-\d{2}-\d{2}\b/g;
const PATH =
  /(?:^|\s)((?:\.{0,2}\/)?(?:[\w.-]+\/)*[\w.-]*[\w-]\.(?:csv|json|txt|md|log|yaml|yml|xml|html))\b/g;
const STOP_PHRASE = /\s+(?:then|and then|and|but|before|after|so|to|from|with|into)\s+|[,.;:!?]|$/;

function all(re: RegExp, text: string, group = 0): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(re)) {
    const v = m[group];
    if (v !== undefined && !out.includes(v)) out.push(v);
  }
  return out;
}

/** The words after `start` up to a clause separator ("ask me for the due date then …"). */
function phraseAfter(text: string, start: number): string {
  const rest = text.slice(start);
  const m = STOP_PHRASE.exec(rest);
  return (m ? rest.slice(0, m.index) : rest).trim();
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function unquote(s: string): string {
  return s.startsWith('"') && s.endsWith('"') && s.length >= 2 ? s.slice(1, -1) : s;
}

/** Parameters and facts stated in `goal` (see the module comment). */
export function extractIntent(goal: string): Extracted {
  const params: Param[] = [];
  const add = (name: string, value: Value, role: ParamRole, rule: string): void => {
    if (!params.some((p) => p.name === name)) params.push({ name, value, role, rule });
  };
  const facts: Record<string, Value> = {};
  const urls = all(URL, goal);
  const emails = all(EMAIL, goal);
  const noUrls = urls.reduce((t, u) => t.split(u).join(' '), goal);
  const plain = emails.reduce((t, e) => t.split(e).join(' '), noUrls);

  const repo = /(?:^|[\s(])([A-Za-z0-9][\w.-]*)\/([A-Za-z0-9][\w-]*)(?=$|[\s),.;:!?])/.exec(plain);
  if (repo && !/\.\w+$/.test(repo[2] ?? '')) {
    add('owner', repo[1] ?? '', 'input', 'owner/repo');
    add('repo', repo[2] ?? '', 'input', 'owner/repo');
  }
  const number =
    execIf(/\b(?:issue|pr|pull request|ticket)\s+#?(\d+)\b/i, plain) ?? /#(\d+)\b/.exec(plain);
  if (number) add('number', Number(number[1]), 'qualifier', 'issue number');
  const state = execIf(/\b(open|closed)\b/i, plain);
  if (state) add('state', (state[1] ?? '').toLowerCase(), 'qualifier', 'state word');
  const filter = execIf(
    /\bfilter(?:ed)?\s+(?:them\s+|it\s+)?(?:by|for|to|on)\s+("[^"]+"|[\w-]+)/i,
    plain,
  );
  if (filter) add('filter', unquote(filter[1] ?? ''), 'qualifier', 'filter by X');
  const limit = execIf(/\b(?:top|first|last|latest|recent)\s+(\d+)\b/i, plain);
  if (limit) add('limit', Number(limit[1]), 'qualifier', 'top N');
  const by = execIf(
    /\b(?:sort(?:ed)?|order(?:ed)?|group(?:ed)?|rank(?:ed)?)\s+(?:them\s+|it\s+)?by\s+([a-z_]+)/i,
    plain,
  );
  if (by) add('by', Keyword.of((by[1] ?? '').toLowerCase()), 'qualifier', 'sort/group by X');
  if (execIf(/\b(?:descending|newest first|highest first|most recent first)\b/i, plain)) {
    add('order', Keyword.of('desc'), 'qualifier', 'descending');
    add('descending', true, 'qualifier', 'descending');
  }
  const title = execIf(/\b(?:titled|called|named)\s+("[^"]+"|[\w-]+)/i, plain);
  if (title) add('title', unquote(title[1] ?? ''), 'qualifier', 'titled X');
  const days = execWhen(['day'], /\bnext\s+(\d+)\s+days?\b|\b(\d+)-day\b/i, plain);
  if (days) add('days', Number(days[1] ?? days[2]), 'qualifier', 'next N days');
  const channel = /(?:^|\s)#([a-z][\w-]*)/.exec(plain);
  if (channel) add('channel', `#${channel[1] ?? ''}`, 'input', '#channel');
  const lang = execIf(
    /\b(?:into|to)\s+(French|Spanish|German|Italian|Japanese|Chinese|Portuguese|English|Dutch)\b/,
    plain,
  );
  if (lang) add('target_language', lang[1] ?? '', 'qualifier', 'into Language');
  const symbol =
    execIf(/\b(?:stock|share|ticker|quote|price)s?\b[^.]*?\b([A-Z]{2,5})\b(?!-\d)/, plain) ??
    execWhen(
      [
        'stock',
        'share',
        'price',
        'drops',
        'rises',
        'falls',
        'climbs',
        'dips',
        'trades',
        'is trading',
        'goes',
        'gets',
        'hits',
        'reaches',
        'crosses',
        'is above',
        'is below',
        'is over',
        'is under',
      ],
      /\b([A-Z]{2,5})\s+(?:stock|shares?|price|drops|rises|falls|climbs|dips|trades|is trading|goes|gets|hits|reaches|crosses|is (?:above|below|over|under))\b/,
      plain,
    );
  if (symbol) add('symbol', symbol[1] ?? '', 'input', 'ticker');
  const project = execIf(/\bproject\s+([A-Z][A-Z0-9]{1,9})\b/, plain);
  if (project) add('project', project[1] ?? '', 'input', 'project KEY');
  const key = execWhen(['-'], /\b([A-Z][A-Z0-9]{1,9}-\d+)\b/, plain);
  if (key) add('key', key[1] ?? '', 'input', 'JIRA-123');
  const phone = /(\+\d[\d -]{6,}\d)/.exec(plain);
  if (phone) add('phone', (phone[1] ?? '').replace(/[ -]/g, ''), 'input', 'phone number');
  if (urls.length > 0) add('url', urls[0] ?? '', 'input', 'url');
  const paths = all(PATH, noUrls, 1);
  if (paths.length > 0) add('path', paths[0] ?? '', 'input', 'file path');
  const dir = /(?:^|\s)((?:\.{1,2}|~)?\/[\w.-]+(?:\/[\w.-]+)*\/?)(?=$|[\s,;:!?])/.exec(noUrls);
  if (dir && !/^\/\//.test(dir[1] ?? '')) add('path', dir[1] ?? '', 'input', 'directory path');
  const from = emails.filter((e) => new RegExp(`\\b(?:from|by)\\s+${escape(e)}`, 'i').test(noUrls));
  const to = emails.filter((e) => !from.includes(e));
  if (from.length > 0) add('from', from[0] ?? '', 'input', 'from EMAIL');
  extractValues(plain, add);
  if (to.length > 0) {
    add('to', to[0] ?? '', 'input', 'email address');
    add('email', to[0] ?? '', 'input', 'email address');
    add('attendees', RVector.from(to), 'input', 'email addresses');
  }
  const search = execIf(
    /\b(?:search|look up|find)\s+(?:the\s+)?(?:web|wiki|internet|repositories|repos)?\s*(?:for|about)\s+/i,
    plain,
  );
  if (search) {
    const q = unquote(phraseAfter(plain, search.index + search[0].length));
    if (q.length > 0) add('query', q, 'input', 'search for X');
  }
  const query = execIf(/\b(?:query|jql|sql)\s+("[^"]+")/i, plain);
  if (query) add('query', unquote(query[1] ?? ''), 'qualifier', 'query "X"');
  if (execIf(/\bunread\b/i, plain)) add('unread_only', true, 'qualifier', 'unread');
  const quoted = all(/"([^"]*)"/g, goal, 1);
  const asks: string[] = [];
  for (const m of plain.matchAll(/\bask me (?:for|which|what|about)\s+(?:the\s+)?/gi)) {
    const topic = phraseAfter(plain, (m.index ?? 0) + m[0].length);
    if (topic.length > 0 && !asks.includes(topic)) asks.push(topic);
  }
  if (asks.length > 0) facts['ask_user'] = RVector.from(asks);
  if (quoted.length > 0) facts['quoted'] = RVector.from(quoted);
  if (emails.length > 0) facts['emails'] = RVector.from(emails);
  const dates = all(DATE, plain);
  if (dates.length > 0) facts['dates'] = RVector.from(dates);
  return { params, facts };
}

/**
 * Values a goal names, beyond the simple rules of intent.ts: identifiers bound to the
 * noun before them (`order ORD-42` → `order_id`, `flight AF123` → `flight_number`,
 * `SKU-123` → `sku`), dates and times (`since 2024-03-01`, `on 2024-05-02 from 10:00
 * to 11:00` → `start`/`end`), date ranges, airports, amounts of money with currencies,
 * quantities (`50 units`, `20 more`), branches, places (`in Rome`), statuses
 * (`move … to Done`, `mark … as shipped`) and labels (`wontfix issues`, `labelled with
 * needs-triage`, `label … as bug`). Each rule is a regular expression over the English
 * reading of the goal.
 */
import { type Value, RFloat, RVector } from '../data/index.js';
import type { Param, ParamRole } from './intent.js';
import { execIf, execWhen, matchAllWhen } from './required-texts.js';

type Add = (name: string, value: Value, role: ParamRole, rule: string) => void;

/** Nouns an identifier after them belongs to, and the input names it binds. */
const ID_NOUNS: Readonly<Record<string, readonly string[]>> = {
  order: ['order_id'],
  invoice: ['invoice_id'],
  ticket: ['key', 'ticket_id'],
  booking: ['booking_ref', 'booking_id'],
  trip: ['trip_id'],
  flight: ['flight_number', 'flight_id'],
  product: ['sku', 'product_id'],
  sku: ['sku'],
  item: ['sku', 'item_id'],
  customer: ['customer_id'],
  event: ['event_id'],
  message: ['id', 'message_id'],
  hotel: ['hotel_id'],
  reservation: ['reservation_id'],
  expense: ['expense_id'],
  task: ['key', 'task_id'],
  story: ['key'],
  case: ['case_id'],
  user: ['user_id'],
};

const ID = '([A-Z][A-Z0-9]*-\\d+|[A-Z]{2,3}\\d{2,5}|\\d{3,})';

const NOT_LABELS = new Set(
  (
    'the a an all any each every my our your their some new open closed old recent latest first last ' +
    'top more most many few these those other same its it them of in on to for and or with'
  ).split(' '),
);

const CURRENCIES = new Set(
  'USD EUR GBP JPY CHF CAD AUD CNY INR BRL MXN SEK NOK DKK PLN CZK HUF ZAR NZD SGD HKD KRW TRY RUB'.split(
    ' ',
  ),
);

/** Identifiers, dates, times, places, amounts and statuses in `plain` (see the module comment). */
export function extractValues(plain: string, add: Add): void {
  for (const m of plain.matchAll(
    new RegExp(`\\b(${Object.keys(ID_NOUNS).join('|')})s?\\s+#?${ID}\\b`, 'gi'),
  )) {
    const noun = (m[1] ?? '').toLowerCase();
    for (const name of ID_NOUNS[noun] ?? []) add(name, m[2] ?? '', 'input', `${noun} ID`);
  }
  const sku = /\b(SKU-?[A-Z0-9-]*\d)\b/i.exec(plain);
  if (sku) add('sku', sku[1] ?? '', 'input', 'SKU-…');
  const bareId = execWhen(['-'], /\b([A-Z]{2,5}-\d+)\b/, plain);
  if (bareId) add('id', bareId[1] ?? '', 'input', 'ID-123');
  // dates and times: the other rules run only with a date, or need one after a space and
  // before a word boundary, which this finds; without one they are not compiled (ADR 0038).
  const date = /\b(\d{4}-\d{2}-\d{2})\b/.exec(plain);
  if (date) datesAndTimes(plain, date, add);
  // airports and money
  const airports = execIf(/\bfrom\s+([A-Z]{3})\s+to\s+([A-Z]{3})\b/, plain);
  if (airports && !CURRENCIES.has(airports[1] ?? '')) {
    add('origin', airports[1] ?? '', 'input', 'from AAA to BBB');
    add('destination', airports[2] ?? '', 'input', 'from AAA to BBB');
    add('from', airports[1] ?? '', 'input', 'from AAA to BBB');
    add('to', airports[2] ?? '', 'input', 'from AAA to BBB');
  }
  // "from Paris to Tokyo": places (an origin and a destination, never a sender)
  const places = execIf(
    /\bfrom\s+([A-Z][a-zà-ÿ]+(?:[ -][A-Z][a-zà-ÿ]+)?)\s+to\s+([A-Z][a-zà-ÿ]+(?:[ -][A-Z][a-zà-ÿ]+)?)\b/u,
    plain,
  );
  if (places && !airports) {
    add('origin', places[1] ?? '', 'input', 'from City to City');
    add('destination', places[2] ?? '', 'input', 'from City to City');
  }
  const money = /\b(\d+(?:\.\d+)?)\s*([A-Z]{3})\b(?:\s+(?:to|into|in)\s+([A-Z]{3})\b)?/.exec(plain);
  if (money && CURRENCIES.has(money[2] ?? '')) {
    add('amount', new RFloat(Number(money[1])), 'qualifier', 'amount CUR');
    add('currency', money[2] ?? '', 'qualifier', 'amount CUR');
    if (money[3] !== undefined && CURRENCIES.has(money[3])) {
      add('from', money[2] ?? '', 'qualifier', 'CUR to CUR');
      add('to', money[3], 'qualifier', 'CUR to CUR');
    }
  }
  for (const m of matchAllWhen(
    ['unit', 'item', 'piece', 'copies', 'seat', 'room', 'more'],
    /\b(\d+)\s+(?:more\s+)?(?:units?|items?|pieces?|copies|seats?|rooms?)\b|\b(\d+)\s+more\b/gi,
    plain,
  )) {
    // "fewer than 5 units" is a threshold, not a quantity.
    if (/\b(?:than|over|under|below|above|least|most)\s*$/i.test(plain.slice(0, m.index))) continue;
    add('quantity', Number(m[1] ?? m[2]), 'qualifier', 'N units');
    break;
  }
  const branch = execWhen(
    ['branch'],
    /\b(?:on\s+)?(?:the\s+)?([\w./-]+)\s+branch\b|\bbranch\s+([\w./-]+)/i,
    plain,
  );
  if (branch) add('branch', branch[1] ?? branch[2] ?? '', 'qualifier', 'X branch');
  // places: "in Rome", "for Paris", "at Lyon" (a capitalised word that is not a value)
  const place = /\b(?:in|for|at|near)\s+((?:[A-Z][a-zà-ÿ]+)(?:[ -][A-Z][a-zà-ÿ]+)?)\b/u.exec(plain);
  if (
    place &&
    !/^(?:English|French|Spanish|German|Italian|Slack|Jira|GitHub|Done)$/.test(place[1] ?? '')
  )
    add('city', place[1] ?? '', 'input', 'in City');
  const dest = execIf(/\b(?:trips?|flights?|travel|journeys?)\s+to\s+([A-Z][a-zà-ÿ]+)\b/u, plain);
  if (dest) add('destination', dest[1] ?? '', 'qualifier', 'trips to City');
  // statuses and labels
  const to = execIf(
    /\b(?:move|transition|set|change|put)\b[^.]*?\bto\s+"?([A-Z][\w -]*?)"?(?=$|[,.;]|\s+(?:and|then)\b)/,
    plain,
  );
  if (to) add('status', (to[1] ?? '').trim(), 'qualifier', 'move … to Status');
  const as = execIf(/\b(label|tag|mark|flag|set)\b[^.]*?\bas\s+"?([\w-]+)"?/i, plain);
  if (as) {
    const verb = (as[1] ?? '').toLowerCase();
    if (verb === 'label' || verb === 'tag')
      add('labels', RVector.of(as[2] ?? ''), 'qualifier', 'label … as X');
    else add('status', (as[2] ?? '').toLowerCase(), 'qualifier', 'mark … as X');
  }
  const labelled = execIf(
    /\b(?:label(?:l?ed)?|tagged)\s+(?:with\s+)?(?:the\s+)?(?:label\s+)?("[^"]+"|[\w-]+)|\bwith\s+(?:the\s+)?(?:label|tag)s?\s+("[^"]+"|[\w-]+)/i,
    plain,
  );
  const labelWord = labelled?.[1] ?? labelled?.[2];
  if (
    labelWord !== undefined &&
    !NOT_LABELS.has(labelWord.toLowerCase()) &&
    !/^(?:as|with|from|each)$/i.test(labelWord)
  )
    add('labels', RVector.of(unquote(labelWord)), 'qualifier', 'labelled X');
  const adjective = execWhen(
    ['issue', 'bug', 'ticket', 'pull_request'],
    /\b([a-z][\w-]*)\s+(?:issues|issue|bugs|tickets|pull_requests|pull_request)\b/,
    plain,
  );
  const adj = adjective?.[1];
  if (adj !== undefined && !NOT_LABELS.has(adj) && !/^\d/.test(adj) && adj !== 'jira')
    add('labels', RVector.of(adj === 'bug' ? 'bug' : adj), 'qualifier', 'X issues');
  const bugs = execWhen(['bugs'], /\b(?:open|closed|all|the|my)?\s*\bbugs\b/, plain);
  if (bugs && adj === undefined) add('labels', RVector.of('bug'), 'qualifier', 'bugs');
}

function pad(t: string): string {
  return t.length === 4 ? `0${t}` : t;
}

function unquote(s: string): string {
  return s.startsWith('"') && s.endsWith('"') && s.length >= 2 ? s.slice(1, -1) : s;
}

/** Parameter names that can feed an input of another name (bind.ts). */
export function paramFor(params: readonly Param[], name: string): Param | undefined {
  return params.find((p) => p.name === name);
}

/** The rules on dates and times, for a goal with a date (`date`, its first). */
function datesAndTimes(plain: string, date: RegExpExecArray, add: Add): void {
  const times = /\bfrom\s+(\d{1,2}:\d{2})\s+(?:to|until|-)\s+(\d{1,2}:\d{2})\b/i.exec(plain);
  if (times) {
    add('start', `${date[1] ?? ''}T${pad(times[1] ?? '')}`, 'input', 'date and time');
    add('end', `${date[1] ?? ''}T${pad(times[2] ?? '')}`, 'input', 'date and time');
  } else {
    const at = /\bat\s+(\d{1,2}:\d{2})\b/i.exec(plain);
    if (at) add('start', `${date[1] ?? ''}T${pad(at[1] ?? '')}`, 'input', 'date and time');
  }
  const range =
    /\b(?:from|between)\s+(\d{4}-\d{2}-\d{2})\s+(?:to|and|until|through)\s+(\d{4}-\d{2}-\d{2})\b/i.exec(
      plain,
    );
  if (range) {
    for (const n of ['from', 'start', 'check_in', 'start_date', 'since'])
      add(n, range[1] ?? '', 'input', 'date range');
    for (const n of ['to', 'end', 'check_out', 'end_date', 'until'])
      add(n, range[2] ?? '', 'input', 'date range');
  }
  const since = /\b(?:since|after|from)\s+(\d{4}-\d{2}-\d{2})\b/i.exec(plain);
  if (since) add('since', since[1] ?? '', 'qualifier', 'since DATE');
  const before = /\b(?:before|until)\s+(\d{4}-\d{2}-\d{2})\b/i.exec(plain);
  if (before) add('until', before[1] ?? '', 'qualifier', 'before DATE');
  const on = /\bon\s+(\d{4}-\d{2}-\d{2})\b/i.exec(plain) ?? (range ? null : date);
  if (on) add('date', on[1] ?? '', 'qualifier', 'on DATE');
}

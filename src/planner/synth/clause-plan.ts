/**
 * One clause of a goal planned by the template strategy (docs/planner.md, "How synthesis
 * reads a goal"): its condition (a guard on an earlier or fetched result), the data it
 * sends or transforms when no step produced it, the capability it calls (or an invented
 * `generated.<slug>` below the threshold), the items it runs for, and the filters,
 * sorts and limits its qualifiers ask for.
 */
import { lexicon } from '../lexicon/index.js';
import { extractIntent, type Param } from '../intent.js';
import { slug, words } from '../text.js';
import type { Each, Guard, MenuEntry } from '../types.js';
import { CHOICE_THRESHOLD, bestChoice, idParts } from './choose.js';
import type { Clause } from './clauses.js';
import { fetchText, guardFor, parseCondition } from './condition.js';
import { elementOf, fieldsOf, isList, sameNoun } from './fields.js';
import { namedEarlier, objectPhrase, refersToPrevious } from './objects.js';
import { type Qualifiers, phraseNouns, readQualifiers } from './qualifiers.js';
import { type Built, shapeOf } from './shape.js';
import {
  type ListSource,
  isIdentifier,
  itemInputs,
  listCapability,
  needsItem,
  previousList,
} from './sources.js';
import type { Synthesis } from './synthesis.js';

/** Verbs whose object is a person ("email the customer"), not data to fetch. */
const PERSON_VERBS = new Set([
  'email',
  'mail',
  'notify',
  'tell',
  'text',
  'message',
  'ping',
  'alert',
  'inform',
  'call',
  'remind',
  'reply',
  'answer',
  'respond',
]);

const READ = new Set(['list', 'get', 'read', 'search', 'query']);
const CONSUMERS = new Set([
  'send',
  'post',
  'reply',
  'comment',
  'write',
  'count',
  'sort',
  'group',
  'filter',
  'format',
  'summarize',
  'translate',
  'select',
]);

/** Rules of values an action sets (intent-values.ts), not qualifiers of the items it acts on. */
const TARGET_RULES = new Set(['mark … as X', 'label … as X', 'move … to Status']);

/** In a per-item clause, identifiers and data come from the items. */
const ITEM_SUPPLIED: ReadonlySet<string> = new Set(
  'id number key sku email path symbol order_id trip_id flight_id hotel_id event_id message_id text body content message'.split(
    ' ',
  ),
);

export function planClause(st: Synthesis, clause: Clause): void {
  const q = readQualifiers(clause.text, clause.forEach);
  const params = [
    ...extractIntent(clause.text).params,
    ...(clause.forEach ? extractIntent(clause.forEach).params : []),
  ];
  let guard: Guard | undefined;
  if (clause.condition !== undefined) guard = conditionGuard(st, clause);
  // Data the clause sends or transforms that no step has produced yet: fetch it first.
  const surface = (clause.text.split(/\s+/)[0] ?? '').toLowerCase();
  // "email the customer": a person; "email the open issues to team@…": data.
  const personObject =
    PERSON_VERBS.has(surface) &&
    !/\bto\s+(?:#[\w-]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|me|us|him|her|them|the team)\b/i.test(
      clause.text,
    );
  let fetched: string | undefined;
  if (clause.verb !== undefined && CONSUMERS.has(clause.verb) && !personObject && !q.each) {
    const obj = objectPhrase(clause.text);
    if (obj.length > 0 && !refersToPrevious(obj, st.built)) {
      const oq = readQualifiers(obj);
      if (
        oq.nouns.length > 0 &&
        st.fetch(
          `get ${obj}`,
          params.filter((p) => p.name !== 'channel' && p.name !== 'to'),
          oq,
          'object',
        ) !== undefined
      )
        fetched = obj;
    }
  }
  // Once fetched, the object is "it": its nouns do not choose the action's capability.
  const own = fetched !== undefined ? clause.text.replace(fetched, 'it') : clause.text;
  const choiceText = clause.forEach !== undefined ? `${own} ${clause.forEach}` : own;
  const choiceClause: Clause = { ...clause, text: choiceText };
  const names = new Set(params.map((p) => p.name));
  if (/"[^"]+"/.test(clause.text)) for (const n of ['body', 'text', 'message']) names.add(n);
  const prev = st.built[st.built.length - 1];
  const continuing = prev?.each === true ? prev.step.each : undefined;
  const itemish = q.each || q.plural || continuing !== undefined || q.sort?.first === true;
  const override = st.opts.overrides?.get(clause.text);
  // The choice and why (the terms of its score, or the best candidate below the threshold).
  let why = '';
  const c =
    override !== undefined
      ? { entry: st.byId(override), score: NaN, id: override }
      : (() => {
          const r = bestChoice(choiceClause, st.menu, {
            clauseParams: names,
            goalInputs: st.goalInputs,
            hasPrevious: st.built.length > 0,
            ...(itemish ? { itemFields: ITEM_SUPPLIED } : {}),
          });
          if (r !== undefined && r.score >= CHOICE_THRESHOLD) {
            why = ` (${r.score}: ${r.terms.join(', ')})`;
            return { entry: r.entry as MenuEntry | undefined, score: r.score, id: r.entry.id };
          }
          why =
            r !== undefined
              ? ` (below threshold: best ${r.entry.id} ${r.score}: ${r.terms.join(', ')})`
              : ' (below threshold)';
          return { entry: undefined, score: NaN, id: `generated.${slug(clause.text)}` };
        })();
  const entry = c.entry;
  const isList = entry !== undefined && listsData(entry, clause);
  let loop: ListSource | undefined;
  if (entry !== undefined && !isList) {
    const given = (i: string): boolean => names.has(i) || st.goalInputs.has(i);
    // "delete the files in ./logs": a plural object of a capability acting on one thing.
    const pluralTarget =
      q.plural &&
      entry.required_inputs.some(isIdentifier) &&
      idParts(entry.id).nouns.some((n) => q.nouns.some((x) => sameNoun(n, x)));
    const needs = needsItem(entry, given) || q.each || pluralTarget;
    if (q.sort?.first === true && needsItem(entry, given)) {
      // "book the cheapest": sort the earlier list and take its first item (when there is one).
      const src = previousList(st.built, q.nouns) ?? previousList(st.built, []);
      if (src !== undefined) {
        const first = st.shape(src.built, { ...q, filters: [] }, clause.text);
        if (guard === undefined && first.built.step.capability_id === 'rtfs')
          guard = {
            step: first.built.step.id,
            output: '.',
            measure: 'value',
            op: 'truthy',
            text: 'there is one',
          };
      }
    } else if (
      needsItem(entry, given) &&
      !q.each &&
      !q.plural &&
      continuing === undefined &&
      /^(?:it|this one|that one|the one)$/i.test(
        objectPhrase(clause.text).replace(/\s+for\b.*$/i, ''),
      )
    ) {
      // "search hotels … and book it": the search's first result (when there is one).
      const src = previousList(st.built, []);
      const fields = src !== undefined ? fieldsOf(elementOf(src.out.type)) : [];
      if (src !== undefined && itemInputs(entry, fields, src.out.alias).length > 0) {
        const first = st.first(src, clause.text);
        guard ??= {
          step: first.step.id,
          output: '.',
          measure: 'value',
          op: 'truthy',
          text: 'there is one',
        };
      }
    } else if (needs && (q.each || q.plural || continuing !== undefined)) {
      loop = itemsFor(st, clause, q, params, entry, continuing);
    }
  } else if (entry === undefined && q.each) {
    loop = itemsFor(st, clause, q, params, undefined, continuing);
  }
  if (!isList && q.limit !== undefined && loop === undefined) limitEarlier(st, q);
  const b = st.addStep(clause, c.id, entry, `pattern:${clause.kind}`, {
    ...(guard !== undefined ? { guard } : {}),
    ...(loop !== undefined ? { loop } : {}),
    thresholds: q.filters
      .filter((f) => f.kind === 'number')
      .map((f) => ({ op: f.op, value: f.value })),
  });
  if (isList && entry !== undefined && !q.each) st.shape(b, q, clause.text);
  st.notes.push(
    `"${clause.text}" → ${c.id}${override !== undefined ? ' (kept)' : why}${loop !== undefined ? ` per item of ${loop.built.step.id}.${loop.out.alias}` : ''}${guard !== undefined ? ` if ${guard.text}` : ''}`,
  );
}

/** "save the top 3 results": the earlier list step takes the limit (or its list is cut). */
function limitEarlier(st: Synthesis, q: Qualifiers): void {
  const src = previousList(st.built, q.nouns) ?? previousList(st.built, []);
  if (src === undefined || q.limit === undefined) return;
  const i = st.built.indexOf(src.built);
  const m = st.byId(src.built.step.capability_id);
  const takes = m !== undefined && shapeOf(m).inputs.some((x) => x.name === 'limit');
  if (takes && src.built.step.inputs['limit'] === undefined && i >= 0) {
    const step = {
      ...src.built.step,
      inputs: { ...src.built.step.inputs, limit: { kind: 'literal' as const, value: q.limit } },
    };
    st.built[i] = { ...src.built, step };
    return;
  }
  if (src.built.step.inputs['limit'] === undefined)
    st.shape(src.built, { ...q, filters: [], sort: undefined }, src.built.step.notes);
}

/** True when the capability reads a list (a list clause: qualifiers shape its output). */
function listsData(m: MenuEntry, clause: Clause): boolean {
  return (
    (clause.verb === undefined || READ.has(clause.verb)) &&
    shapeOf(m).outs.some((o) => isList(o.type)) &&
    m.effects.every((e) => e !== 'write')
  );
}

/** The list a per-item clause runs over: an earlier one, or a new list step. */
function itemsFor(
  st: Synthesis,
  clause: Clause,
  q: Qualifiers,
  params: readonly Param[],
  entry: MenuEntry | undefined,
  continuing: Each | undefined,
): ListSource | undefined {
  if (continuing !== undefined && q.nouns.length === 0) {
    const b = st.built.find((x) => x.step.id === continuing.step);
    const out = b?.outs.find((o) => o.alias === continuing.output);
    if (b !== undefined && out !== undefined) return { built: b, out };
  }
  const prev =
    previousList(st.built, q.nouns) ??
    (q.nouns.length === 0 ? previousList(st.built, []) : undefined);
  if (prev !== undefined) {
    const shaped = st.shape(
      prev.built,
      { ...q, sort: undefined, limit: undefined },
      clause.text,
      false,
    );
    return shaped.built === prev.built ? prev : shaped;
  }
  const names = new Set(params.map((p) => p.name));
  const canBind = (i: string): boolean => names.has(i) || st.goalInputs.has(i);
  const lc = listCapability(st.menu, q.nouns, canBind);
  if (lc === undefined) return undefined;
  const listClause: Clause = {
    text: clause.forEach ?? clause.text,
    kind: 'action',
    verb: 'list',
  };
  const b = st.addStep(listClause, lc.entry.id, lc.entry, 'source:items', {
    params: clause.forEach ? extractIntent(clause.text).params : [],
    openItems:
      entry !== undefined && lexicon().family.get(idParts(entry.id).verb ?? '') === 'remove',
    // The values the action sets ("as delivered") do not select the items.
    drop: (p) =>
      TARGET_RULES.has(p.rule) ||
      (isIdentifier(p.name) && (entry?.required_inputs.includes(p.name) ?? false)),
  });
  st.notes.push(`items of "${clause.text}" from ${lc.entry.id}`);
  const src = st.shape(b, { ...q, sort: undefined, limit: undefined }, clause.text, false);
  return src.out.alias === lc.out.alias ? src : { built: b, out: lc.out };
}

/** The latest built step with an output, or a field of its items, named by one of `ws`. */
function withField(built: readonly Built[], ws: readonly string[]): Built | undefined {
  const named = (name: string): boolean => ws.some((w) => w.length > 2 && sameNoun(name, w));
  for (let i = built.length - 1; i >= 0; i--) {
    const b = built[i] as Built;
    for (const o of b.outs)
      if (
        named(o.alias) ||
        fieldsOf(isList(o.type) ? elementOf(o.type) : o.type).some((f) => named(f.name))
      )
        return b;
  }
  return undefined;
}

/** The guard of a conditional clause; fetches its subject when it is not the previous result. */
function conditionGuard(st: Synthesis, clause: Clause): Guard | undefined {
  const cond = parseCondition(clause.condition ?? '');
  let subject: Built | undefined = cond.pronoun ? st.lastData() : undefined;
  const params = extractIntent(clause.condition ?? '').params;
  // "list the pull requests, and if any pull request is a draft …": the earlier list,
  // unless the condition narrows it ("more than 5 critical issues").
  if (subject === undefined && params.length === 0) {
    const nouns = phraseNouns(cond.subject);
    if (readQualifiers(cond.subject).filters.length === 0 && nouns.length > 0)
      subject = namedEarlier(nouns, st.built);
    // "if the temperature is below 5": a field of an earlier result.
    subject ??= withField(st.built, words(cond.subject));
  }
  if (subject === undefined) {
    subject =
      st.fetch(
        fetchText(cond),
        params,
        cond.measure === 'count' ? readQualifiers(cond.subject) : undefined,
        'condition',
      ) ?? st.lastData();
  }
  if (subject === undefined) return undefined;
  const g = guardFor(cond, subject.step.id, subject.outs);
  if (g === undefined || clause.negated !== true) return g;
  const inverse: Readonly<Record<string, Guard['op']>> = {
    gt: 'le',
    ge: 'lt',
    lt: 'ge',
    le: 'gt',
    eq: 'ne',
    ne: 'eq',
  };
  const op = inverse[g.op];
  return op !== undefined ? { ...g, op } : g;
}

/**
 * The deterministic `:template` synthesis strategy (planner.md §2.2, docs/planner.md
 * "How synthesis reads a goal"): read the goal in English (lexicon), split it into
 * clauses, and for each clause: fetch the subject of its condition and guard it
 * (`if`), fetch the data it sends or transforms when no step has produced it, choose a
 * capability from the menu (or invent `generated.<slug>` below the threshold, which
 * validation promotes to a requirement and gap resolution maps, synthesizes or turns
 * into a pending request), find the items of per-item work (`mapv` over a list
 * output), filter, sort and cut lists as the clause says, and bind inputs. Then a
 * step for every `:must` MustCall requirement and MustFilter no step covers.
 */
import { printDisplay } from '../../data/index.js';
import { PRIM } from '../../types/index.js';
import { RtfsError } from '../../runtime/index.js';
import { nameFromId } from '../catalog/index.js';
import { PlannerCodes } from '../codes.js';
import { extractIntent, type Param } from '../intent.js';
import { englishPhrases, lexicon } from '../lexicon/index.js';
import { slug, tokens } from '../text.js';
import type { Binding, Each, GoalSignals, Guard, MenuEntry, PlanStep } from '../types.js';
import { type BindContext, bindInputs } from './bind.js';
import { chooseCapability, idParts } from './choose.js';
import { type Clause, splitClauses } from './clauses.js';
import { fetchText, guardFor, parseCondition } from './condition.js';
import { isList, sameNoun } from './fields.js';
import { objectPhrase, refersToPrevious } from './objects.js';
import { type Qualifiers, readQualifiers } from './qualifiers.js';
import { type Built, shapeOf } from './shape.js';
import {
  type ListSource,
  isIdentifier,
  itemFields,
  itemName,
  listCapability,
  needsItem,
  previousList,
} from './sources.js';
import { filterStep, sortStep, takeStep } from './steps.js';

export interface TemplateOptions {
  /** Clause text → capability id to use (refinement: mapped or kept choices). */
  readonly overrides?: ReadonlyMap<string, string>;
}

export interface TemplateResult {
  readonly steps: PlanStep[];
  readonly log: string;
}

function filterValue(
  clause: Clause,
  params: readonly Param[],
  signals: GoalSignals,
): string | undefined {
  const p = params.find((x) => x.name === 'filter');
  if (p !== undefined) return printDisplay(p.value);
  const q = /"([^"]+)"/.exec(clause.text);
  if (q) return q[1];
  const c = /\b(?:containing|contains|matching|mentioning|about|with)\s+([\w-]+)/i.exec(
    clause.text,
  );
  if (c) return c[1];
  const req = signals.requirements.find((r) => r.kind === 'must-filter');
  return req?.expected_value;
}

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

/** The English the rules read: from extraction (`english_goal`), else the goal itself. */
export function englishGoal(signals: GoalSignals): string {
  const e = signals.contextual_facts['english_goal'];
  return typeof e === 'string' ? e : englishPhrases(signals.goal_text);
}

class Synthesis {
  readonly built: Built[] = [];
  readonly notes: string[] = [];
  private counter = 0;
  readonly goalTokens: string[];
  readonly goalInputs: Set<string>;

  constructor(
    readonly signals: GoalSignals,
    readonly menu: readonly MenuEntry[],
    readonly opts: TemplateOptions,
  ) {
    this.goalTokens = tokens(englishGoal(signals));
    this.goalInputs = new Set(
      signals.constraints.filter((c) => c.role === 'input').map((c) => c.name),
    );
  }

  nextId = (): string => `step_${++this.counter}`;

  byId(id: string): MenuEntry | undefined {
    return this.menu.find((m) => m.id === id);
  }

  /** Adds a step calling `capabilityId` for `clause` (its inputs bound, adapters inserted). */
  addStep(
    clause: Clause,
    capabilityId: string,
    entry: MenuEntry | undefined,
    rule: string,
    extra: {
      params?: readonly Param[];
      guard?: Guard;
      loop?: ListSource;
      thresholds?: BindContext['thresholds'];
      drop?: (p: Param) => boolean;
      /** A list of things to close, cancel or delete: only the open ones. */
      openItems?: boolean;
    } = {},
  ): Built {
    const all = [...extractIntent(clause.text).params, ...(extra.params ?? [])];
    const drop = extra.drop;
    const params = drop !== undefined ? all.filter((p) => !drop(p)) : all;
    const avoid = drop !== undefined ? all.filter(drop).map((p) => printDisplay(p.value)) : [];
    const loop = extra.loop;
    const ctx: BindContext = {
      signals: this.signals,
      menu: this.menu,
      clause,
      clauseParams: params,
      goalTokens: this.goalTokens,
      previous: this.built,
      nextId: this.nextId,
      ...(clause.kind === 'transform' || capabilityId.includes('filter')
        ? optional(filterValue(clause, params, this.signals))
        : {}),
      ...(loop !== undefined
        ? { item: { fields: itemFields(loop.out), list: loop.out.alias, loop: loop.built.step.id } }
        : {}),
      ...(extra.thresholds !== undefined ? { thresholds: extra.thresholds } : {}),
      ...(avoid.length > 0 ? { avoid } : {}),
      ...(extra.guard !== undefined && clause.condition !== undefined
        ? { condition: clause.condition }
        : {}),
      ...(extra.openItems === true ? { openItems: true } : {}),
    };
    const { inputs, adapters } =
      entry === undefined && capabilityId.startsWith('generated.')
        ? { inputs: this.gapInputs(params, loop), adapters: [] }
        : bindInputs(entry, ctx);
    this.built.push(...adapters);
    const shape = shapeOf(entry);
    const outs =
      clause.kind === 'ask'
        ? [
            {
              alias: slug(
                clause.text.replace(/^ask me (?:for|which|what|about)\s+(?:the\s+)?/i, ''),
              ),
              source: '.',
              type: shape.outs[0]?.type ?? PRIM.any,
            },
          ]
        : shape.outs;
    const each: Each | undefined =
      loop !== undefined
        ? { step: loop.built.step.id, output: loop.out.alias, as: itemName(loop.out) }
        : undefined;
    const b: Built = {
      step: {
        id: this.nextId(),
        name: nameFromId(capabilityId),
        capability_id: capabilityId,
        inputs,
        outputs: outs.map((o) => ({ alias: o.alias, source: o.source })),
        notes: clause.text,
        origin: { clause: clause.text, rule },
        ...(extra.guard !== undefined ? { guard: extra.guard } : {}),
        ...(each !== undefined ? { each } : {}),
      },
      outs,
      ...(each !== undefined ? { each: true } : {}),
    };
    this.built.push(b);
    return b;
  }

  /**
   * The inputs a missing capability would take (a gap's inferred inputs): the item of
   * per-item work or the newest data, and the values the clause states.
   */
  gapInputs(params: readonly Param[], loop: ListSource | undefined): Record<string, Binding> {
    const inputs: Record<string, Binding> = {};
    if (loop !== undefined) inputs[itemName(loop.out)] = { kind: 'item' };
    else {
      // The newest data: its only output, or the whole value.
      const last = this.lastData();
      const out = last?.outs.length === 1 ? last.outs[0] : undefined;
      if (last !== undefined && out !== undefined && out.source !== '.')
        inputs[out.alias] = { kind: 'step', step: last.step.id, output: out.alias };
      else if (last !== undefined)
        inputs['data'] = { kind: 'step', step: last.step.id, output: '.' };
    }
    for (const p of params)
      if (inputs[p.name] === undefined) inputs[p.name] = { kind: 'literal', value: p.value };
    return inputs;
  }

  /** Fetches data named by `text` with a reading capability; undefined when none fits. */
  fetch(
    text: string,
    params: readonly Param[],
    q: Qualifiers | undefined,
    why: string,
  ): Built | undefined {
    const verb = q !== undefined && q.nouns.length > 0 ? 'list' : 'get';
    const clause: Clause = { text, kind: 'action', verb };
    const names = new Set([...params, ...extractIntent(text).params].map((p) => p.name));
    const c = chooseCapability(
      clause,
      this.menu,
      { clauseParams: names, goalInputs: this.goalInputs, hasPrevious: this.built.length > 0 },
      (m) => m.effects.every((e) => e !== 'write' && e !== 'human') && !m.id.startsWith('core.'),
    );
    if (c === undefined) return undefined;
    const b = this.addStep(clause, c.entry.id, c.entry, `fetch:${why}`, { params });
    this.notes.push(`fetch "${text}" → ${c.entry.id} (${c.score})`);
    return q !== undefined ? this.shape(b, q, text).built : b;
  }

  /** Filters, sorts and cuts the list output of `b` as `q` says (steps after it). */
  shape(b: Built, q: Qualifiers, text: string, keepFirst = true): ListSource {
    const out = b.outs.find((o) => isList(o.type));
    if (out === undefined)
      return { built: b, out: b.outs[0] ?? { alias: 'result', source: '.', type: PRIM.any } };
    let src: ListSource = { built: b, out };
    const fac = { menu: this.menu, nextId: this.nextId, clause: text };
    const literals = Object.values(b.step.inputs)
      .filter((x) => x.kind === 'literal')
      .map((x) => printDisplay(x.value));
    for (const f of q.filters) {
      if (literals.some((l) => l === printDisplay(f.value) || Number(l) === f.value)) continue;
      const s = filterStep(fac, src, f);
      if (s !== undefined) {
        this.built.push(s);
        src = { built: s, out: s.outs[0] ?? out };
        this.notes.push(`filter ${f.text}`);
      }
    }
    const limitBound = q.limit !== undefined && literals.includes(String(q.limit));
    if (q.sort !== undefined && !(q.sort.recency && limitBound)) {
      const s = sortStep(fac, src, q.sort);
      if (s !== undefined) {
        this.built.push(s);
        src = { built: s, out: s.outs[0] ?? out };
      }
    }
    if (q.limit !== undefined && !limitBound) {
      const s = takeStep(fac, src, q.limit);
      this.built.push(s);
      src = { built: s, out: s.outs[0] ?? out };
    } else if (keepFirst && q.sort?.first === true && q.limit === undefined) {
      const s = takeStep(fac, src, undefined);
      this.built.push(s);
      return { built: s, out: s.outs[0] ?? out };
    }
    return src;
  }

  /** The newest step whose value is data (not a per-item step). */
  lastData(): Built | undefined {
    for (let i = this.built.length - 1; i >= 0; i--)
      if (this.built[i]?.each !== true) return this.built[i];
    return undefined;
  }

  clause(clause: Clause): void {
    const q = readQualifiers(clause.text, clause.forEach);
    const params = [
      ...extractIntent(clause.text).params,
      ...(clause.forEach ? extractIntent(clause.forEach).params : []),
    ];
    let guard: Guard | undefined;
    if (clause.condition !== undefined) guard = this.condition(clause);
    // Data the clause sends or transforms that no step has produced yet: fetch it first.
    const surface = (clause.text.split(/\s+/)[0] ?? '').toLowerCase();
    if (
      clause.verb !== undefined &&
      CONSUMERS.has(clause.verb) &&
      !PERSON_VERBS.has(surface) &&
      !q.each
    ) {
      const obj = objectPhrase(clause.text);
      if (obj.length > 0 && !refersToPrevious(obj, this.built)) {
        const oq = readQualifiers(obj);
        if (oq.nouns.length > 0)
          this.fetch(
            `get ${obj}`,
            params.filter((p) => p.name !== 'channel' && p.name !== 'to'),
            oq,
            'object',
          );
      }
    }
    const choiceText =
      clause.forEach !== undefined ? `${clause.text} ${clause.forEach}` : clause.text;
    const choiceClause: Clause = { ...clause, text: choiceText };
    const names = new Set(params.map((p) => p.name));
    if (/"[^"]+"/.test(clause.text)) for (const n of ['body', 'text', 'message']) names.add(n);
    const prev = this.built[this.built.length - 1];
    const continuing = prev?.each === true ? prev.step.each : undefined;
    const itemish = q.each || q.plural || continuing !== undefined || q.sort?.first === true;
    const override = this.opts.overrides?.get(clause.text);
    const c =
      override !== undefined
        ? { entry: this.byId(override), score: NaN, id: override }
        : (() => {
            const r = chooseCapability(choiceClause, this.menu, {
              clauseParams: names,
              goalInputs: this.goalInputs,
              hasPrevious: this.built.length > 0,
              ...(itemish ? { itemFields: ITEM_SUPPLIED } : {}),
            });
            return r !== undefined
              ? { entry: r.entry as MenuEntry | undefined, score: r.score, id: r.entry.id }
              : { entry: undefined, score: NaN, id: `generated.${slug(clause.text)}` };
          })();
    const entry = c.entry;
    const isList = entry !== undefined && this.listsData(entry, clause);
    let loop: ListSource | undefined;
    if (entry !== undefined && !isList) {
      const given = (i: string): boolean => names.has(i) || this.goalInputs.has(i);
      // "delete the files in ./logs": a plural object of a capability acting on one thing.
      const pluralTarget =
        q.plural &&
        entry.required_inputs.some(isIdentifier) &&
        idParts(entry.id).nouns.some((n) => q.nouns.some((x) => sameNoun(n, x)));
      const needs = needsItem(entry, given) || q.each || pluralTarget;
      if (q.sort?.first === true && needsItem(entry, given)) {
        // "book the cheapest": sort the earlier list and take its first item (when there is one).
        const src = previousList(this.built, q.nouns) ?? previousList(this.built, []);
        if (src !== undefined) {
          const first = this.shape(src.built, { ...q, filters: [] }, clause.text);
          if (guard === undefined && first.built.step.capability_id === 'rtfs')
            guard = {
              step: first.built.step.id,
              output: '.',
              measure: 'value',
              op: 'truthy',
              text: 'there is one',
            };
        }
      } else if (needs && (q.each || q.plural || continuing !== undefined)) {
        loop = this.itemsFor(clause, q, params, entry, continuing);
      }
    } else if (entry === undefined && q.each) {
      loop = this.itemsFor(clause, q, params, undefined, continuing);
    }
    if (!isList && q.limit !== undefined && loop === undefined) this.limitEarlier(q);
    const b = this.addStep(clause, c.id, entry, `pattern:${clause.kind}`, {
      ...(guard !== undefined ? { guard } : {}),
      ...(loop !== undefined ? { loop } : {}),
      thresholds: q.filters
        .filter((f) => f.kind === 'number')
        .map((f) => ({ op: f.op, value: f.value })),
    });
    if (isList && entry !== undefined && !q.each) this.shape(b, q, clause.text);
    this.notes.push(
      `"${clause.text}" → ${c.id}${Number.isNaN(c.score) ? (override !== undefined ? ' (kept)' : ' (below threshold)') : ` (${c.score})`}${loop !== undefined ? ` per item of ${loop.built.step.id}.${loop.out.alias}` : ''}${guard !== undefined ? ` if ${guard.text}` : ''}`,
    );
  }

  /** "save the top 3 results": the earlier list step takes the limit (or its list is cut). */
  private limitEarlier(q: Qualifiers): void {
    const src = previousList(this.built, q.nouns) ?? previousList(this.built, []);
    if (src === undefined || q.limit === undefined) return;
    const i = this.built.indexOf(src.built);
    const m = this.byId(src.built.step.capability_id);
    const takes = m !== undefined && shapeOf(m).inputs.some((x) => x.name === 'limit');
    if (takes && src.built.step.inputs['limit'] === undefined && i >= 0) {
      const step = {
        ...src.built.step,
        inputs: { ...src.built.step.inputs, limit: { kind: 'literal' as const, value: q.limit } },
      };
      this.built[i] = { ...src.built, step };
      return;
    }
    if (src.built.step.inputs['limit'] === undefined)
      this.shape(src.built, { ...q, filters: [], sort: undefined }, src.built.step.notes);
  }

  /** True when the capability reads a list (a list clause: qualifiers shape its output). */
  private listsData(m: MenuEntry, clause: Clause): boolean {
    return (
      (clause.verb === undefined || READ.has(clause.verb)) &&
      shapeOf(m).outs.some((o) => isList(o.type)) &&
      m.effects.every((e) => e !== 'write')
    );
  }

  /** The list a per-item clause runs over: an earlier one, or a new list step. */
  private itemsFor(
    clause: Clause,
    q: Qualifiers,
    params: readonly Param[],
    entry: MenuEntry | undefined,
    continuing: Each | undefined,
  ): ListSource | undefined {
    if (continuing !== undefined && q.nouns.length === 0) {
      const b = this.built.find((x) => x.step.id === continuing.step);
      const out = b?.outs.find((o) => o.alias === continuing.output);
      if (b !== undefined && out !== undefined) return { built: b, out };
    }
    const prev =
      previousList(this.built, q.nouns) ??
      (q.nouns.length === 0 ? previousList(this.built, []) : undefined);
    if (prev !== undefined) {
      const shaped = this.shape(
        prev.built,
        { ...q, sort: undefined, limit: undefined },
        clause.text,
        false,
      );
      return shaped.built === prev.built ? prev : shaped;
    }
    const names = new Set(params.map((p) => p.name));
    const canBind = (i: string): boolean => names.has(i) || this.goalInputs.has(i);
    const lc = listCapability(this.menu, q.nouns, canBind);
    if (lc === undefined) return undefined;
    const listClause: Clause = {
      text: clause.forEach ?? clause.text,
      kind: 'action',
      verb: 'list',
    };
    const b = this.addStep(listClause, lc.entry.id, lc.entry, 'source:items', {
      params: clause.forEach ? extractIntent(clause.text).params : [],
      openItems:
        entry !== undefined && lexicon().family.get(idParts(entry.id).verb ?? '') === 'remove',
      // The values the action sets ("as delivered") do not select the items.
      drop: (p) =>
        TARGET_RULES.has(p.rule) ||
        (isIdentifier(p.name) && (entry?.required_inputs.includes(p.name) ?? false)),
    });
    this.notes.push(`items of "${clause.text}" from ${lc.entry.id}`);
    const src = this.shape(b, { ...q, sort: undefined, limit: undefined }, clause.text, false);
    return src.out.alias === lc.out.alias ? src : { built: b, out: lc.out };
  }

  /** The guard of a conditional clause; fetches its subject when it is not the previous result. */
  private condition(clause: Clause): Guard | undefined {
    const cond = parseCondition(clause.condition ?? '');
    let subject: Built | undefined = cond.pronoun ? this.lastData() : undefined;
    if (subject === undefined) {
      const params = extractIntent(clause.condition ?? '').params;
      subject =
        this.fetch(
          fetchText(cond),
          params,
          cond.measure === 'count' ? readQualifiers(cond.subject) : undefined,
          'condition',
        ) ?? this.lastData();
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
}

/** Rules of values an action sets (intent-values.ts), not qualifiers of the items it acts on. */
const TARGET_RULES = new Set(['mark … as X', 'label … as X', 'move … to Status']);

/** In a per-item clause, identifiers and data come from the items. */
const ITEM_SUPPLIED: ReadonlySet<string> = new Set(
  'id number key sku email path symbol order_id trip_id flight_id hotel_id event_id message_id text body content message'.split(
    ' ',
  ),
);

export function synthesizeTemplate(
  signals: GoalSignals,
  menu: readonly MenuEntry[],
  opts: TemplateOptions = {},
): TemplateResult {
  const unsupported = signals.contextual_facts['unsupported_language'];
  if (typeof unsupported === 'string')
    throw new RtfsError(
      PlannerCodes.unsupportedLanguage,
      `language not supported by the template planner (${unsupported}); use --provider openai`,
    );
  const st = new Synthesis(signals, menu, opts);
  for (const clause of splitClauses(englishGoal(signals))) {
    if (clause.kind === 'ask') {
      const topic = clause.text.replace(/^ask me (?:for|which|what|about)\s+(?:the\s+)?/i, '');
      st.addStep(clause, 'ccos.user.ask', st.byId('ccos.user.ask'), 'pattern:ask', {
        params: [
          {
            name: 'prompt',
            value: `Please give the ${topic}`,
            role: 'qualifier',
            rule: 'ask me for X',
          },
        ],
      });
      st.notes.push(`ask "${topic}" → ccos.user.ask`);
      continue;
    }
    st.clause(clause);
  }
  // Every :must MustCall requirement and MustFilter gets a step.
  const used = (): Set<string> => new Set(st.built.map((b) => b.step.capability_id));
  for (const r of signals.requirements) {
    if (r.kind !== 'must-call-capability' || r.priority !== 'must' || r.capability_id === undefined)
      continue;
    if (used().has(r.capability_id) || st.byId(r.capability_id) === undefined) continue;
    st.addStep(
      { text: englishGoal(signals), kind: 'action' },
      r.capability_id,
      st.byId(r.capability_id),
      'append:must-call',
    );
    st.notes.push(`appended ${r.capability_id} (required)`);
  }
  const filterReq = signals.requirements.find((r) => r.kind === 'must-filter');
  if (filterReq !== undefined && ![...used()].some((id) => id.includes('filter'))) {
    const f = menu.find((m) => m.id.includes('filter'));
    if (f !== undefined) {
      st.addStep(
        {
          text: `filter by "${filterReq.expected_value ?? ''}"`,
          kind: 'transform',
          op: 'filter',
          verb: 'filter',
        },
        f.id,
        f,
        'append:must-filter',
      );
      st.notes.push(`appended ${f.id} (filter "${filterReq.expected_value ?? ''}")`);
    }
  }
  const steps = st.built.map((b) => b.step);
  return { steps, log: `template: ${steps.length} steps; ${st.notes.join('; ')}` };
}

function optional(v: string | undefined): { filterExpected?: string } {
  return v !== undefined ? { filterExpected: v } : {};
}

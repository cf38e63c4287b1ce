/**
 * The state of one template synthesis (synth/template.ts): the steps built so far, step
 * ids, and the moves every clause uses: adding a step with its inputs bound, the inputs
 * of a gap, fetching data with a reading capability, and shaping a list output
 * (filter, sort, limit) as a clause's qualifiers say.
 */
import { printDisplay } from '../../data/index.js';
import { PRIM } from '../../types/index.js';
import { nameFromId } from '../catalog/index.js';
import { extractIntent, type Param } from '../intent.js';
import { englishPhrases } from '../lexicon/index.js';
import { slug, tokens } from '../text.js';
import type { Binding, Each, GoalSignals, Guard, MenuEntry } from '../types.js';
import { type BindContext, bindInputs } from './bind.js';
import { chooseCapability } from './choose.js';
import type { Clause } from './clauses.js';
import { isList } from './fields.js';
import type { Qualifiers } from './qualifiers.js';
import { type Built, shapeOf } from './shape.js';
import { type ListSource, itemFields, itemName } from './sources.js';
import { filterStep, sortStep, takeStep } from './steps.js';

export interface TemplateOptions {
  /** Clause text → capability id to use (refinement: mapped or kept choices). */
  readonly overrides?: ReadonlyMap<string, string>;
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

/** The English the rules read: from extraction (`english_goal`), else the goal itself. */
export function englishGoal(signals: GoalSignals): string {
  const e = signals.contextual_facts['english_goal'];
  return typeof e === 'string' ? e : englishPhrases(signals.goal_text);
}

export class Synthesis {
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

  /** A step taking the first item of `src` ("book it" after a search). */
  first(src: ListSource, text: string): Built {
    const s = takeStep({ menu: this.menu, nextId: this.nextId, clause: text }, src, undefined);
    this.built.push(s);
    return s;
  }

  /** The newest step whose value is data (not a per-item step). */
  lastData(): Built | undefined {
    for (let i = this.built.length - 1; i >= 0; i--)
      if (this.built[i]?.each !== true) return this.built[i];
    return undefined;
  }
}

function optional(v: string | undefined): { filterExpected?: string } {
  return v !== undefined ? { filterExpected: v } : {};
}

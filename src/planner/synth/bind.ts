/**
 * Binding the inputs of a step (planner.md §2.2 `:template` step 4), in order: a goal
 * constraint of the same name that is a plan input → `:var` (a literal when the
 * clause states a different value); a previous output of the same name, or for a data
 * input (`items`, `body`, `text` …) the newest compatible previous output → `:step`,
 * inserting an adapter step (`core.gen.format`, `data.to_csv` …) when the types do
 * not fit; a function input of a filtering step → `:rtfs (fn [x] …)`; a parameter the
 * clause states → typed literal; a required `title`/`subject` → a literal derived from
 * the clause; any other required input → `:var` (a new plan input).
 */
import { type Value, equals, quoteString } from '../../data/index.js';
import { isFnType } from '../catalog/index.js';
import { genTemplate } from '../gen-templates.js';
import type { Param } from '../intent.js';
import { menuEntry, synthesizedEntry } from '../menu.js';
import { compareIds, normName, tokens } from '../text.js';
import type { Binding, GoalSignals, MenuEntry } from '../types.js';

import type { Clause } from './clauses.js';
import { isDataName, isDerivedName } from './choose.js';
import { type Built, type OutInfo, type Shape, WHOLE, shapeOf } from './shape.js';
import { accepts, coerceLiteral } from './types-compat.js';
import {
  MESSAGE_NAMES,
  capitalise,
  contentPhrase,
  enumWord,
  quotedText,
  thresholdFor,
} from './clause-values.js';
import { PRIM, type TypeAst } from '../../types/index.js';
import { type Field, elementOf, fieldsOf, isText } from './fields.js';
import { itemFieldFor, isIdentifier } from './sources.js';

export interface BindContext {
  readonly signals: GoalSignals;
  readonly menu: readonly MenuEntry[];
  readonly clause: Clause;
  readonly clauseParams: readonly Param[];
  /** The value a filtering step keeps (from "filter by X", a quoted string …). */
  readonly filterExpected?: string;
  readonly goalTokens: readonly string[];
  /** Steps built so far, oldest first. */
  readonly previous: readonly Built[];
  /** Allocates the next step id. */
  nextId(): string;
  /** A per-item step: the fields of the items and the name of their list. */
  readonly item?: {
    readonly fields: readonly Field[];
    readonly list: string;
    readonly loop: string;
  };
  /** Values the clause names that must not fill an enum input (what the action sets). */
  readonly avoid?: readonly string[];
  /** Literal values the clause gives for inputs (thresholds: `under 500` → `max_price`). */
  readonly thresholds?: readonly { readonly op: string; readonly value: Value }[];
  /** The items listed are to be closed, cancelled or deleted: a state input takes "open". */
  readonly openItems?: boolean;
  /** The condition guarding the step, as the goal says it (a title or subject names it). */
  readonly condition?: string;
}

export interface BindResult {
  readonly inputs: Record<string, Binding>;
  /** Adapter steps to insert before this step. */
  readonly adapters: Built[];
}

/** A previous output named `name` compatible with `type`, newest first. */
function namedOutput(
  previous: readonly Built[],
  name: string,
  type: TypeAst,
): { built: Built; out: OutInfo } | undefined {
  for (let i = previous.length - 1; i >= 0; i--) {
    const b = previous[i] as Built;
    const named = b.outs.find(
      (o) => (o.alias === name || o.alias.split('_').includes(name)) && accepts(type, o.type),
    );
    if (named !== undefined) return { built: b, out: named };
  }
  return undefined;
}

/** An output of the newest step for a data input: the one named `name`, else the first compatible. */
function newestOutput(
  previous: readonly Built[],
  name: string,
  type: TypeAst,
): { built: Built; out: OutInfo } | undefined {
  const last = previous[previous.length - 1];
  if (last === undefined) return undefined;
  const named = last.outs.find((o) => o.alias === name && accepts(type, o.type));
  if (named !== undefined) return { built: last, out: named };
  const fits = last.outs.filter((o) => accepts(type, o.type));
  // Text inputs take a text output only when it is the only one (else: format the whole value).
  if (isText(type) && fits.length !== 1) return undefined;
  const out = fits[0];
  return out !== undefined ? { built: last, out } : undefined;
}

function adapterCandidates(menu: readonly MenuEntry[]): MenuEntry[] {
  const gen = (['format', 'parse-json'] as const).map((op) =>
    menuEntry(synthesizedEntry(genTemplate(op)), 0, 'synthetic'),
  );
  return [...menu.filter((m) => m.effects.every((e) => e === 'pure')), ...gen];
}

/** An adapter step turning `from` (of the newest step) into something `type` accepts. */
function adapt(
  type: TypeAst,
  ctx: BindContext,
  inputName: string,
): { built: Built; out: OutInfo } | undefined {
  const last = ctx.previous[ctx.previous.length - 1];
  if (last === undefined) return undefined;
  // What the adapter may take: the only output; else a list, the whole value, a text
  // (an HTTP body to parse as CSV).
  const whole: OutInfo = { alias: WHOLE, source: WHOLE, type: PRIM.map };
  const froms: OutInfo[] =
    last.outs.length === 1
      ? [last.outs[0] as OutInfo]
      : [
          ...last.outs.filter((o) => isCollection(o.type)),
          whole,
          ...last.outs.filter((o) => isText(o.type)),
        ];
  let best: { m: MenuEntry; shape: Shape; out: OutInfo; from: OutInfo; score: number } | undefined;
  for (const m of adapterCandidates(ctx.menu)) {
    const shape = shapeOf(m);
    const req = shape.inputs.filter((i) => !i.optional);
    if (req.length !== 1) continue;
    const reqType = (req[0] as { type: TypeAst }).type;
    const from = froms.find((f) => accepts(reqType, f.type));
    if (from === undefined) continue;
    const out =
      shape.outs.find((o) => accepts(type, o.type) && o.type.kind !== 'prim') ??
      shape.outs.find((o) => accepts(type, o.type));
    if (out === undefined) continue;
    const mt = new Set([...tokens(m.id), ...tokens(m.description)]);
    const score =
      ctx.goalTokens.filter((t) => mt.has(t)).length + (m.id.startsWith('core.gen.') ? 0.5 : 0);
    if (
      best === undefined ||
      score > best.score ||
      (score === best.score && compareIds(m.id, best.m.id) < 0)
    )
      best = { m, shape, out, from, score };
  }
  if (best === undefined) return undefined;
  const from = best.from;
  const req = best.shape.inputs.find((i) => !i.optional) as { name: string };
  const id = ctx.nextId();
  const built: Built = {
    step: {
      id,
      name: `Adapt for ${inputName}`,
      capability_id: best.m.id,
      inputs: { [req.name]: { kind: 'step', step: last.step.id, output: from.alias } },
      outputs: best.shape.outs.map((o) => ({ alias: o.alias, source: o.source })),
      notes: `adapter: the output ${from.alias} of ${last.step.id} for the input ${inputName}`,
      origin: { clause: ctx.clause.text, rule: 'adapter' },
    },
    outs: best.shape.outs,
  };
  return { built, out: best.out };
}

/** Parameter names that can feed an input of another name. */
const PARAM_ALIASES: Readonly<Record<string, readonly string[]>> = {
  jql: ['query'],
  sql: ['query'],
};

function clauseParam(ctx: BindContext, name: string): Param | undefined {
  // `customer_email` takes a stated e-mail address, `contact_phone` a phone number.
  const suffix = /_(email|phone|url)$/.exec(name)?.[1];
  const names = [name, ...(PARAM_ALIASES[name] ?? []), ...(suffix !== undefined ? [suffix] : [])];
  for (const n of names) {
    const p = ctx.clauseParams.find((x) => normName(x.name) === n);
    if (p !== undefined) return p;
  }
  return undefined;
}

/** Binds the inputs of menu entry `m` for the clause (see the module comment). */
export function bindInputs(m: MenuEntry | undefined, ctx: BindContext): BindResult {
  const shape = shapeOf(m);
  const inputs: Record<string, Binding> = {};
  const adapters: Built[] = [];
  const isFilter = ctx.clause.op === 'filter' || (m?.id.includes('filter') ?? false);
  const view: BindContext = {
    ...ctx,
    get previous() {
      return [...ctx.previous, ...adapters];
    },
  };
  // "close all wontfix issues and email them": after a per-item action, the data is the
  // items it worked on, not the vector of the action's results.
  const last = ctx.previous[ctx.previous.length - 1];
  const acted =
    last?.each === true &&
    ctx.menu.find((x) => x.id === last.step.capability_id)?.effects.includes('write') === true
      ? ctx.previous.find((b) => b.step.id === last.step.each?.step)
      : undefined;
  const dataView: BindContext = {
    ...ctx,
    get previous() {
      return adapters.length === 0 && acted !== undefined
        ? [...ctx.previous, acted]
        : [...ctx.previous, ...adapters];
    },
  };
  for (const input of shape.inputs) {
    const name = normName(input.name);
    const constraint = ctx.signals.constraints.find(
      (c) => normName(c.name) === name && c.role === 'input',
    );
    const param = clauseParam(ctx, name);
    const quoted =
      MESSAGE_NAMES.has(name) && isText(input.type) ? quotedText(ctx.clause.text) : undefined;
    // A quoted title or query is not also the message ("titled "Crash on login"").
    const quotedIsParam = ctx.clauseParams.some((p) => p.value === quoted);
    if (quoted !== undefined && param === undefined && !quotedIsParam) {
      inputs[input.name] = { kind: 'literal', value: quoted };
      continue;
    }
    const said =
      MESSAGE_NAMES.has(name) && isText(input.type) ? contentPhrase(ctx.clause) : undefined;
    if (said !== undefined && param === undefined) {
      inputs[input.name] = { kind: 'literal', value: said };
      continue;
    }
    // Per item, identifiers come from the item (a stated one named the list: "the files in ./logs").
    if (ctx.item !== undefined && (param === undefined || isIdentifier(name))) {
      const fromItem = itemBinding(name, input, ctx, view.previous);
      if (fromItem !== undefined) {
        inputs[input.name] = fromItem;
        continue;
      }
    }
    if (constraint !== undefined) {
      const lit =
        param !== undefined && !sameValue(param.value, constraint.value)
          ? coerceLiteral(input.type, param.value)
          : undefined;
      inputs[input.name] =
        lit !== undefined
          ? { kind: 'literal', value: lit }
          : { kind: 'var', name: constraint.name };
      continue;
    }
    // A value the clause states wins over data flowing from earlier steps.
    if (param !== undefined && !(isFilter && isFnType(input.type))) {
      const lit = coerceLiteral(input.type, param.value);
      if (lit !== undefined) {
        inputs[input.name] = { kind: 'literal', value: lit };
        continue;
      }
    }
    const data =
      !input.optional && (isDataName(name) || isCollection(input.type)) && ctx.item === undefined;
    const newest = data ? newestOutput(dataView.previous, input.name, input.type) : undefined;
    if (newest !== undefined) {
      inputs[input.name] = { kind: 'step', step: newest.built.step.id, output: newest.out.alias };
      continue;
    }
    if (data && view.previous.length > 0) {
      const a = adapt(input.type, dataView, input.name);
      if (a !== undefined) {
        adapters.push(a.built);
        inputs[input.name] = { kind: 'step', step: a.built.step.id, output: a.out.alias };
        continue;
      }
    }
    const named = namedOutput(view.previous, input.name, input.type);
    if (named !== undefined) {
      inputs[input.name] = { kind: 'step', step: named.built.step.id, output: named.out.alias };
      continue;
    }
    if (isFilter && ctx.filterExpected !== undefined) {
      if (isFnType(input.type)) {
        inputs[input.name] = {
          kind: 'rtfs',
          code: textPredicate(inputs['items'], view.previous, ctx.filterExpected),
        };
        continue;
      }
      if (name === 'contains') {
        inputs[input.name] = { kind: 'literal', value: ctx.filterExpected };
        continue;
      }
    }
    const word = enumWord(input.type, ctx.clause.text, ctx.avoid ?? []);
    if (word !== undefined) {
      inputs[input.name] = { kind: 'literal', value: word };
      continue;
    }
    if (ctx.openItems === true && (name === 'state' || name === 'status')) {
      const open = coerceLiteral(input.type, 'open');
      if (open !== undefined) {
        inputs[input.name] = { kind: 'literal', value: open };
        continue;
      }
    }
    const bound = thresholdFor(name, input.type, ctx.thresholds ?? []);
    if (bound !== undefined) {
      inputs[input.name] = { kind: 'literal', value: bound };
      continue;
    }
    if (input.optional) continue;
    if (isDerivedName(name) && coerceLiteral(input.type, 'x') !== undefined) {
      const q = quotedText(ctx.clause.text);
      const src = view.previous[view.previous.length - 1];
      // A step run under a condition is about the condition ("AAPL drops below 150").
      const text =
        q ??
        ctx.condition ??
        (ctx.item !== undefined ? ctx.clause.text : (src?.step.origin?.clause ?? ctx.clause.text));
      inputs[input.name] = { kind: 'literal', value: capitalise(text) };
      continue;
    }
    inputs[input.name] = { kind: 'var', name: input.name };
  }
  return { inputs, adapters };
}

/**
 * A filter's predicate for "keep those mentioning X": the text fields of the items
 * (title, subject, summary …) when their type says which, else the whole item printed.
 */
function textPredicate(
  items: Binding | undefined,
  previous: readonly Built[],
  text: string,
): string {
  const value = quoteString(text.toLowerCase());
  let fields: string[] = [];
  if (items?.kind === 'step') {
    const out = previous
      .find((b) => b.step.id === items.step)
      ?.outs.find((o) => o.alias === items.output);
    const all =
      out !== undefined ? fieldsOf(elementOf(out.type)).filter((f) => isText(f.type)) : [];
    fields = TEXT_FIELDS.filter((n) => all.some((f) => f.name === n)).slice(0, 3);
  }
  if (fields.length === 0) return `(fn [x] (includes? (lower-case (str x)) ${value}))`;
  const tests = fields.map((f) => `(includes? (lower-case (str (get x :${f}))) ${value})`);
  return `(fn [x] ${tests.length === 1 ? tests[0] : `(or ${tests.join(' ')})`})`;
}

const TEXT_FIELDS = [
  'title',
  'subject',
  'summary',
  'name',
  'snippet',
  'text',
  'body',
  'description',
  'message',
  'excerpt',
];

/** A per-item step's input from the item or from the same item's earlier per-item step. */
function itemBinding(
  name: string,
  input: { readonly type: TypeAst },
  ctx: BindContext,
  previous: readonly Built[],
): Binding | undefined {
  const item = ctx.item;
  if (item === undefined) return undefined;
  if (isDataName(name) || MESSAGE_NAMES.has(name)) {
    for (let i = previous.length - 1; i >= 0; i--) {
      const b = previous[i] as Built;
      if (b.each !== true || b.step.each?.step !== item.loop) continue;
      const o = b.outs.find((x) => accepts(input.type, x.type));
      if (o !== undefined) return { kind: 'step', step: b.step.id, output: o.alias };
    }
  }
  const field = itemFieldFor(name, item.fields, item.list);
  if (field !== undefined && (isIdentifier(name) || isDataName(name) || name === field))
    return { kind: 'item', field };
  return undefined;
}

function isCollection(t: TypeAst): boolean {
  return (
    t.kind === 'vector' ||
    t.kind === 'list' ||
    (t.kind === 'prim' && (t.name === 'vector' || t.name === 'list'))
  );
}

function sameValue(a: Value, b: Value): boolean {
  return equals(a, b);
}

/**
 * Steps that work on a list an earlier step produced: a filter with a real predicate on
 * a field of each item (`core.data.filter` with `:pred (fn [order] (> (:total order)
 * 100))`), a sort by a field (`core.data.sort`), and keeping the first N items or the
 * first one (an inline RTFS step, `(vec (take 3 …))` / `(first …)`). Fields are chosen
 * from the items' record type by the words of the goal.
 */
import { type Value, Keyword, printValue, quoteString } from '../../data/index.js';
import { nameFromId } from '../catalog/index.js';
import { GUARD_OPS } from '../materialize-steps.js';
import { normName } from '../text.js';
import type { Binding, MenuEntry, PlanStep } from '../types.js';
import { type Field, elementOf, fieldsOf, isNumeric, isText, pickField } from './fields.js';
import type { FilterSpec, SortSpec } from './qualifiers.js';
import { type Built, type OutInfo, WHOLE } from './shape.js';
import { type ListSource, itemName } from './sources.js';

export interface StepFactory {
  readonly menu: readonly MenuEntry[];
  nextId(): string;
  readonly clause: string;
}

const CLJ_OPS: Readonly<Record<string, string>> = GUARD_OPS;

function ref(src: ListSource): string {
  const r = `(step-result ${quoteString(src.built.step.id)})`;
  return src.out.source === WHOLE ? r : `(get ${r} :${src.out.source})`;
}

function literal(v: Value): string {
  return printValue(v);
}

/** The field of the items a filter tests (by its hints and kind), if the items have one. */
export function filterField(fields: readonly Field[], f: FilterSpec): Field | undefined {
  const fits = fields.filter((x) =>
    f.kind === 'number'
      ? isNumeric(x.type)
      : f.kind === 'text' && f.op === 'contains'
        ? isText(x.type)
        : isText(x.type),
  );
  return (
    pickField(fits, f.hints) ?? (f.kind === 'number' && fits.length === 1 ? fits[0] : undefined)
  );
}

/** The predicate `(fn [item] …)` of a filter on `field`; `cutoff` names the input of an age filter. */
export function predicate(item: string, field: string, f: FilterSpec, cutoff?: string): string {
  const x = `(get ${item} :${field})`;
  switch (f.kind) {
    case 'number':
      return `(fn [${item}] (${CLJ_OPS[f.op] ?? '='} ${x} ${literal(f.value)}))`;
    case 'date':
      return `(fn [${item}] (${CLJ_OPS[f.op] ?? '='} (compare (str ${x}) ${literal(f.value)}) 0))`;
    case 'age':
      return `(fn [${item}] (${CLJ_OPS[f.op] ?? '<'} (compare (str ${x}) ${cutoff ?? '""'}) 0))`;
    case 'text':
      return f.op === 'contains'
        ? `(fn [${item}] (includes? (lower-case (str ${x})) ${literal(String(f.value).toLowerCase())}))`
        : `(fn [${item}] (= (lower-case (str ${x})) ${literal(String(f.value).toLowerCase())}))`;
  }
}

function built(step: PlanStep, outs: readonly OutInfo[]): Built {
  return { step, outs };
}

/** A name for the input holding the cut-off date of an age filter ("older than 30 days"). */
export function cutoffInput(f: FilterSpec): string {
  return normName(`date_${String(f.value)}_days_ago`);
}

/** A filter step over `src` for `f`, or undefined when the items have no field for it. */
export function filterStep(fac: StepFactory, src: ListSource, f: FilterSpec): Built | undefined {
  const filter = fac.menu.find((m) => m.id === 'core.data.filter');
  const fields = fieldsOf(elementOf(src.out.type));
  const field = filterField(fields, f);
  if (filter === undefined || field === undefined) return undefined;
  const item = itemName(src.out);
  const cutoff = f.kind === 'age' ? cutoffInput(f) : undefined;
  const inputs: Record<string, Binding> = {
    items: { kind: 'step', step: src.built.step.id, output: src.out.alias },
    pred: { kind: 'rtfs', code: predicate(item, field.name, f, cutoff) },
  };
  return built(
    {
      id: fac.nextId(),
      name: nameFromId(filter.id),
      capability_id: filter.id,
      inputs,
      outputs: [{ alias: src.out.alias, source: WHOLE }],
      notes: `keep the ${src.out.alias} ${f.text}`,
      origin: { clause: fac.clause, rule: 'qualifier:filter' },
      ...(cutoff !== undefined ? { vars: [cutoff] } : {}),
    },
    [{ alias: src.out.alias, source: WHOLE, type: src.out.type }],
  );
}

/** A sort step over `src`, or undefined when the items have no field for it. */
export function sortStep(fac: StepFactory, src: ListSource, s: SortSpec): Built | undefined {
  const sort = fac.menu.find((m) => m.id === 'core.data.sort');
  const fields = fieldsOf(elementOf(src.out.type));
  const field = pickField(fields, s.hints);
  if (sort === undefined || field === undefined) return undefined;
  return built(
    {
      id: fac.nextId(),
      name: nameFromId(sort.id),
      capability_id: sort.id,
      inputs: {
        items: { kind: 'step', step: src.built.step.id, output: src.out.alias },
        by: { kind: 'literal', value: Keyword.of(field.name) },
        order: { kind: 'literal', value: Keyword.of(s.order) },
      },
      outputs: [{ alias: src.out.alias, source: WHOLE }],
      notes: `sort the ${src.out.alias} by ${field.name} (${s.order})`,
      origin: { clause: fac.clause, rule: 'qualifier:sort' },
    },
    [{ alias: src.out.alias, source: WHOLE, type: src.out.type }],
  );
}

/** Keeps the first `n` items (a list), or the first item (`n` undefined: its fields are the outputs). */
export function takeStep(fac: StepFactory, src: ListSource, n: number | undefined): Built {
  const id = fac.nextId();
  const code = n === undefined ? `(first ${ref(src)})` : `(vec (take ${n} ${ref(src)}))`;
  const fields = fieldsOf(elementOf(src.out.type));
  // The first order's `id` is also its `order_id` (what a later step takes).
  const ownId = `${itemName(src.out)}_id`;
  const idField = fields.find((f) => f.name === 'id');
  const alsoId: OutInfo[] =
    idField !== undefined && !fields.some((f) => f.name === ownId)
      ? [{ alias: ownId, source: 'id', type: idField.type }]
      : [];
  const outs: OutInfo[] =
    n === undefined
      ? fields.length > 0
        ? [...fields.map((f) => ({ alias: f.name, source: f.name, type: f.type })), ...alsoId]
        : [{ alias: itemName(src.out), source: WHOLE, type: elementOf(src.out.type) }]
      : [{ alias: src.out.alias, source: WHOLE, type: src.out.type }];
  return built(
    {
      id,
      name: n === undefined ? `First of ${src.out.alias}` : `First ${n} ${src.out.alias}`,
      capability_id: 'rtfs',
      inputs: { expression: { kind: 'rtfs', code } },
      outputs: outs.map((o) => ({ alias: o.alias, source: o.source })),
      notes:
        n === undefined ? `the first of the ${src.out.alias}` : `the first ${n} ${src.out.alias}`,
      origin: { clause: fac.clause, rule: n === undefined ? 'qualifier:first' : 'qualifier:limit' },
    },
    outs,
  );
}

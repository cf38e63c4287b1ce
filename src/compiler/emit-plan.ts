/**
 * `(plan …)`: inputs (defaults, required keys, `:input-schema`) bound to their locals and
 * to `context`, the body run inside a fresh frame of the plan stack, the value checked
 * against `:output-schema` (runtime/compile-plan.ts).
 */
import type { Node } from '../analyzer/index.js';
import { type Value, Keyword, RMap, RVector } from '../data/index.js';
import { type Emitter, assignTo, slotVar } from './emitter.js';
import { jsString } from './js-text.js';

type PlanNode = Extract<Node, { kind: 'plan' }>;

/** A schema as the analyzer reads it: a map `{…}` is `[:map {…}]` (analyze-plan.ts). */
function schemaForm(form: Value | undefined): Value | undefined {
  if (form === undefined || form === null) return undefined;
  return form instanceof RMap ? RVector.of(Keyword.of('map'), form) : form;
}

export function emitPlan(e: Emitter, n: PlanNode): string {
  const host = e.link({ kind: 'host' });
  const plans = e.link({ kind: 'plans' });
  const name = jsString(n.name);
  const span = e.span(n.span);
  const inForm = schemaForm(n.meta.get(Keyword.of('input-schema')));
  const outForm = schemaForm(n.meta.get(Keyword.of('output-schema')));
  const type =
    n.inputType === undefined
      ? 'undefined'
      : e.link({ kind: 'type', type: n.inputType, form: inForm });
  const checkIn =
    n.inputType === undefined
      ? 'undefined'
      : e.link({ kind: 'validator', type: n.inputType, form: inForm });
  const checkOut =
    n.outputType === undefined
      ? 'undefined'
      : e.link({ kind: 'validator', type: n.outputType, form: outForm });
  const level = e.fn.level;
  const values = e.temp();
  e.emit(`${values} = ${e.h('planInputs')}(${host}, ${name}, ${type}, ${checkIn}, ${span});`);
  for (const i of n.inputs) {
    e.emit(`${slotVar(level, i.slot)} = ${e.h('planInput')}(${values}, ${e.constant(i.key)});`);
  }
  e.emit(`${slotVar(level, n.contextSlot)} = ${values};`);
  e.emit(`${e.h('planPush')}(${plans}, ${name}, ${values});`);
  const t = e.temp();
  // The plan's own :max-steps/:timeout, inside the run's budget (runtime/budget.ts).
  const token = n.budget === undefined ? undefined : e.temp();
  if (n.budget !== undefined)
    e.emit(
      `${token} = ${e.h('enterBudget')}(${e.link({ kind: 'json', value: { ...n.budget } })});`,
    );
  e.emit('try {');
  e.tail(n.body, assignTo(t));
  const leave = token === undefined ? '' : `${e.h('leaveBudget')}(${token}); `;
  e.emit(`} finally { ${leave}${plans}.pop(); }`);
  return `${e.h('planOutput')}(${checkOut}, ${t}, ${name}, ${span})`;
}

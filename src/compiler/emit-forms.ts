/**
 * `try`/`catch`/`finally`, the step forms (reported to the host), `for` and `dotimes`
 * as JavaScript statements with the evaluator's semantics (runtime/compile-try.ts,
 * runtime/compile-step.ts).
 */
import type { Node, SlotRange } from '../analyzer/index.js';
import type { Pattern } from '../analyzer/pattern.js';
import {
  type Emitter,
  type Sink,
  assignTo,
  DISCARD,
  freshDeclaration,
  slotVar,
} from './emitter.js';
import { bindPattern, emitBinding } from './emit-pattern.js';
import { jsString } from './js-text.js';

type NodeOf<K extends Node['kind']> = Extract<Node, { kind: K }>;

export function emitTry(e: Emitter, n: NodeOf<'try'>, sink: Sink): void {
  e.emit('try {');
  e.tail(n.body, sink);
  // Count a stack overflow inline: near the stack's end a call could fail (budget.ts).
  e.emit(`} catch ($e) { if ($e instanceof RangeError) ++${e.h('meter')}[1];`);
  const err = e.temp();
  e.emit(`${err} = ${e.h('caught')}($e, ${e.span(n.span)});`);
  n.catches.forEach((c, i) => {
    const sel = e.link({ kind: 'json', value: c.selector });
    e.emit(`${i === 0 ? '' : 'else '}if (${e.h('catches')}(${sel}, ${err}.code)) {`);
    if (c.slot >= 0) e.emit(`${slotVar(e.fn.level, c.slot)} = ${err}.toValue();`);
    e.tail(c.body, sink);
    e.emit('}');
  });
  e.emit(n.catches.length === 0 ? `throw ${err};` : `else throw ${err};`);
  e.emit('}');
  if (n.finally !== undefined) {
    e.emit('finally {');
    e.tail(n.finally, DISCARD);
    e.emit('}');
  }
}

export function emitStep(e: Emitter, n: NodeOf<'step'>): string {
  if (n.params !== undefined) {
    const v = slotVar(e.fn.level, n.params.slot);
    const js = e.expr(n.params.init);
    if (js !== v) e.emit(`${v} = ${js};`);
  }
  const host = e.link({ kind: 'host' });
  const id = e.temp();
  const t = e.temp();
  e.emit(`${id} = ${host}.stepStarted(${jsString(n.name)}, ${e.span(n.span)});`);
  e.emit('try {');
  const items = n.items;
  switch (n.variant) {
    case 'step':
      e.tail(items[0] as Node, assignTo(t));
      break;
    case 'step-if': {
      const test = e.expr(items[0] as Node);
      e.emit(`if (${e.h('stepTruthy')}(${test})) {`);
      e.tail(items[1] as Node, assignTo(t));
      e.emit('} else {');
      if (items[2] === undefined) e.emit(`${t} = null;`);
      else e.tail(items[2], assignTo(t));
      e.emit('}');
      break;
    }
    case 'step-loop': {
      const i = e.temp();
      e.emit(`${t} = null;`);
      e.emit(`for (${i} = 0; ; ${i}++) {`);
      const test = e.expr(items[0] as Node);
      e.emit(`if (!${e.h('stepTruthy')}(${test})) break;`);
      e.emit(`${e.h('stepLoopLimit')}(${i}, ${e.span(n.span)});`);
      e.tail(items[1] as Node, assignTo(t));
      e.emit('}');
      break;
    }
    case 'step-parallel':
      e.emit(`${t} = ${e.h('vector')}([${e.exprs(items).join(', ')}]);`);
      break;
  }
  e.emit(`} catch ($e) { ${e.h('stepFailed')}(${host}, ${id}, $e); }`);
  const exports =
    n.exports !== undefined && n.exports.length > 0
      ? e.link({ kind: 'exports', exports: n.exports })
      : 'undefined';
  if (exports !== 'undefined') e.emit(`${t} = ${e.h('stepValue')}(${t}, ${exports});`);
  e.emit(`${host}.stepCompleted(${id}, ${t});`);
  if (n.variant === 'step') {
    const plans = e.link({ kind: 'plans' });
    e.emit(`${e.h('stepRecord')}(${plans}, ${jsString(n.name)}, ${t}, ${exports});`);
  }
  return t;
}

export function emitFor(e: Emitter, n: NodeOf<'for'>): string {
  const out = e.temp();
  e.emit(`${out} = [];`);
  const top = e.label();
  e.emit(`${top}: {`);
  // `each` loops enclosing the current clause, innermost last.
  const loops: string[] = [];
  let open = 0;
  for (const c of n.clauses) {
    switch (c.kind) {
      case 'each': {
        const coll = e.expr(c.coll);
        const label = e.label();
        const x = e.temp();
        const head = n.fresh === undefined ? undefined : carryInto(e, n.fresh);
        e.emit(`${label}: for (${x} of ${e.h('iterable')}(${coll}, "for")) {`);
        if (head !== undefined) e.emit(head);
        e.stepCheck();
        bindPattern(e, c.pattern as Pattern, x);
        loops.push(label);
        open++;
        break;
      }
      case 'when': {
        // A false :when skips to the next element of the innermost binding.
        const test = e.truthy(e.expr(c.test));
        const inner = loops[loops.length - 1];
        e.emit(`if (!${test}) ${inner === undefined ? `break ${top}` : `continue ${inner}`};`);
        break;
      }
      case 'while': {
        // A false :while ends the innermost binding's iteration.
        const test = e.truthy(e.expr(c.test));
        const inner = loops[loops.length - 1] ?? top;
        e.emit(`if (!${test}) break ${inner};`);
        break;
      }
      case 'let':
        for (const b of c.bindings) emitBinding(e, b.pattern, b.init);
        break;
    }
  }
  const body = e.expr(n.body);
  e.emit(n.collect ? `${out}.push(${body});` : `${body};`);
  for (let i = 0; i < open; i++) e.emit('}');
  e.emit('}');
  return n.collect ? `${e.h('vector')}(${out})` : 'null';
}

/**
 * Renewed bindings for one `each` clause (ADR 0023): the range's current values go
 * into temporaries, and the returned declaration binds them anew in every iteration's
 * block (the earlier clauses' bindings carried in, the rest rebound by the body).
 */
function carryInto(e: Emitter, range: SlotRange): string {
  const init = new Map<number, string>();
  for (let s = range.from; s < range.to; s++) {
    const t = e.temp();
    e.emit(`${t} = ${slotVar(e.fn.level, s)};`);
    init.set(s, t);
  }
  return freshDeclaration(e.fn.level, range, init);
}

export function emitDotimes(e: Emitter, n: NodeOf<'dotimes'>): string {
  const c = e.temp();
  const last = e.temp();
  const i = e.temp();
  e.emit(`${c} = ${e.h('dotimesCount')}(${e.expr(n.count)}, ${e.span(n.span)});`);
  e.emit(`${last} = null;`);
  const slot = slotVar(e.fn.level, n.slot);
  e.emit(`for (${i} = 0; ${i} < ${c}; ${i}++) {`);
  if (n.fresh !== undefined) e.emit(freshDeclaration(e.fn.level, n.fresh, new Map()));
  e.stepCheck();
  e.emit(`${slot} = ${i};`);
  e.tail(n.body, assignTo(last));
  e.emit('}');
  return last;
}

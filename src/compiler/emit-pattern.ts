/**
 * Destructuring (`let`, `loop`, `fn` parameters, `for`) as straight-line code that
 * stores into frame variables, with the evaluator's rules (runtime/bind-pattern.ts):
 * missing vector elements are nil, extras are ignored, nil destructures to nils, map
 * patterns accept maps, error values and nil.
 */
import type { Node, Destructure } from '../analyzer/nodes.js';
import type { Pattern } from '../analyzer/pattern.js';
import { type Emitter, slotVar } from './emitter.js';

/** `let`/`for` binding: `pattern` from the value of `init`. */
export function emitBinding(e: Emitter, p: Pattern, init: Node): void {
  if (p.kind === 'slot') {
    const v = slotVar(e.fn.level, p.slot);
    const js = e.expr(init);
    if (js !== v) e.emit(`${v} = ${js};`);
    return;
  }
  const js = e.expr(init);
  if (p.kind === 'ignore') {
    if (!/^[\w$]+$/.test(js)) e.emit(`${js};`);
    return;
  }
  bindPattern(e, p, e.materialize(js));
}

/** Parameters and loop bindings written as patterns, from their slots. */
export function emitDestructure(e: Emitter, steps: readonly Destructure[]): void {
  for (const d of steps) bindPattern(e, d.pattern, slotVar(e.fn.level, d.slot));
}

/** Binds `p` from `v` (a variable or literal, read as often as needed). */
export function bindPattern(e: Emitter, p: Pattern, v: string): void {
  const level = e.fn.level;
  switch (p.kind) {
    case 'slot': {
      const target = slotVar(level, p.slot);
      if (target !== v) e.emit(`${target} = ${v};`);
      return;
    }
    case 'ignore':
      return;
    case 'vector': {
      const items = e.temp();
      e.emit(`${items} = ${e.h('destructureSeq')}(${v}, ${e.span(p.span)});`);
      p.items.forEach((item, i) => {
        if (item.kind === 'ignore') return;
        const x = e.temp();
        e.emit(`${x} = ${i} < ${items}.length ? ${items}[${i}] : null;`);
        bindPattern(e, item, x);
      });
      if (p.rest !== undefined) {
        const r = e.temp();
        e.emit(`${r} = ${e.h('destructureRest')}(${v}, ${items}, ${p.items.length});`);
        bindPattern(e, p.rest, r);
      }
      if (p.as !== undefined) e.emit(`${slotVar(level, p.as)} = ${v};`);
      return;
    }
    case 'map': {
      e.emit(`${e.h('destructureMap')}(${v}, ${e.span(p.span)});`);
      for (const entry of p.entries) {
        const x = e.temp();
        const key = e.constant(entry.key);
        e.emit(`${x} = ${e.h('destructureKey')}(${v}, ${key});`);
        e.emit(`if (${x} === undefined) {`);
        if (entry.default === undefined) e.emit(`${x} = null;`);
        else {
          const d = e.expr(entry.default);
          e.emit(`${x} = ${d};`);
        }
        e.emit('}');
        bindPattern(e, entry.pattern, x);
      }
      if (p.rest !== undefined) {
        const keys = p.entries.map((en) => e.constant(en.key)).join(', ');
        e.emit(`${slotVar(level, p.rest)} = ${e.h('withoutKeys')}(${v}, [${keys}]);`);
      }
      if (p.as !== undefined) e.emit(`${slotVar(level, p.as)} = ${v};`);
      return;
    }
  }
}

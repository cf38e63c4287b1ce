/**
 * Builtins that belong to the evaluator itself: the constructors quasiquote expands
 * to, `gensym`, and `macroexpand`/`macroexpand-1` (which need the global table).
 */
import { type Value, RList, RVector, RMap, Sym, printValue, typeName } from '../data/index.js';
import type { Globals } from '../analyzer/index.js';
import { gensym } from '../analyzer/quasiquote.js';
import { Builtin, Fn } from './fn.js';
import { RtfsError, RuntimeCodes } from './errors.js';

function spliced(parts: Value[], fn: string): Value[] {
  const out: Value[] = [];
  for (const p of parts) {
    if (p === null) continue;
    if (p instanceof RVector) for (const x of p) out.push(x);
    else if (p instanceof RList) out.push(...p.items);
    else
      throw new RtfsError(
        RuntimeCodes.type,
        `~@ needs a list or vector, got ${typeName(p)} ${printValue(p)} (in ${fn})`,
      );
  }
  return out;
}

/** One step of macro expansion: the expansion if `form` is a macro call, else `form`. */
export function macroexpand1(form: Value, globals: Globals): Value {
  if (!(form instanceof RList) || !(form.items[0] instanceof Sym)) return form;
  const cell = globals.lookup(form.items[0].name);
  if (cell === undefined || !cell.macro || !(cell.value instanceof Fn)) return form;
  return cell.value.invoke(form.items.slice(1) as Value[]);
}

export function macroBuiltins(globals: Globals): Builtin[] {
  return [
    new Builtin('%qq-list', 0, Infinity, (...ps) => new RList(spliced(ps, 'quasiquote'))),
    new Builtin('%qq-vector', 0, Infinity, (...ps) => RVector.from(spliced(ps, 'quasiquote'))),
    new Builtin('%qq-map', 0, Infinity, (...ps) => {
      const flat = spliced(ps, 'quasiquote');
      if (flat.length % 2 === 1)
        throw new RtfsError(RuntimeCodes.type, 'quasiquoted map has an odd number of forms');
      return RMap.fromFlat(flat);
    }),
    new Builtin('gensym', 0, 1, (prefix) => gensym(typeof prefix === 'string' ? prefix : 'G__')),
    new Builtin('macroexpand-1', 1, 1, (form) => macroexpand1(form, globals)),
    new Builtin('macroexpand', 1, 1, (form) => {
      let f = form;
      for (let i = 0; i < 1000; i++) {
        const next = macroexpand1(f, globals);
        if (next === f) return f;
        f = next;
      }
      throw new RtfsError(
        RuntimeCodes.internal,
        'macroexpand: expansion did not terminate after 1000 steps',
      );
    }),
  ];
}

/**
 * Quasiquote expansion (at analysis time): `` `(a ~b ~@c) `` becomes code that builds
 * the form — `(%qq-list [(quote a)] [b] c)` — which is then analyzed like any code.
 * Symbols ending in `#` are auto-gensyms: each distinct one becomes one fresh symbol
 * per quasiquote, so macro templates do not capture user names.
 */
import { type Value, RList, RVector, RMap, Sym } from '../data/index.js';

const QUOTE = Sym.of('quote');
const UNQUOTE = 'unquote';
const SPLICE = 'unquote-splicing';
const QQ_LIST = Sym.of('%qq-list');
const QQ_VECTOR = Sym.of('%qq-vector');
const QQ_MAP = Sym.of('%qq-map');
const VECTOR = Sym.of('vector');

let gensymCounter = 0;

/** A fresh symbol that cannot clash with a user name. */
export function gensym(prefix = 'G__'): Sym {
  gensymCounter++;
  return Sym.of(`${prefix}${gensymCounter}`);
}

function headIs(form: Value, name: string): form is RList {
  return (
    form instanceof RList &&
    form.count === 2 &&
    form.items[0] instanceof Sym &&
    form.items[0].name === name
  );
}

/** The code that builds `form` with its unquotes evaluated. */
export function expandQuasiquote(form: Value, gensyms: Map<string, Sym> = new Map()): Value {
  if (form instanceof Sym) {
    if (form.name.length > 1 && form.name.endsWith('#')) {
      let g = gensyms.get(form.name);
      if (g === undefined) {
        g = gensym(`${form.name.slice(0, -1)}__`);
        gensyms.set(form.name, g);
      }
      return RList.of(QUOTE, g);
    }
    return RList.of(QUOTE, form);
  }
  if (headIs(form, UNQUOTE)) return form.items[1] as Value;
  if (form instanceof RList) return RList.of(QQ_LIST, ...parts(form.items, gensyms));
  if (form instanceof RVector) return RList.of(QQ_VECTOR, ...parts(form.toArray(), gensyms));
  if (form instanceof RMap) return RList.of(QQ_MAP, ...parts(form.toFlat(), gensyms));
  return form;
}

function parts(items: readonly Value[], gensyms: Map<string, Sym>): Value[] {
  return items.map((x) =>
    headIs(x, SPLICE) ? (x.items[1] as Value) : RList.of(VECTOR, expandQuasiquote(x, gensyms)),
  );
}

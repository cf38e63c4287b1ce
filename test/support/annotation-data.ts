/**
 * Forms with every type annotation in one spelling, for tests that check the formatter
 * keeps meaning: `rtfs fmt` respells annotations (`[x : Int]` → `[x :int]`), so the data
 * before and after formatting are equal once both are normalised here. Written against
 * the analyzer's slicing (analyzer/annotations.ts), independently of the formatter's
 * CST rewriting (format/annotations.ts).
 */
import { Keyword, RList, RMap, RVector, Sym, type Value } from '../../src/data/index.js';
import {
  defParts,
  returnAnnotation,
  sliceBindings,
  sliceParams,
  type Annotated,
} from '../../src/analyzer/annotations.js';
import { canonicalTypeName } from '../../src/format/annotations.js';

/** A type in normal form: names as keywords in the formatter's spelling, else as is. */
function type(t: Value): Value {
  let name: string | undefined;
  if (t === null) name = 'nil';
  else if (t instanceof Sym || t instanceof Keyword) name = t.name;
  return name === undefined ? t : Keyword.of(canonicalTypeName(name));
}

function annotated(items: RVector, slices: readonly Annotated[], values?: number[]): Value[] {
  const out: Value[] = [];
  for (const s of slices) {
    out.push(s.pattern);
    if (s.type !== undefined) out.push(type(s.type));
    const v = values?.shift();
    if (v !== undefined) out.push(normalizeAnnotations(items.get(v) as Value));
  }
  return out;
}

function params(v: RVector): RVector {
  const s = sliceParams(v);
  if (!Array.isArray(s)) return v;
  const out: Value[] = [];
  for (const p of s) {
    if (p.rest) out.push(Sym.of('&'));
    out.push(...annotated(v, [p]));
  }
  return RVector.from(out);
}

function arity(items: readonly Value[], at: number): Value[] {
  const out = items.slice(0, at);
  out.push(params(items[at] as RVector));
  const l = new RList([...items]);
  const r = returnAnnotation(l, at + 1);
  const bodyAt = r === undefined ? at + 1 : r.bodyAt;
  if (r !== undefined) out.push(type(r.type));
  for (const x of items.slice(bodyAt)) out.push(normalizeAnnotations(x));
  return out;
}

/** `form` with every annotation of `let`, `loop`, `fn`, `defn`, `defmacro`, `def` normalised. */
export function normalizeAnnotations(form: Value): Value {
  if (form instanceof RVector) return RVector.from([...form].map(normalizeAnnotations));
  if (form instanceof RMap) return RMap.fromFlat(form.toFlat().map(normalizeAnnotations));
  if (!(form instanceof RList)) return form;
  const items = form.items;
  const head = items[0];
  const name = head instanceof Sym ? head.name : undefined;
  if ((name === 'let' || name === 'loop') && items[1] instanceof RVector) {
    const bv = items[1];
    const slices = sliceBindings(bv);
    if (slices !== undefined) {
      const values = slices.map((s) => s.valueAt);
      const rest = items.slice(2).map(normalizeAnnotations);
      return new RList([head as Value, RVector.from(annotated(bv, slices, values)), ...rest]);
    }
  }
  if (name === 'def') {
    const d = defParts(form);
    if (d !== undefined) {
      const out: Value[] = [head as Value, d.name];
      if (d.type !== undefined) out.push(type(d.type));
      out.push(normalizeAnnotations(items[d.valueAt] as Value));
      return new RList(out);
    }
  }
  if (name === 'fn' || name === 'λ' || name === 'defn' || name === 'defmacro') {
    let at = name === 'fn' || name === 'λ' ? (items[1] instanceof Sym ? 2 : 1) : 2;
    if (name !== 'fn' && name !== 'λ' && typeof items[at] === 'string' && items.length > at + 1)
      at++;
    if (items[at] instanceof RVector) return new RList(arity(items, at));
    const out = items.slice(0, at);
    for (const c of items.slice(at)) {
      out.push(
        c instanceof RList && c.items[0] instanceof RVector ? new RList(arity(c.items, 0)) : c,
      );
    }
    return new RList(out);
  }
  return new RList(items.map(normalizeAnnotations));
}

/**
 * The canonical spelling of type annotations. `rtfs fmt` prints every annotation the
 * same way, whichever spelling the reference grammar allows was written:
 *
 *   [x : Int]  [x:int]  [x : :int]  [x :Int]     →  [x :int]
 *   [m : [:map …]]  [m:[:map …]]  [m [:map …]]   →  [m :[:map …]]
 *   (fn [x] : Int …)  (def y:int 1)              →  (fn [x] :int …)  (def y :int 1)
 *
 * that is, the colon is glued to the type: a named type is its lower-case keyword
 * (symbol and capitalised names such as `Int` or `String?` become `:int`, `:string?`),
 * a type vector is written `:[…]`. This spelling reads the same in the reference and
 * never depends on the "annotation only when the rest parses" rule. Positions are
 * found exactly as the analyzer finds them (analyzer/annotations.ts), so the meaning
 * never changes; anything that is not a plain name or type vector is left as written.
 */
import { type Value, RVector, RList, Sym } from '../data/index.js';
import { read, COLON } from '../syntax/index.js';
import {
  sliceBindings,
  sliceParams,
  returnAnnotation,
  splitGlued,
  type Annotated,
} from '../analyzer/annotations.js';
import type { CstAtom, CstColl, CstItem, CstNode, CstRoot } from './cst.js';

/** Forms whose first argument is a binding vector that may carry annotations. */
const BINDING_FORMS = new Set(['let', 'loop']);
const FN_FORMS = new Set(['fn', 'λ', 'defn', 'defn-', 'defmacro']);

/** The reference's type-name table (language.md §9.1), written in lower case. */
const NAMED = new Set([
  'int',
  'float',
  'string',
  'bool',
  'nil',
  'keyword',
  'symbol',
  'any',
  'never',
]);

/** The root with every annotation in canonical spelling. */
export function canonicalAnnotations(root: CstRoot): CstRoot {
  const items = root.items.map((i) => item(i, root.text));
  return { ...root, items };
}

function item(i: CstItem, text: string): CstItem {
  switch (i.kind) {
    case 'comment':
      return i;
    case 'discard':
      return { ...i, target: node(i.target, text) };
    default:
      return node(i, text);
  }
}

function node(n: CstNode, text: string): CstNode {
  switch (n.kind) {
    case 'atom':
      return n;
    case 'prefix':
      return { ...n, target: node(n.target, text) };
    case 'meta':
      return { ...n, meta: n.meta.map((m) => node(m, text)), target: node(n.target, text) };
    case 'lead':
      return { ...n, node: node(n.node, text) };
    case 'coll': {
      const inner: CstColl = { ...n, items: n.items.map((i) => item(i, text)) };
      return n.open === '(' ? form(inner, text) : inner;
    }
  }
}

/** The positions of a list's forms among its items (comments and discards skipped). */
function formIndexes(c: CstColl): number[] {
  const out: number[] = [];
  c.items.forEach((x, i) => {
    if (x.kind !== 'comment' && x.kind !== 'discard') out.push(i);
  });
  return out;
}

function headName(c: CstColl): string | undefined {
  const idx = formIndexes(c);
  const h = idx[0] === undefined ? undefined : c.items[idx[0]];
  return h?.kind === 'atom' ? h.text : undefined;
}

/** A `(…)` form: `let`/`loop`, `def`, `fn`/`defn`/`defmacro`. */
function form(c: CstColl, text: string): CstColl {
  const name = headName(c);
  if (name === undefined) return c;
  const idx = formIndexes(c);
  const at = (k: number): CstNode | undefined => {
    const i = idx[k];
    return i === undefined ? undefined : (c.items[i] as CstNode);
  };
  if (BINDING_FORMS.has(name)) {
    const bv = at(1);
    if (bv?.kind !== 'coll' || bv.open !== '[') return c;
    const slices = sliceBindings(candidates(bv, text));
    return slices === undefined ? c : replaceAt(c, idx[1] as number, rewrite(bv, slices));
  }
  if (name === 'def') return rewriteList(c, 1, text, (list) => defAnnotation(list));
  if (!FN_FORMS.has(name)) return c;
  const isFn = name === 'fn' || name === 'λ';
  // (fn name? [params] …), (defn name "doc"? [params] …)
  let k = !isFn || at(1)?.kind === 'atom' ? 2 : 1;
  const doc = at(k);
  if (!isFn && doc?.kind === 'atom' && doc.text.startsWith('"') && at(k + 1) !== undefined) k++;
  const params = at(k);
  if (params?.kind === 'coll' && params.open === '[') return arity(c, idx, k, text);
  // Multi-arity: ([params] body…) clauses.
  let out = c;
  for (let j = k; j < idx.length; j++) {
    const clause = at(j);
    if (clause?.kind !== 'coll' || clause.open !== '(') continue;
    const cidx = formIndexes(clause);
    const first = cidx[0] === undefined ? undefined : clause.items[cidx[0]];
    if (first?.kind !== 'coll' || first.open !== '[') continue;
    out = replaceAt(out, idx[j] as number, arity(clause, cidx, 0, text));
  }
  return out;
}

/** One arity: the parameter vector at form `k`, then an optional return type. */
function arity(c: CstColl, idx: readonly number[], k: number, text: string): CstColl {
  const params = c.items[idx[k] as number] as CstColl;
  const slices = sliceParams(candidates(params, text));
  let out = c;
  if (Array.isArray(slices)) out = replaceAt(out, idx[k] as number, rewrite(params, slices));
  return rewriteList(out, k + 1, text, (list, from) => {
    const r = returnAnnotation(list, from);
    return r === undefined ? undefined : { typeAt: r.typeAt, colonAt: r.typeAt > from ? from : -1 };
  });
}

/** `(def name : T v)`, `(def name:T v)`, `(def name: T v)`, `(def name T v)`. */
function defAnnotation(
  list: RList,
): { typeAt: number; colonAt: number; glued?: number } | undefined {
  const g = splitGlued(list.items[1]);
  if (g !== undefined) {
    if (g.type !== undefined)
      return list.count === 3 ? { typeAt: 1, colonAt: -1, glued: 1 } : undefined;
    return list.count === 4 ? { typeAt: 2, colonAt: -1, glued: 1 } : undefined;
  }
  if (list.items[2] === COLON) return list.count === 5 ? { typeAt: 3, colonAt: 2 } : undefined;
  return list.count === 4 ? { typeAt: 2, colonAt: -1 } : undefined;
}

type ListAnnotation = { typeAt: number; colonAt: number; glued?: number } | undefined;

/** Rewrites an annotation found among a list's forms (from form `from`). */
function rewriteList(
  c: CstColl,
  from: number,
  text: string,
  find: (list: RList, from: number) => ListAnnotation,
): CstColl {
  const idx = formIndexes(c);
  const nodes = idx.map((i) => c.items[i] as CstNode);
  const list = new RList(nodes.map((n) => candidate(n, text)));
  const a = find(list, from);
  if (a === undefined) return c;
  return applyEdits(c, idx, nodes, a.glued, a.colonAt, a.typeAt);
}

/** The data of a parameter or binding vector, as far as annotations are concerned. */
function candidates(v: CstColl, text: string): RVector {
  const nodes = formIndexes(v).map((i) => v.items[i] as CstNode);
  return RVector.from(nodes.map((n) => candidate(n, text)));
}

/**
 * What slicing needs to know of a form: atoms and type vectors as read; a canonical
 * `:[…]` as its vector; anything else nil (patterns, values).
 */
export function candidate(n: CstNode, text: string): Value {
  if (n.kind === 'atom') {
    // `:` and `x:` are read only inside a list or vector.
    if (n.text === ':') return COLON;
    if (n.text.endsWith(':') && !/^[:"]/.test(n.text)) return Sym.of(n.text);
    const r = read(n.text);
    return r.diagnostics.length === 0 ? (r.forms[0] ?? null) : null;
  }
  if (n.kind === 'prefix' && n.prefix === ':') return candidate(n.target, text);
  if (n.kind === 'coll' && n.open === '[') {
    const first = n.items.find((x) => x.kind !== 'comment' && x.kind !== 'discard');
    if (first?.kind === 'atom' && first.text.startsWith(':') && n.value === undefined) {
      return read(text.slice(n.start, n.end)).forms[0] ?? null;
    }
    if (n.value !== undefined) return n.value;
  }
  return null;
}

/** A parameter or binding vector with its annotations rewritten. */
function rewrite(v: CstColl, slices: readonly Annotated[]): CstColl {
  const idx = formIndexes(v);
  const nodes = idx.map((i) => v.items[i] as CstNode);
  let out = v;
  // Right to left, so earlier indexes stay valid.
  for (const a of [...slices].reverse()) {
    if (a.typeAt === undefined) continue;
    const colonAt = !a.glued && a.explicit ? a.typeAt - 1 : -1;
    out = applyEdits(out, idx, nodes, a.glued ? a.at : undefined, colonAt, a.typeAt);
  }
  return out;
}

/**
 * Rewrites one annotation of `c`: the type form at `typeAt` in canonical spelling, the
 * colon at `colonAt` (if any) dropped, a glued name at `glued` split off.
 */
function applyEdits(
  c: CstColl,
  idx: readonly number[],
  nodes: readonly CstNode[],
  glued: number | undefined,
  colonAt: number,
  typeAt: number,
): CstColl {
  const items = [...c.items];
  const typeNode = nodes[typeAt];
  if (typeNode === undefined) return c;
  if (glued !== undefined && glued === typeAt) {
    // x:T → x :t
    const atom = typeNode as CstAtom;
    const k = atom.text.indexOf(':');
    const name: CstAtom = {
      kind: 'atom',
      text: atom.text.slice(0, k),
      start: atom.start,
      end: atom.start + k,
    };
    const t: CstAtom = {
      kind: 'atom',
      text: atom.text.slice(k + 1),
      start: atom.start + k + 1,
      end: atom.end,
    };
    const canon = canonicalType(t);
    if (canon === undefined) return c;
    items.splice(idx[typeAt] as number, 1, name, canon);
    return edited(c, items);
  }
  const canon = canonicalType(typeNode);
  if (canon === undefined) return c;
  items[idx[typeAt] as number] = canon;
  if (colonAt >= 0) items.splice(idx[colonAt] as number, 1);
  if (glued !== undefined) {
    // x: T → x :t
    const atom = nodes[glued] as CstAtom;
    items[idx[glued] as number] = { ...atom, text: atom.text.slice(0, -1), end: atom.end - 1 };
  }
  return edited(c, items);
}

/** `c` with new items (and without the data it was printed from, now out of date). */
function edited(c: CstColl, items: CstItem[]): CstColl {
  const { value: _value, ...rest } = c;
  return { ...rest, items };
}

/** A type form in canonical spelling, or undefined to leave the annotation as written. */
function canonicalType(n: CstNode): CstNode | undefined {
  if (n.kind === 'prefix' && n.prefix === ':') return n;
  if (n.kind === 'coll' && n.open === '[') {
    return { kind: 'prefix', prefix: ':', target: n, start: n.start, end: n.end };
  }
  if (n.kind !== 'atom' || n.text.startsWith('"') || n.text === ':') return undefined;
  const name = n.text.startsWith(':') ? n.text.slice(1) : n.text;
  if (name === '' || /^[0-9+-]/.test(name)) return undefined;
  return { ...n, text: `:${canonicalTypeName(name)}` };
}

/**
 * A type name as `rtfs fmt` spells it (without the colon): the reference's names in
 * lower case (`Int` → `int`, `String?` → `string?`), any other name as written.
 */
export function canonicalTypeName(name: string): string {
  const optional = name.length > 1 && name.endsWith('?');
  const base = optional ? name.slice(0, -1) : name;
  const lower = base.toLowerCase();
  const spelled =
    NAMED.has(lower) && (base === lower || base === lower[0]?.toUpperCase() + lower.slice(1))
      ? lower
      : base;
  return `${spelled}${optional ? '?' : ''}`;
}

function replaceAt(c: CstColl, i: number, n: CstNode): CstColl {
  if (c.items[i] === n) return c;
  const items = [...c.items];
  items[i] = n;
  return edited(c, items);
}

/**
 * Layout decisions that depend on what a form is: its rule (forms.ts, plus the shapes
 * of `defn`/`fn`, `step … :params` and `module … (:exports …)`), how a body splits into
 * pairs or `match` clauses, and how a binding vector splits into bindings.
 */
import type { CstColl, CstNode } from './cst.js';
import type { Elem } from './elements.js';
import { FN_HEADS, FORM_RULES, type FormRule } from './forms.js';
import { RVector } from '../data/index.js';
import { sliceBindings } from '../analyzer/annotations.js';
import { candidate } from './annotations.js';
import { isTypeExpr } from '../types/index.js';

export function isSymbol(name: string | undefined): name is string {
  return name !== undefined && !/^[:"0-9#]|^[+-][0-9]/.test(name) && name !== 'nil';
}

export function ruleFor(name: string, elems: readonly Elem[]): FormRule | undefined {
  const rule = FORM_RULES.get(name);
  const first = elems[1]?.node;
  const keywordFirst = first !== undefined && first.kind === 'atom' && first.text.startsWith(':');
  // (plan :name "p" …) and declarative (step :id "x" :capability "c" …): options from the start.
  if (name === 'plan' && keywordFirst) return { args: 0, body: 'options' };
  if (name === 'step' && keywordFirst) return { args: 2, body: 'options' };
  if (rule !== undefined) {
    // (step "name" :params {…} body…): the options stay on the head line.
    const opt = elems[2]?.node;
    const isParams = opt !== undefined && opt.kind === 'atom' && opt.text === ':params';
    if (name.startsWith('step') && isParams) return { ...rule, args: rule.args + 2 };
    // (module name (:exports […]) …): the exports stay on the head line.
    const ex = opt?.kind === 'coll' && opt.open === '(' ? opt.items[0] : undefined;
    const isExports = ex !== undefined && ex.kind === 'atom' && ex.text === ':exports';
    return name === 'module' && isExports ? { ...rule, args: rule.args + 1 } : rule;
  }
  if (!FN_HEADS.has(name)) return undefined;
  // (defn name [params] …), (fn [params] …), (fn name [params] …); a docstring or
  // multiple arities go to the body.
  let args = 0;
  const at = (i: number): CstNode | undefined => elems[i]?.node;
  const unquoted = (n: CstNode): boolean => n.kind === 'prefix' && n.prefix === '~';
  const n1 = at(1);
  if (n1 !== undefined && ((n1.kind === 'atom' && isSymbol(n1.text)) || unquoted(n1))) args++;
  const p = at(1 + args);
  if (p !== undefined && ((p.kind === 'coll' && p.open === '[') || unquoted(p))) {
    args++;
    // A return type stays on the head line: (defn f [x :int] :int …).
    const ret = at(1 + args);
    if (ret !== undefined && at(2 + args) !== undefined && isReturnType(ret)) args++;
  }
  return { args, body: 'forms' };
}

/** A type after a parameter vector, as the canonical spelling writes it (`:int`, `:[…]`). */
function isReturnType(n: CstNode): boolean {
  if (n.kind === 'prefix') return n.prefix === ':';
  return n.kind === 'atom' && n.text.startsWith(':') && isTypeExpr(candidate(n, ''));
}

/** `match` clauses (pattern [when guard] body) or pairs, as runs of elements. */
export function chunkBody(body: readonly Elem[], kind: 'pairs' | 'clauses' | 'options'): Elem[][] {
  const out: Elem[][] = [];
  let i = 0;
  if (kind === 'options') {
    const isKeyword = (e: Elem | undefined): boolean =>
      e !== undefined && e.node.kind === 'atom' && e.node.text.startsWith(':');
    while (i + 1 < body.length && isKeyword(body[i])) {
      out.push(body.slice(i, i + 2));
      i += 2;
    }
    for (; i < body.length; i++) out.push([body[i] as Elem]);
    return out;
  }
  while (i < body.length) {
    let size = 2;
    const w = body[i + 1]?.node;
    if (kind === 'clauses' && w !== undefined && w.kind === 'atom' && w.text === 'when') size = 4;
    out.push(body.slice(i, i + size));
    i += size;
  }
  return out;
}

/** A binding vector's bindings: `name value` or `name Type value` (as the analyzer
 * reads them, analyzer/annotations.ts); plain pairs when it does not parse. */
export function bindingChunks(vec: CstColl, elems: readonly Elem[], text: string): Elem[][] {
  const value = vec.value ?? RVector.from(elems.map((e) => candidate(e.node, text)));
  const slices = value instanceof RVector ? sliceBindings(value) : undefined;
  const out: Elem[][] = [];
  if (!(value instanceof RVector) || slices === undefined || value.count !== elems.length) {
    for (let i = 0; i < elems.length; i += 2) out.push(elems.slice(i, i + 2));
    return out;
  }
  for (const s of slices) out.push(elems.slice(s.at, s.valueAt + 1));
  return out;
}

/** Key/value pairs (maps). */
export function pairsOf(elems: readonly Elem[]): Elem[][] {
  const out: Elem[][] = [];
  for (let i = 0; i < elems.length; i += 2) out.push(elems.slice(i, i + 2));
  return out;
}

/** A block's body as runs: one form each, or pairs, or `match` clauses. */
export function bodyRuns(body: readonly Elem[], rule: FormRule): Elem[][] {
  return rule.body === 'forms' ? body.map((e) => [e]) : chunkBody(body, rule.body);
}

/** Vectors and data lists of three or more plain atoms are filled line by line. */
export function isFilled(elems: readonly Elem[]): boolean {
  return (
    elems.length > 2 &&
    elems.every((e) => e.node.kind === 'atom' && e.leading.length === 0 && e.trailing === undefined)
  );
}

/**
 * Plans as data: the plan forms found in the reference normalised to one shape
 * (planner.md §1.6), and the declarative step sugar (§3.5). Pure data → data; the
 * analyzer interprets the result.
 *
 *   (plan :name "n" :input-schema {…} body…)      keyword options, then the body
 *   (plan "n" :body (do …) :input-schema {…})     a name string, options incl. :body
 *   (plan "n" {:body (do …) :input-schema {…}})   a name string and an options map
 *   {:type "plan" :name "n" :body (do …) …}       the canonical map
 */
import { childSpan, type Span } from '../source/index.js';
import { type Value, Keyword, RList, RMap, RVector, Sym } from '../data/index.js';

export interface PlanBodyForm {
  readonly form: Value;
  readonly span: Span | undefined;
}

export interface PlanSpec {
  readonly name: string;
  /** Every option except :body (keyword keys, in the order written). */
  readonly options: RMap;
  readonly body: readonly PlanBodyForm[];
}

export type PlanParse = PlanSpec | { readonly error: string; readonly span: Span | undefined };

const kw = (n: string): Keyword => Keyword.of(n);
const BODY = kw('body');
const NAME = kw('name');

/** True for `{:type "plan" …}`: a map that is a plan in the canonical form. */
export function isPlanMap(v: Value): v is RMap {
  return v instanceof RMap && v.get(kw('type')) === 'plan';
}

/** Normalises any accepted plan form; `span` is the whole form's position. */
export function normalizePlan(form: RList | RMap, span: Span | undefined): PlanParse {
  if (form instanceof RMap) return fromOptions(undefined, form, span);
  const items = form.items;
  const first = items[1];
  if (typeof first === 'string') {
    const second = items[2];
    if (second instanceof RMap && items.length === 3) {
      return fromOptions(first, second, span);
    }
    const pairs: Value[] = [];
    for (let i = 2; i < items.length; i += 2) {
      const k = items[i];
      if (!(k instanceof Keyword) || i + 1 >= items.length) {
        return {
          error: '(plan "name" …) takes keyword options, one of them :body',
          span: childSpan(form.span, i) ?? span,
        };
      }
      pairs.push(k, items[i + 1] as Value);
    }
    return fromOptions(first, RMap.fromFlat(pairs), span);
  }
  // (plan :k v … body…): options while a keyword is followed by a value.
  let i = 1;
  const pairs: Value[] = [];
  while (i + 1 < items.length && items[i] instanceof Keyword) {
    pairs.push(items[i] as Value, items[i + 1] as Value);
    i += 2;
  }
  const options = RMap.fromFlat(pairs);
  if (options.has(BODY)) {
    if (i < items.length) return { error: 'a plan has either :body or body forms, not both', span };
    return fromOptions(undefined, options, span);
  }
  const name = options.get(NAME);
  if (typeof name !== 'string') {
    return { error: 'a plan needs a name: (plan :name "my-plan" …)', span };
  }
  const body: PlanBodyForm[] = [];
  for (let j = i; j < items.length; j++) {
    body.push({ form: items[j] as Value, span: childSpan(form.span, j) ?? span });
  }
  return { name, options: options.dissoc(BODY), body };
}

function fromOptions(name: string | undefined, options: RMap, span: Span | undefined): PlanParse {
  const n = name ?? options.get(NAME);
  if (typeof n !== 'string') return { error: 'a plan needs a :name string', span };
  if (!options.has(BODY)) return { error: `plan ${n} has no :body`, span };
  const bodyForm = options.get(BODY) as Value;
  const bodySpan = (bodyForm instanceof RList ? bodyForm.span : undefined) ?? span;
  const rest = options.dissoc(BODY).dissoc(kw('type'));
  const withName = rest.has(NAME) ? rest : rest.assoc(NAME, n);
  return { name: n, options: withName, body: splitBody(bodyForm, bodySpan) };
}

/** `(do a b)` → [a, b] (the body is sequential either way; split so step order is visible). */
function splitBody(form: Value, span: Span | undefined): PlanBodyForm[] {
  if (form instanceof RList && form.items[0] instanceof Sym && form.items[0].name === 'do') {
    return form.items
      .slice(1)
      .map((f, i) => ({ form: f, span: childSpan(form.span, i + 1) ?? span }));
  }
  return [{ form, span: (form instanceof RList ? form.span : undefined) ?? span }];
}

/** The names of every `(step "name" …)` / `(step :id "name" …)` in `forms`, in order. */
export function stepNames(forms: readonly Value[]): { name: string; form: RList }[] {
  const out: { name: string; form: RList }[] = [];
  const walk = (v: Value): void => {
    if (v instanceof RList) {
      const head = v.items[0];
      if (head instanceof Sym && (head.name === 'quote' || head.name === 'plan')) return;
      if (head instanceof Sym && head.name === 'step') {
        const name = stepName(v);
        if (name !== undefined && !isStepLookup(v)) out.push({ name, form: v });
      }
      for (const x of v.items) walk(x);
    } else if (v instanceof RVector) {
      for (const x of v) walk(x);
    } else if (v instanceof RMap) {
      for (const x of v.toFlat()) walk(x);
    }
  };
  for (const f of forms) walk(f);
  return out;
}

/** The name of a step form: `(step "n" …)` or `(step :id "n" …)`. */
export function stepName(l: RList): string | undefined {
  const first = l.items[1];
  if (typeof first === 'string') return first;
  if (first instanceof Keyword) {
    for (let i = 1; i + 1 < l.items.length; i += 2) {
      const k = l.items[i];
      if (k instanceof Keyword && k.name === 'id') {
        const v = l.items[i + 1];
        return typeof v === 'string' ? v : undefined;
      }
    }
  }
  return undefined;
}

/** `(step "id")` with no body reads an earlier step's result. */
export function isStepLookup(l: RList): boolean {
  return l.count === 2 && typeof l.items[1] === 'string';
}

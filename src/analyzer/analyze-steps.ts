/**
 * Iteration and step forms: `(for [x xs :when t :let [..] :while t] body)`,
 * `(dotimes [i n] body…)`, `(step "name" opts… body…)`, `(step-if opts… test then else?)`,
 * `(step-loop opts… test body…)`, `(step-parallel opts… branch…)`.
 * Step options (before the body): `:params {"k" v}` (bound as `%params`),
 * `:expose-context bool`, `:context-keys [..]`, `:merge-policy kw` (accepted, no effect
 * without a host that uses them).
 */
import { childSpan, type Span } from '../source/index.js';
import { type Value, type RList, Keyword, RMap, RVector, Sym, printValue } from '../data/index.js';
import type { Node, ForClause, StepVariant, Binding, StepExport } from './nodes.js';
import type { BlockScope } from './scope.js';
import { analyzePattern, type PatternHooks } from './pattern.js';
import type { StepScope } from './context.js';
import { stepResult } from './analyze-plan.js';
import { children } from './children.js';
import { freshRange } from './fresh-frames.js';

export interface FormHooks {
  analyze(form: Value, span: Span | undefined, scope: BlockScope, tail: boolean): Node;
  body(l: RList, from: number, span: Span | undefined, scope: BlockScope): Node;
  patternHooks(scope: BlockScope): PatternHooks;
  fail(message: string, span: Span | undefined): never;
  /** The steps `(step "id")` lookups may name. */
  readonly steps: StepScope;
}

const STEP_OPTIONS = new Set(['params', 'expose-context', 'context-keys', 'merge-policy']);

export function analyzeStep(
  variant: StepVariant,
  l: RList,
  span: Span | undefined,
  scope: BlockScope,
  h: FormHooks,
): Node {
  let i = 1;
  let name: string = variant;
  if (variant === 'step') {
    const n = l.items[1];
    // `(step "id")` reads an earlier step; naming no step at all, it is the reference's
    // empty step (a marker, nil).
    if (typeof n === 'string' && l.count === 2 && (h.steps.done.has(n) || h.steps.all.has(n)))
      return stepResult(n, span, h.steps);
    if (n instanceof Keyword) return declarativeStep(l, span, scope, h);
    if (typeof n !== 'string')
      h.fail('a step needs a name string: (step "name" body…)', childSpan(l.span, 1) ?? span);
    name = n;
    i = 2;
  }
  const inner = scope.child();
  let params: { slot: number; init: Node } | undefined;
  while (i + 1 < l.count) {
    const k = l.items[i];
    if (!(k instanceof Keyword) || !STEP_OPTIONS.has(k.name)) break;
    if (k.name === 'params') {
      const init = h.analyze(
        l.items[i + 1] as Value,
        childSpan(l.span, i + 1) ?? span,
        scope,
        false,
      );
      params = { slot: inner.bind('%params'), init };
    }
    i += 2;
  }
  const forms: Node[] = [];
  const count = l.count - i;
  if (variant === 'step-if' && (count < 2 || count > 3))
    h.fail('step-if needs a test, a then and an optional else', span);
  if (variant === 'step-loop' && count < 2) h.fail('step-loop needs a test and a body', span);
  if (variant === 'step') {
    forms.push(h.body(l, i, span, inner));
  } else if (variant === 'step-loop') {
    forms.push(h.analyze(l.items[i] as Value, childSpan(l.span, i) ?? span, inner, false));
    forms.push(h.body(l, i + 1, span, inner));
  } else {
    for (let k = i; k < l.count; k++)
      forms.push(h.analyze(l.items[k] as Value, childSpan(l.span, k) ?? span, inner, false));
  }
  if (variant === 'step') h.steps.done.add(name);
  return { kind: 'step', variant, name, params, items: forms, span };
}

const DECLARATIVE_OPTIONS = new Set(['id', 'capability', 'input', 'output', 'description', 'name']);

/**
 * `(step :id "x" :capability "cap.id" :input {…} :output {:k "alias"})`: calls the
 * capability with the input; the step's value follows the `:output` rule (planner.md
 * §3.5): the result when it is a map holding every `:k`, else `{:k result}`.
 */
function declarativeStep(l: RList, span: Span | undefined, scope: BlockScope, h: FormHooks): Node {
  const opts = new Map<string, { form: Value; span: Span | undefined }>();
  for (let i = 1; i < l.count; i += 2) {
    const k = l.items[i];
    const at = childSpan(l.span, i) ?? span;
    if (!(k instanceof Keyword) || !DECLARATIVE_OPTIONS.has(k.name) || i + 1 >= l.count) {
      const what =
        i + 1 >= l.count ? 'an option with no value' : `the option ${printValue(k as Value)}`;
      h.fail(
        `a declarative step takes :id, :capability, :input, :output and :description options, not ${what}`,
        at,
      );
    }
    opts.set(k.name, { form: l.items[i + 1] as Value, span: childSpan(l.span, i + 1) ?? at });
  }
  const id = opts.get('id');
  if (id === undefined || typeof id.form !== 'string')
    return h.fail('a declarative step needs :id "name"', span);
  const cap = opts.get('capability');
  if (cap === undefined)
    return h.fail('a declarative step needs :capability "capability.id"', span);
  const name = id.form;
  const input = opts.get('input');
  const call: Node = {
    kind: 'capability',
    id: h.analyze(cap.form, cap.span, scope, false),
    args: input === undefined ? [] : [h.analyze(input.form, input.span, scope, false)],
    span,
  };
  const exports: StepExport[] = [];
  const out = opts.get('output');
  if (out !== undefined) {
    const m = out.form;
    if (!(m instanceof RMap)) return h.fail(':output takes a map {:key "alias"}', out.span);
    m.forEach((alias, key) => {
      if (!(key instanceof Keyword) || typeof alias !== 'string')
        h.fail(':output maps result keys to alias strings: {:key "alias"}', out.span);
      exports.push({ key: key as Keyword, alias: alias as string });
    });
  }
  h.steps.done.add(name);
  return { kind: 'step', variant: 'step', name, params: undefined, items: [call], exports, span };
}

/** `(for [p coll :when t …] body…)` → a vector; `doseq`, the same run for effect → nil. */
export function analyzeFor(
  l: RList,
  span: Span | undefined,
  scope: BlockScope,
  h: FormHooks,
  form: 'for' | 'doseq',
): Node {
  const bv = l.items[1];
  if (!(bv instanceof RVector) || bv.count % 2 !== 0 || l.count < (form === 'for' ? 3 : 2)) {
    h.fail(`bad form: expected (${form} [pattern coll …] body…)`, span);
  }
  let inner = scope.child();
  const from = inner.frame.size;
  const clauses: ForClause[] = [];
  for (let i = 0; i < bv.count; i += 2) {
    const k = bv.get(i) as Value;
    const v = bv.get(i + 1) as Value;
    const vs = childSpan(bv.span, i + 1) ?? span;
    if (k instanceof Keyword) {
      if (k.name === 'when' || k.name === 'while') {
        clauses.push({ kind: k.name, test: h.analyze(v, vs, inner, false) });
      } else if (k.name === 'let') {
        if (!(v instanceof RVector) || v.count % 2 !== 0) h.fail(':let takes a binding vector', vs);
        const bindings: Binding[] = [];
        for (let j = 0; j < v.count; j += 2) {
          const init = h.analyze(
            v.get(j + 1) as Value,
            childSpan(v.span, j + 1) ?? vs,
            inner,
            false,
          );
          bindings.push({
            pattern: analyzePattern(
              v.get(j) as Value,
              childSpan(v.span, j) ?? vs,
              inner,
              h.patternHooks(inner),
            ),
            init,
          });
        }
        clauses.push({ kind: 'let', bindings });
      } else {
        h.fail(
          `unknown ${form} modifier :${k.name} (expected :when, :while or :let)`,
          childSpan(bv.span, i) ?? span,
        );
      }
      continue;
    }
    const coll = h.analyze(v, vs, inner, false);
    inner = inner.child();
    clauses.push({
      kind: 'each',
      pattern: analyzePattern(k, childSpan(bv.span, i) ?? span, inner, h.patternHooks(inner)),
      coll,
    });
  }
  if (clauses[0]?.kind !== 'each') h.fail(`${form} must start with a binding`, span);
  const body = h.body(l, 2, span, inner);
  const node: Node = {
    kind: 'for',
    clauses,
    body,
    collect: form === 'for',
    fresh: undefined,
    span,
  };
  const fresh = freshRange(children(node), from, inner.frame.size);
  return fresh === undefined ? node : { ...node, fresh };
}

export function analyzeDotimes(
  l: RList,
  span: Span | undefined,
  scope: BlockScope,
  h: FormHooks,
): Node {
  const bv = l.items[1];
  if (!(bv instanceof RVector) || bv.count !== 2 || !(bv.get(0) instanceof Sym)) {
    return h.fail('bad form: expected (dotimes [i n] body…)', span);
  }
  const count = h.analyze(bv.get(1) as Value, childSpan(bv.span, 1) ?? span, scope, false);
  const inner = scope.child();
  const slot = inner.bind((bv.get(0) as Sym).name);
  const body = h.body(l, 2, span, inner);
  const fresh = freshRange([body], slot, inner.frame.size);
  return { kind: 'dotimes', slot, count, body, fresh, span };
}

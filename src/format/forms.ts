/**
 * How the formatter lays out a list by its head symbol (Clojure conventions, as in
 * cljfmt's "block" indentation): `args` forms stay on the head line, the rest is a
 * body indented by two. `body` says how the body is grouped: one form per line,
 * key/value pairs (`cond`, `case`, `plan` properties), or `match` clauses
 * (`pattern [when guard] body`), or `options`: keyword/value pairs while they last,
 * then one form per line (`(plan :name "p" :input-schema {…} step…)`). `bindings` marks a first argument written as a
 * binding vector, printed in pairs.
 */
export interface FormRule {
  readonly args: number;
  readonly body: 'forms' | 'pairs' | 'clauses' | 'options';
  readonly bindings?: boolean;
}

const block = (args: number, bindings = false): FormRule => ({ args, body: 'forms', bindings });
const pairs = (args: number): FormRule => ({ args, body: 'pairs' });

export const FORM_RULES: ReadonlyMap<string, FormRule> = new Map<string, FormRule>([
  ['do', block(0)],
  ['try', block(0)],
  ['finally', block(0)],
  ['step-parallel', block(0)],
  ['comment', block(0)],
  ['if', block(1)],
  ['if-not', block(1)],
  ['when', block(1)],
  ['when-not', block(1)],
  ['while', block(1)],
  ['def', block(1)],
  ['defstruct', pairs(1)],
  ['defcapability', block(1)],
  ['module', block(1)],
  ['ns', block(1)],
  ['step', block(1)],
  ['step-if', block(1)],
  ['step-loop', block(1)],
  ['let', block(1, true)],
  ['loop', block(1, true)],
  ['when-let', block(1, true)],
  ['if-let', block(1, true)],
  ['when-some', block(1, true)],
  ['if-some', block(1, true)],
  ['when-first', block(1, true)],
  ['letfn', block(1)],
  ['for', block(1, true)],
  ['doseq', block(1, true)],
  ['dotimes', block(1, true)],
  ['binding', block(1, true)],
  ['with-open', block(1, true)],
  ['catch', block(2)],
  ['as->', block(2)],
  ['cond', pairs(0)],
  ['case', pairs(1)],
  ['condp', pairs(2)],
  ['cond->', pairs(1)],
  ['cond->>', pairs(1)],
  ['plan', { args: 1, body: 'options' }],
  ['assoc', pairs(1)],
  ['capability', pairs(1)],
  ['match', { args: 1, body: 'clauses' }],
]);

/** `defn`, `defmacro`, `fn`, `λ`: the name (if any) and the parameter vector stay on
 * the head line; a docstring goes to the body. */
export const FN_HEADS: ReadonlySet<string> = new Set(['defn', 'defn-', 'defmacro', 'fn', 'λ']);

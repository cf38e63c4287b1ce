/**
 * The edits a rewrite made, computed from the data before and after it: plan options
 * set, top-level steps inserted, removed or changed (by step id). Every rewriter, built
 * in or written in RTFS, is described the same way in the causal chain.
 */
import { type Value, equals, printValue } from '../data/index.js';
import type { Edit } from './rewriter.js';
import { isStep, planParts } from './plan-data.js';

function label(form: Value): string {
  return isStep(form) ? `step ${form.items[1] as string}` : `form ${printValue(form).slice(0, 40)}`;
}

export function diffEdits(before: Value, after: Value): Edit[] {
  const a = planParts(before);
  const b = planParts(after);
  if (a === undefined || b === undefined)
    return [{ at: 'plan', op: 'replace', what: 'whole plan' }];
  const edits: Edit[] = [];
  for (const [k, v] of b.options) {
    const old = a.options.find(([key]) => key === k)?.[1];
    if (old === undefined || !equals(old, v))
      edits.push({ at: 'plan', op: 'set', what: `:${k.name} ${printValue(v).slice(0, 80)}` });
  }
  const names = (forms: readonly Value[]): string[] => forms.map((f) => label(f));
  const before_ = names(a.body);
  const after_ = names(b.body);
  after_.forEach((n, i) => {
    const j = before_.indexOf(n);
    if (j < 0) edits.push({ at: n, op: 'insert', what: `at position ${i}` });
    else if (!equals(a.body[j] as Value, b.body[i] as Value))
      edits.push({ at: n, op: 'replace', what: 'changed' });
  });
  for (const n of before_) {
    if (!after_.includes(n)) edits.push({ at: n, op: 'replace', what: 'removed' });
  }
  return edits;
}

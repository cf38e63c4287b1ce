/**
 * After a form fails to analyze at some sub-form, `rtfs check` replaces that sub-form
 * with nil and analyzes again, to find the problems in the rest of the form (a second
 * bad `step-result`, another bad special form). The copies keep the reader's spans, so
 * positions stay those of the file.
 */
import { childSpan, type Span } from '../source/index.js';
import { type Value, RList, RMap, RVector } from '../data/index.js';

/** `form` with the sub-form spanning exactly `at` replaced by nil, or undefined when no
 * such sub-form exists (or it is a map key, or `form` itself). */
export function withNilAt(form: Value, at: Span): Value | undefined {
  if (!(form instanceof RList || form instanceof RVector || form instanceof RMap)) return undefined;
  const span = form.span;
  if (span === undefined) return undefined;
  const items =
    form instanceof RMap ? form.toFlat() : form instanceof RList ? [...form.items] : [...form];
  for (let i = 0; i < items.length; i++) {
    const c = childSpan(span, i);
    if (c === undefined || c.start > at.start || at.end > c.end) continue;
    if (c.start === at.start && c.end === at.end) {
      if (form instanceof RMap && i % 2 === 0) return undefined;
      items[i] = null;
    } else {
      const inner = withNilAt(items[i] as Value, at);
      if (inner === undefined) return undefined;
      items[i] = inner;
    }
    if (form instanceof RList) return new RList(items, span, form.meta);
    if (form instanceof RVector) return new RVector(items, items.length, span, form.meta);
    return RMap.fromFlat(items, span);
  }
  return undefined;
}

import type { Keyword, Value } from '../data/index.js';

/** `(:k m)` / `(:k m default)`: map lookup; nil (or the default) for non-maps and nil. */
export function keywordLookup(k: Keyword, target: Value, dflt: Value): Value {
  if (typeof target === 'object' && target !== null) {
    if (target.kind === 'map') {
      const v = target.get(k);
      return v === undefined ? dflt : v;
    }
    if (target.kind === 'error') {
      switch (k.name) {
        case 'message':
          return target.message;
        case 'code':
          return target.code;
        case 'data':
          return target.data;
      }
    }
  }
  return dflt;
}

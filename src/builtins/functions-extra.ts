/**
 * More function combinators from clojure.core: `every-pred`, `some-fn`, `memoize`,
 * `trampoline`, `max-key`, `min-key`. Function arguments take every callable
 * (builtins, closures, keywords, regex values); the functions returned are ordinary
 * RTFS functions.
 */
import { type Value, RVector, isTruthy } from '../data/index.js';
import { Fn } from '../runtime/fn.js';
import type { Builtin } from '../runtime/fn.js';
import { applyFn, call1, isCallable } from '../runtime/apply.js';
import { charge } from '../runtime/budget.js';
import { compareNum } from './arithmetic.js';
import { def, defa, typeError } from './support.js';
import { ValueIndex } from './seq.js';

/** A function made at run time from other functions. */
class Derived extends Fn {
  constructor(
    name: string,
    private readonly fa: (args: Value[]) => Value,
  ) {
    super(name);
  }
  invoke(args: Value[]): Value {
    return this.fa(args);
  }
}

function fns(fn: string, fs: readonly Value[]): Value[] {
  for (const f of fs) if (!isCallable(f)) throw typeError(fn, 'functions', f);
  return fs.slice();
}

/** `((every-pred p q …) x y …)`: true when every predicate holds for every argument. */
function everyPred(preds: readonly Value[]): Value {
  const ps = fns('every-pred', preds);
  return new Derived('every-pred', (xs) => ps.every((p) => xs.every((x) => isTruthy(call1(p, x)))));
}

/** `((some-fn p q …) x y …)`: the first truthy `(p x)`, trying each p on each x; else nil. */
function someFn(preds: readonly Value[]): Value {
  const ps = fns('some-fn', preds);
  return new Derived('some-fn', (xs) => {
    for (const p of ps)
      for (const x of xs) {
        const r = call1(p, x);
        if (isTruthy(r)) return r;
      }
    return null;
  });
}

/** `(memoize f)`: f, remembering its result for each argument list (by RTFS equality). */
function memoize(f: Value): Value {
  fns('memoize', [f]);
  const cache = new ValueIndex<Value>();
  return new Derived('memoize', (xs) => {
    const key = RVector.from(xs.slice());
    const i = cache.indexOf(key);
    if (i >= 0) return cache.vals[i] as Value;
    const r = applyFn(f, xs);
    // A recursive call may have filled the entry meanwhile: keep the first.
    if (cache.indexOf(key) < 0) cache.add(key, r);
    return r;
  });
}

/**
 * `(trampoline f args…)`: calls f; while the result is a function, calls it with no
 * arguments. Mutual recursion in constant stack: `(fn [] (other (dec n)))`.
 */
function trampoline(args: readonly Value[]): Value {
  const f = args[0] as Value;
  if (!isCallable(f)) throw typeError('trampoline', 'a function', f);
  let r = applyFn(f, args.slice(1));
  while (r instanceof Fn) {
    charge(1);
    r = r.invoke([]);
  }
  return r;
}

/** `(max-key k x …)` / `(min-key k x …)`: the x whose `(k x)` is largest (smallest); the last on ties. */
function extremeKey(fn: string, sign: number, args: readonly Value[]): Value {
  const k = args[0] as Value;
  if (!isCallable(k)) throw typeError(fn, 'a function', k);
  let best = args[1] as Value;
  if (args.length === 2) return best;
  let bestKey = call1(k, best);
  for (let i = 2; i < args.length; i++) {
    const x = args[i] as Value;
    const kx = call1(k, x);
    if (sign * compareNum(kx, bestKey, fn) >= 0) {
      best = x;
      bestKey = kx;
    }
  }
  return best;
}

export const functionExtraBuiltins: readonly Builtin[] = [
  ...defa('every-pred', 1, Infinity, everyPred),
  ...defa('some-fn', 1, Infinity, someFn),
  ...def('memoize', 1, 1, memoize),
  ...defa('trampoline', 1, Infinity, trampoline),
  ...defa('max-key', 2, Infinity, (args) => extremeKey('max-key', 1, args)),
  ...defa('min-key', 2, Infinity, (args) => extremeKey('min-key', -1, args)),
];

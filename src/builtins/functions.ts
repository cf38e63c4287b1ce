/**
 * Function combinators: `identity`, `constantly`, `complement`, `comp`, `partial`,
 * `juxt`, `fnil`. The functions they return are ordinary RTFS functions (type
 * `function`) with allocation-free one-argument calls where possible.
 */
import { type Value, RVector, isTruthy } from '../data/index.js';
import { Builtin, Fn } from '../runtime/fn.js';
import { applyFn, call1, call2, isCallable } from '../runtime/apply.js';
import { def, defa, typeError } from './support.js';

/** A function built at run time from other functions. */
class Combined extends Fn {
  constructor(
    name: string,
    private readonly fa: (args: Value[]) => Value,
    private readonly fa1?: (a: Value) => Value,
  ) {
    super(name);
  }
  invoke(args: Value[]): Value {
    return this.fa(args);
  }
  override call1(a: Value): Value {
    return this.fa1 !== undefined ? this.fa1(a) : this.fa([a]);
  }
}

function fns(fn: string, fs: readonly Value[]): Value[] {
  for (const f of fs) if (!isCallable(f)) throw typeError(fn, 'functions', f);
  return fs.slice();
}

const identity = new Builtin(
  'identity',
  1,
  1,
  (x) => x,
  (x) => x,
);

function comp(args: readonly Value[]): Value {
  const fs = fns('comp', args);
  if (fs.length === 0) return identity;
  if (fs.length === 1) return fs[0] as Value;
  const n = fs.length;
  const rest = (r: Value): Value => {
    for (let i = n - 2; i >= 0; i--) r = call1(fs[i] as Value, r);
    return r;
  };
  return new Combined(
    'comp',
    (xs) => rest(applyFn(fs[n - 1] as Value, xs)),
    (x) => rest(call1(fs[n - 1] as Value, x)),
  );
}

function partial(args: readonly Value[]): Value {
  const [f, ...bound] = fns('partial', args.slice(0, 1)).concat(args.slice(1));
  return new Combined(
    'partial',
    (xs) => applyFn(f as Value, [...bound, ...xs]),
    bound.length === 1 ? (x) => call2(f as Value, bound[0] as Value, x) : undefined,
  );
}

function juxt(args: readonly Value[]): Value {
  const fs = fns('juxt', args);
  return new Combined(
    'juxt',
    (xs) => RVector.from(fs.map((g) => applyFn(g, xs))),
    (x) => RVector.from(fs.map((g) => call1(g, x))),
  );
}

/** `(fnil f x [y [z]])`: f with nil first (second, third) arguments replaced. */
function fnil(args: readonly Value[]): Value {
  const [f] = fns('fnil', args.slice(0, 1));
  const defaults = args.slice(1);
  const patch = (xs: Value[]): Value[] =>
    xs.map((x, i) => (x === null && i < defaults.length ? (defaults[i] as Value) : x));
  return new Combined('fnil', (xs) => applyFn(f as Value, patch(xs)));
}

export const functionBuiltins: readonly Builtin[] = [
  identity,
  ...def(
    'constantly',
    1,
    1,
    (x) =>
      new Combined(
        'constantly',
        () => x,
        () => x,
      ),
  ),
  ...def('complement', 1, 1, (f) => {
    fns('complement', [f]);
    return new Combined(
      'complement',
      (xs) => !isTruthy(applyFn(f, xs)),
      (x) => !isTruthy(call1(f, x)),
    );
  }),
  ...defa('comp', 0, Infinity, comp),
  ...defa('partial', 1, Infinity, partial),
  ...defa('juxt', 1, Infinity, juxt),
  ...defa('fnil', 2, 4, fnil),
];

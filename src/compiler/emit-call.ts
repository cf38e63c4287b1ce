/**
 * Call sites. A function value is called through its fixed-arity entry points inside
 * a `try` that adds the RTFS stack frame (the evaluator's `locate`); anything else
 * (keywords, non-callables, nil) goes through the evaluator's generic call.
 *
 * A global that holds a builtin when the code is compiled is called directly (guarded
 * by a cell-identity check, so redefining it still works), and core arithmetic and
 * comparisons on two integers run inline with a safe-integer check, falling back to
 * the builtin (bigint results, floats, overflow and type errors).
 */
import type { Node } from '../analyzer/index.js';
import { Builtin } from '../runtime/fn.js';
import type { Emitter } from './emitter.js';
import { jsString } from './js-text.js';
import { type VectorView, vectorViewOf } from './vector-reads.js';
import { type IntRange, exactArithmetic, literal, rangeOf } from './int-ranges.js';

type CallNode = Extract<Node, { kind: 'call' }>;

const MAX = '9007199254740991';

/**
 * `t` (assigned by `assign`, a sum, difference or product of two integers) is a safe
 * integer. The int32 test comes first: on small integers the optimising compiler folds
 * it away (it knows the operation's result is an int32), where the two comparisons with
 * 2^53 - 1 stay as floating-point compares on every call (ADR 0030).
 */
function safe(assign: string, t: string): string {
  return `(((${assign}) | 0) === ${t} || (${t} <= ${MAX} && ${t} >= -${MAX}))`;
}

/** Inline fast paths: (args, temp) → [condition, value], both over plain JS numbers. */
const INLINE2: Readonly<Record<string, (a: string, b: string, t: string) => [string, string]>> = {
  '+': (a, b, t) => [safe(`${t} = ${a} + ${b}`, t), t],
  '-': (a, b, t) => [safe(`${t} = ${a} - ${b}`, t), t],
  '*': (a, b, t) => [safe(`${t} = ${a} * ${b}`, t), `${t} + 0`],
  // Remainders of two safe integers are safe integers (|r| < |b|); `+ 0` turns -0 into
  // 0 as the builtins do. A zero divisor takes the builtin (its division-by-zero error).
  // The sign fix-up (a non-zero remainder whose sign differs from the divisor's) is
  // written as a choice on the remainder's sign: V8 then compares without making two
  // booleans to compare (ADR 0047); with a literal divisor it is one comparison.
  // With an int32 literal divisor the remainder is an int32 (|r| < |b| ≤ 2^31 − 1), so
  // `| 0` is exact and also turns -0 into 0; V8 then keeps the result an int32, where
  // `+ 0` leaves a float once the dividend has left int32 range (ADR 0053).
  mod: (a, b, t) => {
    const k = literal(b);
    if (k === 0) return ['false', t];
    if (k === undefined) {
      const fixUp = `(${t} = ${a} % ${b}) !== 0 && (${t} < 0 ? ${b} > 0 : ${b} < 0)`;
      return [`${b} !== 0`, `(${fixUp} ? ${t} + ${b} : ${t} + 0)`];
    }
    const fixUp =
      k > 0 ? `(${t} = ${remainder(a, b, k)}) < 0` : `(${t} = ${remainder(a, b, k)}) > 0`;
    return ['true', `(${fixUp} ? ${t} + ${b} : ${t}${isInt32(k) ? '' : ' + 0'})`];
  },
  rem: (a, b) => {
    const k = literal(b);
    if (k === 0) return ['false', 'null'];
    if (k === undefined) return [`${b} !== 0`, `(${a} % ${b}) + 0`];
    return ['true', isInt32(k) ? remainder(a, b, k) : `(${a} % ${b}) + 0`];
  },
  quot: (a, b, t) => [`${b} !== 0`, `((${t} = ${a} % ${b}), (${a} - ${t}) / ${b} + 0)`],
  '<': (a, b) => ['true', `${a} < ${b}`],
  '>': (a, b) => ['true', `${a} > ${b}`],
  '<=': (a, b) => ['true', `${a} <= ${b}`],
  '>=': (a, b) => ['true', `${a} >= ${b}`],
  '=': (a, b) => ['true', `${a} === ${b}`],
};

const INLINE1: Readonly<Record<string, (a: string) => [string, string]>> = {
  inc: (a) => [`${a} < ${MAX}`, `${a} + 1`],
  dec: (a) => [`${a} > -${MAX}`, `${a} - 1`],
};

function isNumber(e: Emitter, js: string): string {
  return literal(js) !== undefined || rangeOf(e, js) !== undefined
    ? 'true'
    : `typeof ${js} === "number"`;
}

/** `a % b` for a literal divisor `k`: as an int32 (`| 0`) when `k` is one. */
function remainder(a: string, b: string, k: number): string {
  return isInt32(k) ? `((${a} % ${b}) | 0)` : `(${a} % ${b})`;
}

function isInt32(k: number): boolean {
  return (k | 0) === k;
}

export function emitCall(e: Emitter, n: CallNode): string {
  const f = n.fn;
  if (f.kind === 'global' && f.cell.value instanceof Builtin) {
    const b = f.cell.value;
    const count = n.args.length;
    if (count >= b.min && count <= b.max) {
      const view = vectorViewOf(e, n);
      if (view !== undefined) return emitViewedNth(e, n, f.cell, b, view);
      return emitDirect(e, n, f.cell, b);
    }
  }
  const [callee, ...rawArgs] = e.exprs([f, ...n.args]) as [string, ...string[]];
  // A literal callee (`(1 2)`) still needs a name: `1.call1` is not JavaScript.
  const fv = /^[A-Za-z_$][\w$]*$/.test(callee) ? callee : e.materialize(`(${callee})`);
  const args = rawArgs.map((a) => e.materialize(a));
  const list = args.join(', ');
  const t = e.temp();
  const span = e.span(n.span);
  const locate = `catch ($e) { throw ${e.h('locate')}($e, ${span}, ${fv}); }`;
  const self = f.kind === 'local' ? e.selfArity(f.ref, args.length) : undefined;
  if (self !== undefined) {
    // Self-recursion into the same arity: a direct call of the arity's own function.
    if (self.thisless) {
      const name = jsString(self.fnName ?? 'fn');
      e.emit(
        `try { ${t} = ${self.name}(${list}); } catch ($e) { throw ${e.h('locateIn')}($e, ${span}, ${name}); }`,
      );
    } else {
      e.emit(
        `try { ${t} = ${self.name}.call(${fv}${args.length > 0 ? `, ${list}` : ''}); } ${locate}`,
      );
    }
    return t;
  }
  const slow =
    args.length === 1
      ? `${e.h('call1')}(${fv}, ${list}, ${span})`
      : args.length === 2
        ? `${e.h('call2')}(${fv}, ${list}, ${span})`
        : `${e.h('callN')}(${fv}, [${list}], ${span})`;
  if (args.length > 3) {
    e.emit(`${t} = ${slow};`);
    return t;
  }
  // The arity body, called from this site (monomorphic where the callee is).
  const g = e.temp();
  e.emit(
    `if (${fv} instanceof ${e.h('CompiledFn')} && (${g} = ${fv}.f${args.length}) !== undefined) { try { ${t} = ${g}.call(${fv}${args.length > 0 ? `, ${list}` : ''}); } ${locate} } else ${t} = ${slow};`,
  );
  return t;
}

/** A JavaScript boolean for an RTFS test: comparisons inline without boxing, else truthiness. */
export function emitTest(e: Emitter, n: Node): string {
  if (n.kind === 'call' && n.fn.kind === 'global' && COMPARISONS.has(n.fn.cell.name)) {
    const b = n.fn.cell.value;
    if (b instanceof Builtin && n.args.length >= b.min && n.args.length <= b.max) {
      const parts = emitDirectParts(e, n, n.fn.cell, b);
      if (typeof parts !== 'string')
        return parts.guard === 'true'
          ? `(${parts.value})`
          : `(${parts.guard} ? ${parts.value} : ${e.truthy(parts.slow)})`;
      return e.truthy(parts);
    }
  }
  return e.truthy(e.expr(n));
}

const COMPARISONS = new Set(['<', '>', '<=', '>=', '=']);

/** An inline fast path: `guard ? value : slow` (`value` needs no boxing or checks). */
interface Inline {
  readonly guard: string;
  readonly value: string;
  readonly slow: string;
}

function emitDirect(
  e: Emitter,
  n: CallNode,
  cell: Extract<Node, { kind: 'global' }>['cell'],
  b: Builtin,
): string {
  const parts = emitDirectParts(e, n, cell, b);
  return typeof parts === 'string' ? parts : inlineValue(parts);
}

/** An inline fast path as one expression (the value alone when its guard always holds). */
function inlineValue(parts: Inline): string {
  return parts.guard === 'true'
    ? `(${parts.value})`
    : `(${parts.guard} ? ${parts.value} : ${parts.slow})`;
}

/**
 * `(nth v i …)` with `v` viewed by the enclosing loop (vector-reads.ts): an integer `i`
 * below the view's count reads the array; anything else calls `nth` as usual.
 */
function emitViewedNth(
  e: Emitter,
  n: CallNode,
  cell: Extract<Node, { kind: 'global' }>['cell'],
  b: Builtin,
  view: VectorView,
): string {
  const [v, index, ...rest] = e.exprs(n.args) as [string, string, ...string[]];
  const i = e.materialize(index);
  const t = e.temp();
  // A known non-negative integer index needs only the bound (int-ranges.ts).
  const known = rangeOf(e, i);
  const test =
    known !== undefined && known[0] >= 0
      ? `${i} < ${view.count}`
      : `typeof ${i} === "number" && (${i} >>> 0) === ${i} && ${i} < ${view.count}`;
  e.emit(`if (${test}) ${t} = ${view.items}[${i}]; else {`);
  const slow = emitDirectParts(e, n, cell, b, [v, i, ...rest]);
  e.emit(`${t} = ${typeof slow === 'string' ? slow : inlineValue(slow)};`);
  e.emit('}');
  return t;
}

/**
 * Core arithmetic on known integers whose result surely is a safe integer (int-ranges.ts):
 * the operation alone, in a temporary that is then known too; undefined otherwise.
 */
function emitExact(e: Emitter, op: string, args: readonly string[]): string | undefined {
  const known: [string, IntRange][] = [];
  for (const a of args) {
    const r = rangeOf(e, a);
    if (r === undefined) return undefined;
    known.push([a, r]);
  }
  const exact = exactArithmetic(op, known);
  if (exact === undefined) return undefined;
  const t = e.temp();
  e.emit(`${t} = ${exact.js};`);
  e.fn.intRanges.set(t, exact.range);
  return t;
}

/** A direct builtin call: an inline fast path, or the expression of its result. */
function emitDirectParts(
  e: Emitter,
  n: CallNode,
  cell: Extract<Node, { kind: 'global' }>['cell'],
  b: Builtin,
  args: string[] = e.exprs(n.args),
): Inline | string {
  const c = e.cell(cell);
  const bref = e.link({ kind: 'builtin', cell, impl: 'fn' });
  const span = e.span(n.span);
  const name = b.name ?? '';
  const inline = e.options.inline !== false && cell.name === name;
  const core = e.isCore(cell);
  const same = core ? 'true' : `${c}.value === ${bref}`;
  const guardOf = (xs: string[]) => xs.filter((x) => x !== 'true').join(' && ') || 'true';
  const inline2 = INLINE2[name];
  if (inline && args.length === 2 && b.f2 !== undefined && inline2 !== undefined) {
    const [a0, a1] = args.map((a) => e.materialize(a)) as [string, string];
    const exact = core ? emitExact(e, name, [a0, a1]) : undefined;
    if (exact !== undefined) return exact;
    const [cond, value] = inline2(a0, a1, e.temp());
    const f2 = e.link({ kind: 'builtin', cell, impl: 'f2' });
    return {
      guard: guardOf([same, isNumber(e, a0), isNumber(e, a1), cond]),
      value,
      slow: `${e.h('direct2')}(${c}, ${bref}, ${f2}, ${a0}, ${a1}, ${span})`,
    };
  }
  const inline1 = INLINE1[name];
  if (inline && args.length === 1 && b.f1 !== undefined && inline1 !== undefined) {
    const a0 = e.materialize(args[0] as string);
    const exact = core ? emitExact(e, name, [a0]) : undefined;
    if (exact !== undefined) return exact;
    const [cond, value] = inline1(a0);
    const f1 = e.link({ kind: 'builtin', cell, impl: 'f1' });
    return {
      guard: guardOf([same, isNumber(e, a0), cond]),
      value,
      slow: `${e.h('direct1')}(${c}, ${bref}, ${f1}, ${a0}, ${span})`,
    };
  }
  const impl =
    args.length === 1 && b.f1 !== undefined
      ? e.link({ kind: 'builtin', cell, impl: 'f1' })
      : args.length === 2 && b.f2 !== undefined
        ? e.link({ kind: 'builtin', cell, impl: 'f2' })
        : e.link({ kind: 'builtin', cell, impl: 'f' });
  const t = e.temp();
  const list = args.join(', ');
  const located = `catch ($e) { throw ${e.h('locate')}($e, ${span}, ${bref}); }`;
  if (core) {
    e.emit(`try { ${t} = ${impl}(${list}); } ${located}`);
    return t;
  }
  e.emit(
    `if (${c}.value === ${bref}) { try { ${t} = ${impl}(${list}); } ${located} } else ${t} = ${e.h('callN')}(${c}.value, [${list}], ${span});`,
  );
  return t;
}

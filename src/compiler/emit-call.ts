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

type CallNode = Extract<Node, { kind: 'call' }>;

const MAX = '9007199254740991';

/** Inline fast paths: (args, temp) → [condition, value], both over plain JS numbers. */
const INLINE2: Readonly<Record<string, (a: string, b: string, t: string) => [string, string]>> = {
  '+': (a, b, t) => [`(${t} = ${a} + ${b}) <= ${MAX} && ${t} >= -${MAX}`, t],
  '-': (a, b, t) => [`(${t} = ${a} - ${b}) <= ${MAX} && ${t} >= -${MAX}`, t],
  '*': (a, b, t) => [`(${t} = ${a} * ${b}) <= ${MAX} && ${t} >= -${MAX}`, `${t} + 0`],
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

function isNumber(js: string): string {
  return /^-?\d+$|^\(-\d+\)$/.test(js) ? 'true' : `typeof ${js} === "number"`;
}

export function emitCall(e: Emitter, n: CallNode): string {
  const f = n.fn;
  if (f.kind === 'global' && f.cell.value instanceof Builtin) {
    const b = f.cell.value;
    const count = n.args.length;
    if (count >= b.min && count <= b.max) return emitDirect(e, n, f.cell, b);
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
    e.emit(`try { ${t} = ${self}.call(${fv}${args.length > 0 ? `, ${list}` : ''}); } ${locate}`);
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
  if (
    e.options.inline !== false &&
    n.kind === 'call' &&
    n.fn.kind === 'global' &&
    n.args.length === 2 &&
    COMPARISONS.has(n.fn.cell.name)
  ) {
    const b = n.fn.cell.value;
    if (b instanceof Builtin && b.name === n.fn.cell.name && b.f2 !== undefined) {
      const js = emitDirect(e, n, n.fn.cell, b);
      const m = /^\((.*) \? (.*) : (\$\$direct2\(.*\))\)$/s.exec(js);
      if (m !== null) return `(${m[1]} ? ${m[2]} : ${e.truthy(m[3] as string)})`;
      return e.truthy(js);
    }
  }
  return e.truthy(e.expr(n));
}

const COMPARISONS = new Set(['<', '>', '<=', '>=', '=']);

function emitDirect(
  e: Emitter,
  n: CallNode,
  cell: Extract<Node, { kind: 'global' }>['cell'],
  b: Builtin,
): string {
  const args = e.exprs(n.args);
  const c = e.cell(cell);
  const bref = e.link({ kind: 'builtin', cell, impl: 'fn' });
  const span = e.span(n.span);
  const name = b.name ?? '';
  const inline = e.options.inline !== false && cell.name === name;
  const core = e.isCore(cell);
  const same = core ? 'true' : `${c}.value === ${bref}`;
  if (inline && args.length === 2 && b.f2 !== undefined && INLINE2[name] !== undefined) {
    const [a0, a1] = args.map((a) => e.materialize(a)) as [string, string];
    const t = e.temp();
    const [cond, value] = (INLINE2[name] as (a: string, b: string, t: string) => [string, string])(
      a0,
      a1,
      t,
    );
    const f2 = e.link({ kind: 'builtin', cell, impl: 'f2' });
    const guard =
      [same, isNumber(a0), isNumber(a1), cond].filter((x) => x !== 'true').join(' && ') || 'true';
    return `(${guard} ? ${value} : ${e.h('direct2')}(${c}, ${bref}, ${f2}, ${a0}, ${a1}, ${span}))`;
  }
  if (inline && args.length === 1 && b.f1 !== undefined && INLINE1[name] !== undefined) {
    const a0 = e.materialize(args[0] as string);
    const [cond, value] = (INLINE1[name] as (a: string) => [string, string])(a0);
    const f1 = e.link({ kind: 'builtin', cell, impl: 'f1' });
    const guard = [same, isNumber(a0), cond].filter((x) => x !== 'true').join(' && ') || 'true';
    return `(${guard} ? ${value} : ${e.h('direct1')}(${c}, ${bref}, ${f1}, ${a0}, ${span}))`;
  }
  const impl =
    args.length === 1 && b.f1 !== undefined
      ? e.link({ kind: 'builtin', cell, impl: 'f1' })
      : args.length === 2 && b.f2 !== undefined
        ? e.link({ kind: 'builtin', cell, impl: 'f2' })
        : e.link({ kind: 'builtin', cell, impl: 'f' });
  const t = e.temp();
  const list = args.join(', ');
  if (core) {
    e.emit(
      `try { ${t} = ${impl}(${list}); } catch ($e) { throw ${e.h('locate')}($e, ${span}, ${bref}); }`,
    );
    return t;
  }
  e.emit(
    `if (${c}.value === ${bref}) { try { ${t} = ${impl}(${list}); } catch ($e) { throw ${e.h('locate')}($e, ${span}, ${bref}); } } else ${t} = ${e.h('callN')}(${c}.value, [${list}], ${span});`,
  );
  return t;
}

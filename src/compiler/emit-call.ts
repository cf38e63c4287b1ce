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
  const [callee, ...args] = e.exprs([f, ...n.args]) as [string, ...string[]];
  // A literal callee (`(1 2)`) still needs a name: `1.call1` is not JavaScript.
  const fv = /^[A-Za-z_$][\w$]*$/.test(callee) ? callee : e.materialize(`(${callee})`);
  const t = e.temp();
  const span = e.span(n.span);
  const fnClass = e.h('Fn');
  const locate = e.h('locate');
  let fast: string;
  let slow: string;
  switch (args.length) {
    case 0:
      fast = `${fv}.call0()`;
      slow = `${e.h('callN')}(${fv}, [], ${span})`;
      break;
    case 1:
      fast = `${fv}.call1(${args[0]})`;
      slow = `${e.h('call1')}(${fv}, ${args[0]}, ${span})`;
      break;
    case 2:
      fast = `${fv}.call2(${args[0]}, ${args[1]})`;
      slow = `${e.h('call2')}(${fv}, ${args[0]}, ${args[1]}, ${span})`;
      break;
    case 3:
      fast = `${fv}.call3(${args.join(', ')})`;
      slow = `${e.h('callN')}(${fv}, [${args.join(', ')}], ${span})`;
      break;
    default:
      fast = `${fv}.invoke([${args.join(', ')}])`;
      slow = `${e.h('callN')}(${fv}, [${args.join(', ')}], ${span})`;
  }
  e.emit(
    `if (${fv} instanceof ${fnClass}) { try { ${t} = ${fast}; } catch ($e) { throw ${locate}($e, ${span}, ${fv}); } } else ${t} = ${slow};`,
  );
  return t;
}

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
  if (inline && args.length === 2 && b.f2 !== undefined && INLINE2[name] !== undefined) {
    const [a0, a1] = args.map((a) => e.materialize(a)) as [string, string];
    const t = e.temp();
    const [cond, value] = (INLINE2[name] as (a: string, b: string, t: string) => [string, string])(
      a0,
      a1,
      t,
    );
    const f2 = e.link({ kind: 'builtin', cell, impl: 'f2' });
    const guard = [`${c}.value === ${bref}`, isNumber(a0), isNumber(a1), cond]
      .filter((x) => x !== 'true')
      .join(' && ');
    return `(${guard} ? ${value} : ${e.h('direct2')}(${c}, ${bref}, ${f2}, ${a0}, ${a1}, ${span}))`;
  }
  if (inline && args.length === 1 && b.f1 !== undefined && INLINE1[name] !== undefined) {
    const a0 = e.materialize(args[0] as string);
    const [cond, value] = (INLINE1[name] as (a: string) => [string, string])(a0);
    const f1 = e.link({ kind: 'builtin', cell, impl: 'f1' });
    const guard = [`${c}.value === ${bref}`, isNumber(a0), cond].join(' && ');
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
  e.emit(
    `if (${c}.value === ${bref}) { try { ${t} = ${impl}(${list}); } catch ($e) { throw ${e.h('locate')}($e, ${span}, ${bref}); } } else ${t} = ${e.h('callN')}(${c}.value, [${list}], ${span});`,
  );
  return t;
}

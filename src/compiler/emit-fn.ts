/**
 * `fn` → a `CompiledFn` whose arities are JavaScript functions. Each arity declares
 * the function's frame slots as `let` variables (closures made inside share them, as
 * they share the evaluator's frame); `this` is the function value (self-recursion);
 * `recur` to the function is a labelled loop around the body.
 */
import { type Node, type FnArity, children, linearAccumulator } from '../analyzer/index.js';
import { type Emitter, JsFn, RETURN, freshDeclaration, slotVar } from './emitter.js';
import { emitDestructure } from './emit-pattern.js';
import { jsString } from './js-text.js';

type FnNode = Extract<Node, { kind: 'fn' }>;

export function emitFn(e: Emitter, n: FnNode): string {
  const level = e.fn.level + 1;
  const arities = n.arities.map((a) => {
    const body = emitArity(e, n, a, level);
    return `{ fixed: ${a.params.fixed}, rest: ${a.params.rest}, body: ${body} }`;
  });
  const t = e.temp();
  const name = n.name === undefined ? 'undefined' : jsString(n.name);
  e.emit(`${t} = new ${e.h('CompiledFn')}(${name}, [${arities.join(', ')}]);`);
  const linear = linearAccumulator(n);
  if (linear !== undefined) e.emit(`${t}.linearAcc = ${e.cell(linear)};`);
  return t;
}

/**
 * True when `node` reads the function's self slot other than as the callee of a
 * direct self-call (a call with exactly the arity's fixed argument count).
 */
function readsSelf(node: Node, slot: number, a: FnArity, depth: number): boolean {
  const isSelf = (x: Node): boolean =>
    x.kind === 'local' && x.ref.depth === depth && x.ref.slot === slot;
  if (isSelf(node)) return true;
  if (node.kind === 'call' && isSelf(node.fn) && node.args.length === a.params.fixed) {
    return node.args.some((x) => readsSelf(x, slot, a, depth));
  }
  const inner = node.kind === 'fn' ? depth + 1 : depth;
  return children(node).some((c) => readsSelf(c, slot, a, inner));
}

function emitArity(e: Emitter, n: FnNode, a: FnArity, level: number): string {
  // Self-calls pass no `this` when the body never reads its own function value.
  const thisless = n.selfSlot >= 0 && !a.params.rest && !readsSelf(a.body, n.selfSlot, a, 0);
  const savedFn = e.fn;
  const savedRecur = e.recur;
  const fn = new JsFn(level);
  e.fn = fn;
  const label = e.label();
  const params = a.paramSlots.map((s) => slotVar(level, s));
  // Renewed bindings (ADR 0023): `recur` carries its values in temporaries, bound anew
  // with the body's locals at the head of every iteration.
  const carry = a.fresh === undefined ? undefined : params.map(() => fn.temp());
  e.recur = { label, vars: carry ?? params, used: false };
  const fname = `$a${label.slice(1)}`;
  const direct = n.selfSlot >= 0 && !a.params.rest;
  if (direct) {
    e.selves.push({
      level,
      selfSlot: n.selfSlot,
      arity: a.params.fixed,
      name: fname,
      thisless,
      fnName: n.name,
    });
  }
  try {
    emitDestructure(e, a.destructure);
    e.tail(a.body, RETURN);
    const used = e.recur.used;
    const body = fn.lines.join('\n');
    const head: string[] = [];
    const decl = fn.declarations(n.frameSize, a.paramSlots);
    if (decl !== '') head.push(decl);
    if (n.selfSlot >= 0 && !thisless) head.push(`${slotVar(level, n.selfSlot)} = this;`);
    // One step per call and per recur, as the evaluator counts (runtime/budget.ts).
    const check = `if (--${e.h('meter')}[0] < 0) ${e.h('refuel')}();`;
    let fresh = '';
    if (used && carry !== undefined && a.fresh !== undefined) {
      head.push(carry.map((t, i) => `${t} = ${params[i] as string};`).join(' '));
      const init = new Map(a.paramSlots.map((s, i) => [s, carry[i] as string]));
      fresh = `${freshDeclaration(level, a.fresh, init)}\n`;
    }
    const inner = used ? `${label}: for (;;) {\n${fresh}${check}\n${body}\n}` : `${check}\n${body}`;
    return `function ${fname}(${params.join(', ')}) {\n${[...head, inner].join('\n')}\n}`;
  } finally {
    if (direct) e.selves.pop();
    e.fn = savedFn;
    e.recur = savedRecur;
  }
}

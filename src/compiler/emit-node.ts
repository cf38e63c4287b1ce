/**
 * Node → JavaScript: the dispatch over node kinds, in value position (`emitExpr`)
 * and in tail position (`emitTail`, where `recur` and branches need no temporary).
 */
import type { Node } from '../analyzer/index.js';
import {
  type Emitter,
  type Sink,
  assignTo,
  DISCARD,
  freshDeclaration,
  isStable,
  slotVar,
} from './emitter.js';
import { emitCall } from './emit-call.js';
import { emitFn } from './emit-fn.js';
import { emitBinding, emitDestructure } from './emit-pattern.js';
import { emitMatch } from './emit-match.js';
import { emitTry, emitStep, emitFor, emitDotimes } from './emit-forms.js';
import { emitPlan } from './emit-plan.js';
import { Keyword } from '../data/index.js';
import { jsString } from './js-text.js';
import { ownedConjBindings } from './owned-conj.js';
import { emitOwnedConj, isCoreConj } from './emit-owned.js';
import { hoistVectorViews } from './vector-reads.js';
import { countedIndex, countedIterations } from '../runtime/counted-loop.js';
import { FN_WARM_STEPS } from '../runtime/jit.js';

type NodeOf<K extends Node['kind']> = Extract<Node, { kind: K }>;

export function emitExpr(e: Emitter, n: Node): string {
  switch (n.kind) {
    case 'const':
      return e.constant(n.value);
    case 'local': {
      const level = e.fn.level - n.ref.depth;
      // A function made in a loop compiled where it stands reads the loop's frame in
      // place, as the evaluator's closures over that frame do (compiler/jit-tier.ts).
      if (level === 0 && e.fn.level > 0 && e.options.sharedFrame === true) {
        return `$F0[${n.ref.slot}]`;
      }
      return slotVar(level, n.ref.slot);
    }
    case 'global': {
      const c = e.cell(n.cell);
      // A cell bound now stays bound (cells are never unbound again).
      if (n.cell.value !== undefined) return `${c}.value`;
      return `(${c}.value === undefined ? ${e.h('unbound')}(${c}, ${e.span(n.span)}) : ${c}.value)`;
    }
    case 'if':
    case 'do':
    case 'let':
    case 'loop':
    case 'match':
    case 'try':
    case 'check':
    case 'recur': {
      const t = e.temp();
      emitTail(e, n, assignTo(t));
      return t;
    }
    case 'fn':
      return emitFn(e, n);
    case 'def': {
      const v = e.materialize(e.expr(n.init));
      const c = e.cell(n.cell);
      e.emit(`${c}.value = ${v};`);
      e.emit(`${c}.macro = ${n.macro};`);
      return n.macro ? 'null' : v;
    }
    case 'call':
      return emitCall(e, n);
    case 'and':
    case 'or':
      return emitLogic(e, n);
    case 'vector':
      return `${e.h('vector')}([${e.exprs(n.items).join(', ')}])`;
    case 'map':
      return `${e.h('map')}([${e.exprs(n.items).join(', ')}])`;
    case 'throw': {
      const v = e.expr(n.value);
      e.emit(`throw ${e.h('thrown')}(${v}, ${e.span(n.span)});`);
      return 'null';
    }
    case 'capability':
      return emitCapability(e, n);
    case 'defcapability': {
      const span = e.span(n.span);
      const id = e.materialize(`${e.h('capabilityId')}(${e.expr(n.id)}, ${span})`);
      const [impl, spec] = e.exprs([n.impl, n.spec]) as [string, string];
      const host = e.link({ kind: 'host' });
      return e.materialize(`${e.h('defineCapability')}(${host}, ${id}, ${spec}, ${impl}, ${span})`);
    }
    case 'context': {
      const host = e.link({ kind: 'host' });
      const plans = e.link({ kind: 'plans' });
      const key = e.constant(Keyword.of(n.name));
      return e.materialize(
        `${e.h('planContext')}(${plans}, ${host}, ${key}, ${n.optional === true}, ${e.span(n.span)})`,
      );
    }
    case 'plan':
      return emitPlan(e, n);
    case 'step-result': {
      const plans = e.link({ kind: 'plans' });
      return e.materialize(
        `${e.h('stepResult')}(${plans}, ${jsString(n.name)}, ${e.span(n.span)})`,
      );
    }
    case 'step':
      return emitStep(e, n);
    case 'for':
      return emitFor(e, n);
    case 'dotimes':
      return emitDotimes(e, n);
  }
}

export function emitTail(e: Emitter, n: Node, sink: Sink): void {
  switch (n.kind) {
    case 'if': {
      const test = e.test(n.test);
      e.emit(`if (${test}) {`);
      e.tail(n.then, sink);
      e.emit('} else {');
      e.tail(n.else, sink);
      e.emit('}');
      return;
    }
    case 'do': {
      for (let i = 0; i < n.body.length - 1; i++) e.tail(n.body[i] as Node, DISCARD);
      e.tail(n.body[n.body.length - 1] as Node, sink);
      return;
    }
    case 'let':
      for (const b of n.bindings) emitBinding(e, b.pattern, b.init);
      e.tail(n.body, sink);
      return;
    case 'loop':
      emitLoop(e, n, sink);
      return;
    case 'recur':
      emitRecur(e, n);
      return;
    case 'match':
      emitMatch(e, n, sink);
      return;
    case 'try':
      emitTry(e, n, sink);
      return;
    case 'check': {
      const validator = e.link({ kind: 'validator', type: n.type });
      const context = jsString(n.context);
      const span = e.span(n.span);
      const check = e.h('check');
      // `recur` inside passes through unchecked (it never reaches this sink).
      e.tail(n.expr, {
        terminal: sink.terminal,
        deliver(em, js) {
          sink.deliver(em, `${check}(${validator}, ${js}, ${context}, ${span})`);
        },
      });
      return;
    }
    default:
      sink.deliver(e, emitExpr(e, n));
  }
}

function emitLoop(e: Emitter, n: NodeOf<'loop'>, sink: Sink): void {
  const level = e.fn.level;
  n.inits.forEach((init, i) => {
    const v = slotVar(level, n.slots[i] as number);
    const js = e.expr(init);
    if (js !== v) e.emit(`${v} = ${js};`);
  });
  if (n.fresh === undefined) {
    emitLoopHead(e, n, sink);
    return;
  }
  // Renewed bindings (ADR 0023): the values `recur` passes are carried in temporaries
  // and bound anew, with the body's locals, at the head of every iteration's block.
  const carry = n.slots.map((s) => {
    const t = e.temp();
    e.emit(`${t} = ${slotVar(level, s)};`);
    return t;
  });
  const init = new Map(n.slots.map((s, i) => [s, carry[i] as string]));
  emitIterations(e, n, sink, carry, freshDeclaration(level, n.fresh, init));
}

/**
 * The loop from its head, its bindings already in their slots: what the evaluator's
 * loop tier compiles to continue a running loop (runtime/loop-jit.ts).
 */
export function emitLoopHead(e: Emitter, n: NodeOf<'loop'>, sink: Sink): void {
  const level = e.fn.level;
  emitIterations(
    e,
    n,
    sink,
    n.slots.map((s) => slotVar(level, s)),
    undefined,
  );
}

/** Iterations of a counted loop from which its code ends the step chunk first. */
const COUNTED_LOOP_WARMED = 1_000;

/** `for (;;)` around the body; `recur` stores into `vars` and goes round. */
function emitIterations(
  e: Emitter,
  n: NodeOf<'loop'>,
  sink: Sink,
  vars: readonly string[],
  head: string | undefined,
): void {
  const label = e.label();
  const saved = e.recur;
  const owned = new Map<number, string>();
  for (const i of ownedConjBindings(n, (c) => isCoreConj(e, c))) {
    const own = e.temp();
    // Nothing is owned when a run of the loop starts (a loop entered again must not
    // append to the vector its last run returned).
    e.emit(`${own} = undefined;`);
    owned.set(i, own);
  }
  e.recur = { label, vars, used: false, ...(owned.size > 0 ? { owned } : {}) };
  const inner: Sink = sink.terminal
    ? sink
    : {
        terminal: true,
        deliver(em, js) {
          sink.deliver(em, js);
          em.emit(`break ${label};`);
        },
      };
  // A counted loop of 1,000+ iterations (ADR 0053) ends the step chunk within
  // FN_WARM_STEPS steps, so that its first `refuel` runs while V8 still interprets it
  // (after V8 has given the function its feedback vector), not in the optimised loop,
  // which would deoptimise there for want of feedback (ADR 0056). Steps stay exact.
  if (countedIterations(n) >= COUNTED_LOOP_WARMED)
    e.emit(`${e.h('shortenChunk')}(${FN_WARM_STEPS});`);
  // Vectors the body reads with `nth` and never rebinds, looked at once (ADR 0058).
  const savedViews = e.fn.vectorViews;
  e.fn.vectorViews = hoistVectorViews(e, n);
  // A counted binding is a known integer in the body (ADR 0058); renewed bindings are
  // carried in temporaries, which the range does not describe.
  const counted = head === undefined ? countedIndex(n) : undefined;
  const index = counted === undefined ? undefined : vars[counted.index];
  if (counted !== undefined && index !== undefined)
    e.fn.intRanges.set(index, [counted.lo, counted.hi]);
  e.emit(`${label}: for (;;) {`);
  if (head !== undefined) e.emit(head);
  e.stepCheck();
  emitDestructure(e, n.destructure);
  e.tail(n.body, inner);
  e.emit('}');
  if (index !== undefined) e.fn.intRanges.delete(index);
  e.fn.vectorViews = savedViews;
  e.recur = saved;
}

function emitRecur(e: Emitter, n: NodeOf<'recur'>): void {
  const target = e.recur;
  if (target === undefined) throw new Error('compiler: recur outside a loop or function');
  target.used = true;
  const owned = target.owned;
  const vals =
    owned === undefined
      ? e.exprs(n.args)
      : e.exprs(n.args, (a, i) => {
          const own = owned.get(i);
          const js =
            own !== undefined && a.kind === 'call'
              ? emitOwnedConj(e, a, n.slots[i] as number, own)
              : undefined;
          return js ?? e.expr(a);
        });
  // The target's slots, or the temporaries that carry renewed bindings (ADR 0023).
  const vars = target.vars;
  if (vals.length === 1) {
    if (vals[0] !== vars[0]) e.emit(`${vars[0]} = ${vals[0]};`);
  } else {
    // Every new value is computed before any slot changes.
    const fresh = vals.map((v, i) => {
      if (v === vars[i] || isStable(v) || /^\$t\d+$/.test(v)) return v;
      const t = e.temp();
      e.emit(`${t} = ${v};`);
      return t;
    });
    fresh.forEach((v, i) => {
      if (v !== vars[i]) e.emit(`${vars[i]} = ${v};`);
    });
  }
  e.emit(`continue ${target.label};`);
}

function emitLogic(e: Emitter, n: NodeOf<'and' | 'or'>): string {
  if (n.items.length === 0) return n.kind === 'and' ? 'true' : 'null';
  const t = e.temp();
  let open = 0;
  n.items.forEach((item, i) => {
    const js = e.expr(item);
    if (js !== t) e.emit(`${t} = ${js};`);
    if (i < n.items.length - 1) {
      const truthy = `(${t} !== null && ${t} !== false)`;
      e.emit(`if (${n.kind === 'and' ? truthy : `!${truthy}`}) {`);
      open++;
    }
  });
  for (let i = 0; i < open; i++) e.emit('}');
  return t;
}

function emitCapability(e: Emitter, n: NodeOf<'capability'>): string {
  const span = e.span(n.span);
  const id = e.materialize(`${e.h('capabilityId')}(${e.expr(n.id)}, ${span})`);
  const args = e.exprs(n.args);
  const host = e.link({ kind: 'host' });
  return e.materialize(`${host}.callCapability(${id}, [${args.join(', ')}], ${span})`);
}

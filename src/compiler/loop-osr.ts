/**
 * The evaluator's loop tier (runtime/loop-jit.ts, ADR 0019): a `loop` node compiled,
 * in this process, to a function of the evaluator's frame that continues the loop
 * from its head. The frame's slots become the usual `let` variables (loaded from the
 * frame once), enclosing frames are read in place (`$F1[slot]`, see `slotVar`), and
 * the loop's value is returned.
 */
import type { Node, Globals } from '../analyzer/index.js';
import type { Host, LoopJit } from '../runtime/index.js';
import { PlanStack } from '../runtime/compile-plan.js';
import { outerDepth } from '../runtime/loop-jit.js';
import { Emitter, RETURN, slotVar, type EmitOptions } from './emitter.js';
import { emitLoopHead } from './emit-node.js';
import { Linker } from './linker.js';
import { inProcessSource, liveLink } from './in-process.js';
import * as support from './support/index.js';

type LoopNode = Extract<Node, { kind: 'loop' }>;

/** JavaScript source of `function ($F0) {…}` running `n` from its head in frame `$F0`. */
export function emitLoopResume(
  n: LoopNode,
  frameSize: number,
  linker: Linker,
  options: EmitOptions,
): { fn: string; helpers: Set<string> } {
  const e = new Emitter(linker, 0, options);
  emitLoopHead(e, n, RETURN);
  const head: string[] = [];
  const depth = outerDepth(n);
  for (let d = 1; d <= depth; d++) head.push(`const $F${d} = $F${d - 1}[0];`);
  const loads: string[] = [];
  for (let s = 1; s < frameSize; s++) loads.push(`${slotVar(0, s)} = $F0[${s}]`);
  if (loads.length > 0) head.push(`let ${loads.join(', ')};`);
  const temps = e.fn.declarations(1, []);
  if (temps !== '') head.push(temps);
  return { fn: `function ($F0) {\n${[...head, ...e.fn.lines].join('\n')}\n}`, helpers: e.helpers };
}

/** The loop tier's compiler: `loop` nodes to functions of the evaluator's frame. */
export function loopJit(host: Host, core?: Globals, options: EmitOptions = {}): LoopJit {
  const opts: EmitOptions =
    core === undefined ? options : { isCore: (c) => core.own(c.name) === c, ...options };
  const plans = new PlanStack();
  return (node, frameSize) => {
    const linker = new Linker();
    const { fn, helpers } = emitLoopResume(node, frameSize, linker, opts);
    const source = inProcessSource(fn, linker.links, helpers);
    const make = new Function('$rt', '$links', source) as (
      rt: typeof support,
      links: unknown[],
    ) => ReturnType<LoopJit>;
    return make(
      support,
      linker.links.map((l) => liveLink(l, host, plans)),
    );
  };
}

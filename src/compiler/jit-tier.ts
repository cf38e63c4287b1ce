/**
 * The evaluator's compiled tier, in this process: hot functions (runtime/jit.ts, ADR
 * 0011) and hot loops (runtime/loop-jit.ts, ADR 0019), compiled by the compiler's
 * emitter from the evaluator's own nodes. The evaluator's frames that the code reads
 * but does not own are read in place (`$F1[slot]` is the nearest, see `slotVar`), so
 * it sees exactly what the evaluator's closures see, even slots filled later.
 *
 * A loop becomes a function of the evaluator's frame that continues the loop from its
 * head: the frame's slots become the usual `let` variables (loaded once) and the
 * loop's value is returned; functions made inside read the frame itself (`$F0`), as
 * the evaluator's closures made in the same frame do. A function becomes a factory from the frame it was made
 * in (its closure's environment) to a `CompiledFn`.
 */
import type { Node, Globals } from '../analyzer/index.js';
import type { Value } from '../data/index.js';
import type { FnJit, Host, LoopJit } from '../runtime/index.js';
import { PlanStack } from '../runtime/compile-plan.js';
import { outerDepth } from '../runtime/loop-jit.js';
import { Emitter, RETURN, slotVar, type EmitOptions } from './emitter.js';
import type { JitFn } from '../runtime/jit.js';
import type { Env } from '../runtime/env.js';
import { emitLoopHead } from './emit-node.js';
import { Linker } from './linker.js';
import { inProcessSource, liveLink } from './in-process.js';
import * as support from './support/index.js';

/** The tier's two compilers, as jit-loader.ts hands them to the evaluator. */
export interface JitTier {
  readonly fnJit: (host: Host, core?: Globals) => FnJit;
  readonly loopJit: (host: Host, core?: Globals) => LoopJit;
}

type LoopNode = Extract<Node, { kind: 'loop' }>;
type FnNode = Extract<Node, { kind: 'fn' }>;

/** JavaScript source of `function ($F0) {…}` running `n` from its head in frame `$F0`. */
export function emitLoopResume(
  n: LoopNode,
  frameSize: number,
  linker: Linker,
  options: EmitOptions,
): { fn: string; helpers: Set<string> } {
  const e = new Emitter(linker, 0, { ...options, sharedFrame: true });
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

/**
 * JavaScript source of `function ($F1) {…}` that makes the `CompiledFn` of `n` for a
 * closure made in frame `$F1` (ignored by a closed function).
 */
export function emitFnFactory(
  n: FnNode,
  linker: Linker,
  options: EmitOptions,
): { fn: string; helpers: Set<string> } {
  const e = new Emitter(linker, -1, options);
  const value = e.expr(n);
  const head: string[] = [];
  // Locals of the function's own frame are at depth 0 → level -1 + 1; `$F1` is its parent.
  const depth = outerDepth(n) + 1;
  for (let d = 2; d <= depth; d++) head.push(`const $F${d} = $F${d - 1}[0];`);
  const temps = e.fn.declarations(1, []);
  if (temps !== '') head.push(temps);
  const body = [...head, ...e.fn.lines, `return ${value};`].join('\n');
  return { fn: `function ($F1) {\n${body}\n}`, helpers: e.helpers };
}

/** The tier's compilers share one way of turning emitted source into live code. */
function tierCompiler(host: Host, core: Globals | undefined, options: EmitOptions) {
  const opts: EmitOptions =
    core === undefined ? options : { isCore: (c) => core.own(c.name) === c, ...options };
  const plans = new PlanStack();
  return <T>(emit: (linker: Linker, opts: EmitOptions) => { fn: string; helpers: Set<string> }) => {
    const linker = new Linker();
    const { fn, helpers } = emit(linker, opts);
    const source = inProcessSource(fn, linker.links, helpers);
    const make = new Function('$rt', '$links', source) as (
      rt: typeof support,
      links: unknown[],
    ) => T;
    return make(
      support,
      linker.links.map((l) => liveLink(l, host, plans)),
    );
  };
}

/** The loop tier's compiler: `loop` nodes to functions of the evaluator's frame. */
export function loopJit(host: Host, core?: Globals, options: EmitOptions = {}): LoopJit {
  const compile = tierCompiler(host, core, options);
  return (node, frameSize) =>
    compile<(env: Env) => Value>((l, o) => emitLoopResume(node, frameSize, l, o));
}

/** The function tier's compiler: `fn` nodes to factories of `CompiledFn`s. */
export function fnJit(host: Host, core?: Globals, options: EmitOptions = {}): FnJit {
  const compile = tierCompiler(host, core, options);
  return (node) =>
    compile<(captured: Env | undefined) => JitFn>((l, o) => emitFnFactory(node, l, o));
}

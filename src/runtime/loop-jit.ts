/**
 * The evaluator's loop tier (ADR 0019): on-stack replacement at a `loop`'s head. A
 * `loop` that has run {@link LoopSite}'s threshold of iterations interpreted (counted
 * over every run of the node) is compiled, where it stands, to a JavaScript function
 * of its frame: it loads the frame's slots into variables, reads enclosing frames in
 * place, and continues from the current iteration (the bindings are in their slots at
 * the head). Later runs of the node evaluate the inits and go straight to it. So a
 * top-level loop, or one in a function called once, leaves the closure interpreter.
 *
 * Nothing observable changes: the code is the compiler's (the same errors, positions
 * and RTFS stacks, the same budget step per iteration), and a loop that reaches the
 * host, or holds a function that reads a slot the loop writes, stays interpreted (an
 * evaluator closure made before the switch reads its frame, which the compiled loop
 * no longer writes).
 */
import type { Value } from '../data/index.js';
import { type Node, children } from '../analyzer/index.js';
import type { Pattern } from '../analyzer/pattern.js';
import type { Env } from './env.js';
import { jitFailures, reachesHost } from './jit.js';

type LoopNode = Extract<Node, { kind: 'loop' }>;

/** A compiled loop: runs it from its head against the frame holding its bindings. */
export type LoopCode = (env: Env) => Value;

/** Compiles a loop node for frames of `frameSize` slots; undefined when it cannot. */
export type LoopJit = (n: LoopNode, frameSize: number) => LoopCode | undefined;

/** Interpreted iterations of one loop node before it is compiled. */
export const DEFAULT_LOOP_THRESHOLD = 1000;

/** The tier-up state of one loop node. */
export class LoopSite {
  code: LoopCode | undefined = undefined;
  private iterations = 0;

  constructor(
    private readonly node: LoopNode,
    private readonly jit: LoopJit,
    /** Iterations run interpreted first (0: compiled before its first iteration). */
    private readonly threshold: number,
  ) {}

  /** Counts one interpreted iteration; the compiled loop once it is due and compiles. */
  tick(env: Env): LoopCode | undefined {
    if (this.iterations++ !== this.threshold) return undefined;
    try {
      this.code = this.jit(this.node, env.length);
      if (this.code === undefined) throw new Error('the compiler gave no function');
    } catch (e) {
      // A compiler bug: the loop stays interpreted (still correct); the test suites
      // assert the list stays empty.
      if (jitFailures.length < 20) jitFailures.push({ name: 'loop', error: e });
    }
    return this.code;
  }
}

/**
 * True when the loop can be compiled where it stands: it never reaches the host, and
 * no function inside it reads a slot of the loop's frame that the loop writes.
 */
export function loopEligible(n: LoopNode): boolean {
  if (reachesHost(n)) return false;
  const own = [...n.slots, ...n.destructure.flatMap((d) => patternSlots(d.pattern))];
  // Slots are numbered in order: the loop's bindings, then its body's locals.
  const first = own.length === 0 ? 0 : Math.min(...own);
  // Inits and pattern defaults too: `(loop [a 1 f (fn [] a)] …)` captures `a`.
  return !capturesFrom(n, first, 0, false);
}

/** The deepest enclosing frame (1: the loop frame's parent) that `n` reads. */
export function outerDepth(n: Node, fnDepth = 0): number {
  if (n.kind === 'local') return n.ref.depth - fnDepth;
  const inner = n.kind === 'fn' ? fnDepth + 1 : fnDepth;
  let max = 0;
  for (const c of children(n)) max = Math.max(max, outerDepth(c, inner));
  return max;
}

/** True when a function inside `n` reads a slot ≥ `first` of the frame `depth` fns up. */
function capturesFrom(n: Node, first: number, depth: number, inFn: boolean): boolean {
  if (n.kind === 'local') return inFn && n.ref.depth === depth && n.ref.slot >= first;
  const fn = n.kind === 'fn';
  for (const c of children(n)) {
    if (capturesFrom(c, first, fn ? depth + 1 : depth, inFn || fn)) return true;
  }
  return false;
}

function patternSlots(p: Pattern): number[] {
  switch (p.kind) {
    case 'slot':
      return [p.slot];
    case 'ignore':
      return [];
    case 'vector':
      return [
        ...p.items.flatMap(patternSlots),
        ...(p.rest === undefined ? [] : patternSlots(p.rest)),
        ...(p.as === undefined ? [] : [p.as]),
      ];
    case 'map':
      return [
        ...p.entries.flatMap((e) => patternSlots(e.pattern)),
        ...(p.rest === undefined ? [] : [p.rest]),
        ...(p.as === undefined ? [] : [p.as]),
      ];
  }
}

/**
 * The evaluator's second tier (ADR 0011). A function that runs often is compiled to
 * JavaScript by the same code generator as `rtfs compile`, from the same analyzed
 * node, and its closure calls the compiled code from then on. Only closed functions
 * tier up: they read no local of an enclosing function, so one compiled function
 * serves every closure made from the node. Functions that reach the host (steps,
 * plans, capability calls, `context`) stay interpreted.
 *
 * The runtime does not import the compiler: the wiring (src/create-runtime.ts) passes
 * a {@link FnJit} in.
 */
import type { Value } from '../data/index.js';
import { type Node, children } from '../analyzer/index.js';
import type { Env } from './env.js';
import type { Fn } from './fn.js';
import { Closure, type CompiledArity } from './closure.js';

type FnNode = Extract<Node, { kind: 'fn' }>;

/** A function compiled to JavaScript whose bodies run with `self` as their own value. */
export interface JitFn {
  readonly f1: ((this: Fn, a: Value) => Value) | undefined;
  readonly f2: ((this: Fn, a: Value, b: Value) => Value) | undefined;
  invokeAs(self: Fn, args: Value[]): Value;
}

/** Compiles a closed function node; undefined when it cannot. */
export type FnJit = (n: FnNode) => JitFn | undefined;

/** Calls of one function node before it is compiled. */
export const DEFAULT_JIT_THRESHOLD = 500;

/** The tier-up state of one function node, shared by the closures made from it. */
export class JitSite {
  code: JitFn | undefined = undefined;
  private calls = 0;
  private failed = false;

  constructor(
    private readonly node: FnNode,
    private readonly jit: FnJit,
    private readonly threshold: number,
  ) {}

  tick(): void {
    if (++this.calls < this.threshold || this.failed) return;
    try {
      this.code = this.jit(this.node);
      if (this.code === undefined) throw new Error('the compiler gave no function');
    } catch (e) {
      // A compiler bug: the function stays interpreted (still correct), and the
      // failure is kept for the test suites to report.
      this.failed = true;
      if (jitFailures.length < 20) jitFailures.push({ name: this.node.name, error: e });
    }
  }
}

/** Functions the JIT failed to compile (a bug; the test suites assert it stays empty). */
export const jitFailures: { readonly name: string | undefined; readonly error: unknown }[] = [];

/** A closure that counts its calls and, once its node is compiled, runs the compiled code. */
export class JitClosure extends Closure {
  constructor(
    name: string | undefined,
    arities: readonly CompiledArity[],
    frameSize: number,
    selfSlot: number,
    captured: Env,
    private readonly site: JitSite,
  ) {
    super(name, arities, frameSize, selfSlot, captured);
  }

  /** True once calls run the compiled code. */
  get compiled(): boolean {
    return this.site.code !== undefined;
  }

  override invoke(args: Value[]): Value {
    const c = this.site.code;
    if (c !== undefined) return c.invokeAs(this, args);
    this.site.tick();
    return super.invoke(args);
  }

  override call1(x: Value): Value {
    const c = this.site.code;
    if (c !== undefined) {
      const f = c.f1;
      return f !== undefined ? f.call(this, x) : c.invokeAs(this, [x]);
    }
    this.site.tick();
    return super.call1(x);
  }

  override call2(x: Value, y: Value): Value {
    const c = this.site.code;
    if (c !== undefined) {
      const f = c.f2;
      return f !== undefined ? f.call(this, x, y) : c.invokeAs(this, [x, y]);
    }
    this.site.tick();
    return super.call2(x, y);
  }
}

/** Node kinds that reach the host or the running plan: such functions stay interpreted. */
const HOST_KINDS = new Set<Node['kind']>([
  'step',
  'plan',
  'step-result',
  'context',
  'capability',
  'defcapability',
]);

/** True when `n` (or a function inside it) reaches the host or the running plan. */
export function reachesHost(n: Node): boolean {
  if (HOST_KINDS.has(n.kind)) return true;
  for (const c of children(n)) if (reachesHost(c)) return true;
  return false;
}

/** True when `fn` reads no enclosing function's locals and never reaches the host. */
export function jitEligible(fn: FnNode): boolean {
  return closed(fn, 0);
}

function closed(n: Node, depth: number): boolean {
  if (HOST_KINDS.has(n.kind)) return false;
  if (n.kind === 'local') return n.ref.depth <= depth - 1;
  const inner = n.kind === 'fn' ? depth + 1 : depth;
  for (const c of children(n)) if (!closed(c, inner)) return false;
  return true;
}

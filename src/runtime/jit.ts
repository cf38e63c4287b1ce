/**
 * The evaluator's second tier (ADR 0011). A function that runs often is compiled to
 * JavaScript by the same code generator as `rtfs compile`, from the same analyzed
 * node, and its closure calls the compiled code from then on. A closed function
 * (reading no local of an enclosing function) gets one compiled function for every
 * closure made from its node; a function that captures locals gets one per closure,
 * made from the frame the closure captured, which the compiled code reads in place
 * (so a slot filled after the closure was made reads the same as interpreted).
 * Functions that reach the host (steps, plans, capability calls, `context`) stay
 * interpreted.
 *
 * The runtime does not import the compiler: the wiring (src/create-runtime.ts) passes
 * a {@link FnJit} in.
 */
import type { Value } from '../data/index.js';
import { type Node, children } from '../analyzer/index.js';
import type { Env } from './env.js';
import type { Fn } from './fn.js';
import { Closure, type CompiledArity } from './closure.js';
import { shortenChunk } from './budget.js';

type FnNode = Extract<Node, { kind: 'fn' }>;

/** A function compiled to JavaScript whose bodies run with `self` as their own value. */
export interface JitFn {
  readonly f1: ((this: Fn, a: Value) => Value) | undefined;
  readonly f2: ((this: Fn, a: Value, b: Value) => Value) | undefined;
  invokeAs(self: Fn, args: Value[]): Value;
}

/** Makes the compiled function of a closure made in frame `captured`. */
export type JitFactory = (captured: Env | undefined) => JitFn;

/** Compiles a function node that never reaches the host; undefined when it cannot. */
export type FnJit = (n: FnNode) => JitFactory | undefined;

/** Calls of one function node before it is compiled. */
export const DEFAULT_JIT_THRESHOLD = 500;

/**
 * Steps after a function compiles before the next `refuel` (budget.ts `shortenChunk`):
 * a hot function then most likely runs its compiled `refuel` call once before V8
 * optimises it (ADR 0042).
 */
export const FN_WARM_STEPS = 200;

/** The tier-up state of one function node, shared by the closures made from it. */
export class JitSite {
  /** A closed function's compiled code, shared by all its closures. */
  code: JitFn | undefined = undefined;
  /** A capturing function's factory: each closure makes its own code from its frame. */
  make: JitFactory | undefined = undefined;
  private calls = 0;
  private failed = false;
  /** Calls of a capturing closure, after the node is compiled, before it makes its code. */
  readonly perClosure: number;

  constructor(
    private readonly node: FnNode,
    private readonly jit: FnJit,
    private readonly threshold: number,
    /** The node reads no enclosing local (runtime/jit.ts `jitEligible`). */
    readonly closed: boolean,
  ) {
    this.perClosure = threshold === 0 ? 0 : 2;
  }

  tick(): void {
    if (++this.calls < this.threshold || this.failed) return;
    this.compile();
  }

  /**
   * `n` calls are about to come from one loop (`map`, `reduce`… over `n` items): when
   * they would reach the threshold anyway, the node compiles now, before the first of
   * them. The calls that would have run interpreted then run compiled, and V8 sees the
   * loop call only the compiled code (its early type feedback would otherwise include
   * the interpreted path, ADR 0045).
   */
  expect(n: number): void {
    if (this.code !== undefined || this.make !== undefined || this.failed) return;
    if (this.calls + n >= this.threshold) this.compile();
  }

  private compile(): void {
    try {
      const make = this.jit(this.node);
      if (make === undefined) throw new Error('the compiler gave no function');
      if (this.closed) this.code = make(undefined);
      else this.make = make;
      shortenChunk(FN_WARM_STEPS);
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
    protected readonly site: JitSite,
  ) {
    super(name, arities, frameSize, selfSlot, captured);
  }

  /** True once calls run the compiled code. */
  get compiled(): boolean {
    return this.site.code !== undefined;
  }

  /** About to be called `n` times in a row by one loop (see {@link JitSite.expect}). */
  override expectCalls(n: number): void {
    this.site.expect(n);
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

/**
 * A closure of a function that reads enclosing locals: once its node is compiled, it
 * makes its own compiled code from the frame it captured (after a few calls of its
 * own, see {@link JitSite.perClosure}) and runs it from then on.
 */
export class CapturingJitClosure extends JitClosure {
  private code: JitFn | undefined = undefined;

  /** True once calls run the compiled code. */
  override get compiled(): boolean {
    return this.code !== undefined;
  }

  /** Calls of this closure since its node was compiled. */
  private calls = 0;

  /** {@link JitClosure.expectCalls}; past its node, this closure makes its own code now. */
  override expectCalls(n: number): void {
    const site = this.site;
    site.expect(n);
    const make = site.make;
    if (make !== undefined && this.code === undefined && this.calls + n > site.perClosure)
      this.code = make(this.captured);
  }

  /**
   * This closure's compiled code, made once its node is compiled and the closure itself
   * has been called {@link JitSite.perClosure} more times (a closure made to be called
   * once, say per iteration of a loop, costs more to compile than to interpret).
   */
  private ready(): JitFn | undefined {
    const c = this.code;
    if (c !== undefined) return c;
    const site = this.site;
    let make = site.make;
    if (make === undefined) {
      site.tick();
      make = site.make;
      if (make === undefined) return undefined;
    }
    if (this.calls++ < site.perClosure) return undefined;
    return (this.code = make(this.captured));
  }

  override invoke(args: Value[]): Value {
    const c = this.ready();
    return c !== undefined ? c.invokeAs(this, args) : super.invoke(args);
  }

  override call1(x: Value): Value {
    const c = this.ready();
    if (c === undefined) return super.call1(x);
    const f = c.f1;
    return f !== undefined ? f.call(this, x) : c.invokeAs(this, [x]);
  }

  override call2(x: Value, y: Value): Value {
    const c = this.ready();
    if (c === undefined) return super.call2(x, y);
    const f = c.f2;
    return f !== undefined ? f.call(this, x, y) : c.invokeAs(this, [x, y]);
  }
}

/**
 * Tells `f` that a loop is about to call it `n` times: a JIT closure whose calls would
 * reach the compile threshold during the loop compiles before it (ADR 0045); a compiled
 * function ends the current step chunk early (`CompiledFn.expectCalls`, ADR 0055).
 * Builtins and interpreted closures ignore it. Results, errors and steps are the same
 * either way (the tiers agree; test/golden runs every case with the JIT at the first
 * call too).
 */
export function expectCalls(f: Fn, n: number): void {
  f.expectCalls(n);
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

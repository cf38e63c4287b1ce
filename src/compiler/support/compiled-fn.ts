import { type Value, RList } from '../../data/index.js';
import { Fn } from '../../runtime/fn.js';
import { shortenChunk } from '../../runtime/budget.js';
import { FN_WARM_STEPS, type JitFn } from '../../runtime/jit.js';

/**
 * Calls from one loop from which V8 is likely to optimise the function during the loop
 * (a few thousand calls of a small body; far fewer and its code stays unoptimised).
 */
const LOOP_CALLS_WARMED = 1_000;

/**
 * One arity body of a compiled function; `this` is the function value itself (the
 * `CompiledFn`, or the evaluator's closure that tiered up to it: runtime/jit.ts).
 */
export type ArityBody = (this: Fn, ...args: Value[]) => Value;

/** An arity as the compiler emits it: fixed parameter count, a rest parameter, the body. */
export interface CompiledArity {
  readonly fixed: number;
  readonly rest: boolean;
  readonly body: ArityBody;
}

/**
 * A function compiled to JavaScript. Arity selection is the evaluator's (`Closure`):
 * an exact fixed arity first, then the variadic one; the rest parameter is an `RList`
 * or nil. Calls with 0–3 arguments go straight to their body without an array.
 */
export class CompiledFn extends Fn implements JitFn {
  /** The exact arities for 0–3 arguments (compiled call sites call them directly). */
  readonly f0: ArityBody | undefined;
  readonly f1: ArityBody | undefined;
  readonly f2: ArityBody | undefined;
  readonly f3: ArityBody | undefined;
  private readonly restFixed: number;
  private readonly restBody: ArityBody | undefined;

  constructor(
    name: string | undefined,
    private readonly arities: readonly CompiledArity[],
  ) {
    super(name);
    const exact = (n: number) => arities.find((a) => !a.rest && a.fixed === n)?.body;
    this.f0 = exact(0);
    this.f1 = exact(1);
    this.f2 = exact(2);
    this.f3 = exact(3);
    const r = arities.find((a) => a.rest);
    this.restFixed = r === undefined ? -1 : r.fixed;
    this.restBody = r?.body;
  }

  invoke(args: Value[]): Value {
    return this.invokeAs(this, args);
  }

  /** Calls the arity for `args` with `self` as the function's own value. */
  invokeAs(self: Fn, args: Value[]): Value {
    const n = args.length;
    const exact = this.arities.find((a) => !a.rest && a.fixed === n);
    if (exact !== undefined) return exact.body.apply(self, args);
    const rest = this.restBody;
    if (rest !== undefined && n >= this.restFixed) {
      const k = this.restFixed;
      const xs = args.slice(0, k);
      xs.push(n > k ? new RList(args.slice(k)) : null);
      return rest.apply(self, xs);
    }
    const shapes = this.arities.map((a) => (a.rest ? `${a.fixed}+` : `${a.fixed}`)).join(' or ');
    throw this.arityError(n, shapes);
  }

  /**
   * A loop (`map`, `filter`, `reduce`, … over `n` items) is about to call this function
   * `n` times. When V8 will most likely optimise the body during the loop, the current
   * step chunk ends within {@link FN_WARM_STEPS} steps (budget.ts `shortenChunk`): the
   * loop's first `refuel` then runs from the body's meter check, or from a builtin's
   * `charge` it calls, while V8 still interprets them. A `refuel` call that has never
   * run has no type feedback; the optimised body (and every function that inlined it)
   * would deoptimise at its first `refuel`, thousands of calls into the loop, and
   * compile again (ADR 0042 does the same for JIT code; ADR 0055). Steps counted stay
   * exact; only where the clock and the interrupt flag are looked at moves.
   */
  override expectCalls(n: number): void {
    if (n >= LOOP_CALLS_WARMED) shortenChunk(FN_WARM_STEPS);
  }

  override call0(): Value {
    return this.f0 !== undefined ? this.f0() : this.invoke([]);
  }
  override call1(a: Value): Value {
    return this.f1 !== undefined ? this.f1(a) : this.invoke([a]);
  }
  override call2(a: Value, b: Value): Value {
    return this.f2 !== undefined ? this.f2(a, b) : this.invoke([a, b]);
  }
  override call3(a: Value, b: Value, c: Value): Value {
    return this.f3 !== undefined ? this.f3(a, b, c) : this.invoke([a, b, c]);
  }
}

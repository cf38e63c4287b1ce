import type { RFn, Value } from '../data/index.js';
import type { Var } from '../analyzer/index.js';
import { RtfsError, RuntimeCodes } from './errors.js';

/**
 * Base of every callable RTFS value. Fixed-arity entry points (`call0`…`call3`) let
 * compiled call sites avoid allocating an argument array.
 */
export abstract class Fn implements RFn {
  readonly kind = 'fn' as const;
  /**
   * Set on `(fn [acc x] …)` that passes `acc` only to this cell's function, in tail
   * position (analyzer/linear-acc.ts): `reduce` may then hand it an owned accumulator.
   */
  linearAcc: Var | undefined = undefined;
  constructor(readonly name: string | undefined) {}

  abstract invoke(args: Value[]): Value;

  /**
   * A loop is about to call this function `n` times in a row (runtime/jit.ts
   * `expectCalls`). Nothing to do by default; JIT closures may compile now, compiled
   * functions let the loop's first `refuel` come early.
   */
  expectCalls(_n: number): void {}

  call0(): Value {
    return this.invoke([]);
  }
  call1(a: Value): Value {
    return this.invoke([a]);
  }
  call2(a: Value, b: Value): Value {
    return this.invoke([a, b]);
  }
  call3(a: Value, b: Value, c: Value): Value {
    return this.invoke([a, b, c]);
  }

  protected arityError(got: number, expected: string): RtfsError {
    return new RtfsError(
      RuntimeCodes.arity,
      `wrong number of arguments to ${this.name ?? 'anonymous fn'}: expected ${expected}, got ${got}`,
    );
  }
}

/** Two-argument operations call sites may do inline on integers (compile-arith.ts). */
export type NumOp = '+' | '-' | '<' | '>' | '<=' | '>=';

/** A primitive implemented in TypeScript, with a declared arity range. */
export class Builtin extends Fn {
  /**
   * Set on core arithmetic: its two-argument implementation `f2` agrees with this JS
   * operator whenever both arguments are JS numbers and the result is a safe integer.
   */
  numOp: NumOp | undefined = undefined;
  /**
   * Set on map operations (`assoc`, `update`, …) that never keep their first argument
   * and return an updated copy of it: they may update an owned accumulator in place.
   */
  acceptsOwned = false;

  constructor(
    name: string,
    readonly min: number,
    readonly max: number,
    readonly f: (...args: Value[]) => Value,
    /** Optional allocation-free implementations for one and two arguments. */
    readonly f1?: (a: Value) => Value,
    readonly f2?: (a: Value, b: Value) => Value,
  ) {
    super(name);
  }

  private check(n: number): void {
    if (n < this.min || n > this.max) {
      throw this.arityError(
        n,
        this.max === Infinity
          ? `at least ${this.min}`
          : this.min === this.max
            ? `${this.min}`
            : `${this.min}–${this.max}`,
      );
    }
  }

  invoke(args: Value[]): Value {
    this.check(args.length);
    return this.f(...args);
  }
  override call1(a: Value): Value {
    if (this.min > 1 || this.max < 1) this.check(1);
    return this.f1 !== undefined ? this.f1(a) : this.f(a);
  }
  override call2(a: Value, b: Value): Value {
    if (this.min > 2 || this.max < 2) this.check(2);
    return this.f2 !== undefined ? this.f2(a, b) : this.f(a, b);
  }
}

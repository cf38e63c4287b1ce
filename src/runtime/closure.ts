import type { Value } from '../data/index.js';
import { RList } from '../data/index.js';
import { Fn } from './fn.js';
import { newFrame, RECUR, type Env, type Code } from './env.js';
import { meter, refuel } from './budget.js';

export interface CompiledArity {
  readonly fixed: number;
  readonly rest: boolean;
  readonly paramSlots: readonly number[];
  readonly body: Code;
}

/** A user function: compiled arities plus the frame it was created in. */
export class Closure extends Fn {
  constructor(
    name: string | undefined,
    private readonly arities: readonly CompiledArity[],
    private readonly frameSize: number,
    private readonly selfSlot: number,
    protected readonly captured: Env,
  ) {
    super(name);
    this.a1 = arities.find((a) => !a.rest && a.fixed === 1);
    this.a2 = arities.find((a) => !a.rest && a.fixed === 2);
  }

  /** Arity for exactly 1 and 2 arguments, chosen once. */
  private readonly a1: CompiledArity | undefined;
  private readonly a2: CompiledArity | undefined;

  private select(n: number): CompiledArity {
    if (n === 1 && this.a1 !== undefined) return this.a1;
    if (n === 2 && this.a2 !== undefined) return this.a2;
    for (const a of this.arities) if (!a.rest && a.fixed === n) return a;
    for (const a of this.arities) if (a.rest && n >= a.fixed) return a;
    const shapes = this.arities.map((a) => (a.rest ? `${a.fixed}+` : `${a.fixed}`)).join(' or ');
    throw this.arityError(n, shapes);
  }

  /**
   * A new frame. Small frames are array literals: packed arrays, cheaper to make and
   * to index than `new Array(n)`'s holey ones (fib's frame has two slots).
   */
  private frame(): Value[] {
    const p = this.captured as unknown as Value;
    let slots: Value[];
    switch (this.frameSize) {
      case 2:
        slots = [p, null];
        break;
      case 3:
        slots = [p, null, null];
        break;
      case 4:
        slots = [p, null, null, null];
        break;
      case 5:
        slots = [p, null, null, null, null];
        break;
      case 6:
        slots = [p, null, null, null, null, null];
        break;
      default:
        slots = newFrame(this.frameSize, this.captured);
    }
    if (this.selfSlot >= 0) slots[this.selfSlot] = this;
    return slots;
  }

  private run(a: CompiledArity, env: Env): Value {
    const body = a.body;
    for (;;) {
      if (--meter[0]! < 0) refuel();
      const v = body(env);
      if (v !== RECUR) return v;
    }
  }

  invoke(args: Value[]): Value {
    const a = this.select(args.length);
    const slots = this.frame();
    const ps = a.paramSlots;
    for (let i = 0; i < a.fixed; i++) slots[ps[i] as number] = args[i] as Value;
    if (a.rest) {
      slots[ps[a.fixed] as number] = args.length > a.fixed ? new RList(args.slice(a.fixed)) : null;
    }
    return this.run(a, slots);
  }

  override call1(x: Value): Value {
    const a = this.a1;
    if (a === undefined) return this.invoke([x]);
    const slots = this.frame();
    slots[a.paramSlots[0] as number] = x;
    return this.run(a, slots);
  }

  override call2(x: Value, y: Value): Value {
    const a = this.a2;
    if (a === undefined) return this.invoke([x, y]);
    const slots = this.frame();
    slots[a.paramSlots[0] as number] = x;
    slots[a.paramSlots[1] as number] = y;
    return this.run(a, slots);
  }
}

/**
 * The code generator's state: the JavaScript function being written (its statements,
 * temporaries and frame variables), the `recur` target, and the linker. Code is
 * emitted in A-normal form: `expr` returns a JavaScript expression for a node after
 * pushing whatever statements must run first; `tail` delivers a node's value to a
 * {@link Sink} (return it, or assign it and leave a block).
 */
import type { Span } from '../source/index.js';
import type { Node, Var, LocalRef, SlotRange } from '../analyzer/index.js';
import type { Value } from '../data/index.js';
import type { Linker } from './linker.js';
import { type Link } from './linker.js';
import { emitExpr, emitTail } from './emit-node.js';
import { emitTest } from './emit-call.js';
import { jsString } from './js-text.js';
import type { VectorView } from './vector-reads.js';
import type { IntRange } from './int-ranges.js';

/** Where a value in tail position goes. `terminal`: the sink leaves the current block. */
export interface Sink {
  readonly terminal: boolean;
  deliver(e: Emitter, js: string): void;
}

export const RETURN: Sink = {
  terminal: true,
  deliver(e, js) {
    e.emit(`return ${js};`);
  },
};

/** Assigns the value to `target`, then (if given) `break label`. */
export function assignTo(target: string, label?: string): Sink {
  return {
    terminal: label !== undefined,
    deliver(e, js) {
      if (js !== target) e.emit(`${target} = ${js};`);
      if (label !== undefined) e.emit(`break ${label};`);
    },
  };
}

/** Evaluates for effect only (all but the last form of a `do`). */
export const DISCARD: Sink = {
  terminal: false,
  deliver(e, js) {
    if (!isSimple(js)) e.emit(`${js};`);
  },
};

/** An identifier or literal: reading it twice, or later, is the same as reading it now. */
export function isSimple(js: string): boolean {
  return /^(?:[A-Za-z_$][\w$]*|-?\d+n?|\(-\d+n?\)|"(?:[^"\\]|\\.)*")$/.test(js);
}

/** Cheap to repeat and never changed after it is set: a literal or a link. */
export function isStable(js: string): boolean {
  return /^(?:\$L\d+|null|true|false|-?\d+n?|\(-\d+n?\)|"(?:[^"\\]|\\.)*")$/.test(js);
}

/** One JavaScript function: an RTFS function arity, or a top-level form. */
export class JsFn {
  readonly lines: string[] = [];
  private temps = 0;
  /**
   * Vectors read through hoisted views in the loop being emitted, by variable
   * (vector-reads.ts); set only while a loop's body is emitted.
   */
  vectorViews: ReadonlyMap<string, VectorView> | undefined = undefined;
  /** Variables and temporaries known to hold integers in a range (int-ranges.ts). */
  readonly intRanges = new Map<string, IntRange>();
  constructor(
    /** Nesting depth of RTFS functions (the top level is 0): names frame variables. */
    readonly level: number,
  ) {}

  temp(): string {
    return `$t${this.temps++}`;
  }

  /** `let` for the temporaries and the frame slots not passed as parameters. */
  declarations(frameSize: number, params: readonly number[]): string {
    const names: string[] = [];
    for (let s = 1; s < frameSize; s++) if (!params.includes(s)) names.push(slotVar(this.level, s));
    for (let t = 0; t < this.temps; t++) names.push(`$t${t}`);
    return names.length === 0 ? '' : `let ${names.join(', ')};`;
  }
}

/**
 * The JavaScript for a frame slot. Levels below 0 are frames of the evaluator that
 * code compiled by the JIT tier reads in place (`$F1` is the nearest, `$F2` its
 * parent; runtime/loop-jit.ts), so it sees what the evaluator's closures see.
 */
export function slotVar(level: number, slot: number): string {
  return level < 0 ? `$F${-level}[${slot}]` : `v${level}_${slot}`;
}

/**
 * `let` declarations, at the head of an iteration's block, of the slots a form renews
 * on every iteration (analyzer/fresh-frames.ts, ADR 0023): JavaScript makes new
 * bindings each time the block runs, so functions made in it keep this iteration's.
 * `init` gives the initial value of some slots (the values carried in).
 */
export function freshDeclaration(
  level: number,
  range: SlotRange,
  init: ReadonlyMap<number, string>,
): string {
  if (level < 0) throw new Error('compiler: fresh bindings in an evaluator frame');
  const names: string[] = [];
  for (let s = range.from; s < range.to; s++) {
    const v = init.get(s);
    names.push(v === undefined ? slotVar(level, s) : `${slotVar(level, s)} = ${v}`);
  }
  return `let ${names.join(', ')};`;
}

export interface RecurTarget {
  readonly label: string;
  readonly vars: readonly string[];
  used: boolean;
  /**
   * Bindings (by index) whose `(conj v x)` recur argument may append in place, each
   * with the variable holding the vector this run of the loop made (owned-conj.ts).
   */
  readonly owned?: ReadonlyMap<number, string>;
}

/** Options that change the emitted code, not its meaning. */
export interface EmitOptions {
  /** Inline fast paths for core arithmetic and comparisons (default true). */
  readonly inline?: boolean;
  /**
   * True for cells of the core namespace (builtins), which are never reassigned once
   * the runtime is built: calls of them skip the cell-identity check.
   */
  readonly isCore?: (cell: Var) => boolean;
  /**
   * Collects the RTFS span of the code each emitted line comes from: lines start
   * with `\u0001<index>\u0001` (an index into this array) for a source map.
   */
  readonly marks?: Span[];
  /**
   * Level 0 is an evaluator frame that the code shares with the evaluator's closures
   * (a loop compiled where it stands): functions made in the code read it in place
   * (`$F0[slot]`) rather than through the code's own copies of its slots.
   */
  readonly sharedFrame?: boolean;
}

/** A function being emitted: its level, self slot and named arity functions. */
export interface SelfFn {
  readonly level: number;
  readonly selfSlot: number;
  /** Fixed parameter count → the name of that arity's JavaScript function. */
  readonly arity: number;
  readonly name: string;
  /**
   * The body never reads its own function value, so self-calls pass no `this`
   * (plain calls are cheaper than `.call`); errors name `fnName` in the RTFS stack.
   */
  readonly thisless: boolean;
  readonly fnName: string | undefined;
}

export class Emitter {
  fn: JsFn;
  recur: RecurTarget | undefined = undefined;
  /** Enclosing arities (innermost last), for direct self-calls. */
  readonly selves: SelfFn[] = [];
  private labels = 0;
  readonly helpers = new Set<string>();

  constructor(
    readonly linker: Linker,
    level = 0,
    readonly options: EmitOptions = {},
  ) {
    this.fn = new JsFn(level);
  }

  /** The span of the innermost node being emitted (for source maps). */
  private at: Span | undefined = undefined;

  emit(line: string): void {
    const marks = this.options.marks;
    if (marks !== undefined && this.at !== undefined) {
      marks.push(this.at);
      this.fn.lines.push(`\u0001${marks.length - 1}\u0001${line}`);
    } else this.fn.lines.push(line);
  }

  private within<T>(n: Node, f: () => T): T {
    if (this.options.marks === undefined || n.span === undefined) return f();
    const saved = this.at;
    this.at = n.span;
    try {
      return f();
    } finally {
      this.at = saved;
    }
  }

  /** One step of the budget (runtime/budget.ts), emitted at the head of every loop. */
  stepCheck(): void {
    this.emit(`if (--${this.h('meter')}[0] < 0) ${this.h('refuel')}();`);
  }

  /** A runtime helper (support/index.ts) by name. */
  h(name: string): string {
    this.helpers.add(name);
    return `$$${name}`;
  }

  link(l: Link): string {
    return this.linker.ref(l);
  }

  constant(v: Value): string {
    if (v === null) return 'null';
    if (v === true || v === false) return String(v);
    if (typeof v === 'number') return v < 0 || Object.is(v, -0) ? `(${v})` : String(v);
    if (typeof v === 'bigint') return v < 0n ? `(${v}n)` : `${v}n`;
    if (typeof v === 'string') return jsString(v);
    return this.link({ kind: 'const', value: v });
  }

  span(s: Span | undefined): string {
    return s === undefined ? 'undefined' : this.link({ kind: 'span', span: s });
  }

  cell(c: Var): string {
    return this.link({ kind: 'cell', cell: c });
  }

  isCore(cell: Var): boolean {
    return this.options.isCore?.(cell) === true;
  }

  label(): string {
    return `L${this.labels++}`;
  }

  temp(): string {
    return this.fn.temp();
  }

  expr(n: Node): string {
    return this.within(n, () => emitExpr(this, n));
  }

  tail(n: Node, sink: Sink): void {
    this.within(n, () => emitTail(this, n, sink));
  }

  /**
   * The JavaScript function to call for `(self args…)` when `ref` is the self slot of
   * an enclosing arity taking exactly `count` fixed arguments (lexically visible).
   */
  selfArity(ref: LocalRef, count: number): SelfFn | undefined {
    const level = this.fn.level - ref.depth;
    for (let i = this.selves.length - 1; i >= 0; i--) {
      const s = this.selves[i] as SelfFn;
      if (s.level < level) return undefined;
      if (s.level === level) return s.selfSlot === ref.slot && s.arity === count ? s : undefined;
    }
    return undefined;
  }

  /** `js` copied into a fresh temporary unless it is simple. */
  materialize(js: string): string {
    if (isSimple(js)) return js;
    const t = this.temp();
    this.emit(`${t} = ${js};`);
    return t;
  }

  /**
   * Expressions for `nodes`, evaluated left to right: a value is copied into a
   * temporary (at its place in the statement list) when a later node emitted
   * statements, so those cannot run before it or change what it reads.
   */
  exprs(
    nodes: readonly Node[],
    each: (n: Node, i: number) => string = (n) => this.expr(n),
  ): string[] {
    const out: string[] = [];
    const marks: number[] = [];
    for (const [i, n] of nodes.entries()) {
      out.push(each(n, i));
      marks.push(this.fn.lines.length);
    }
    const end = this.fn.lines.length;
    for (let i = nodes.length - 2; i >= 0; i--) {
      const js = out[i] as string;
      if ((marks[i] as number) === end || isStable(js)) continue;
      const t = this.temp();
      this.fn.lines.splice(marks[i] as number, 0, `${t} = ${js};`);
      out[i] = t;
    }
    return out;
  }

  /** Runs `body` writing into a nested block of lines, returned as text. */
  block(body: () => void): string {
    const saved = this.fn.lines.length;
    body();
    const inner = this.fn.lines.splice(saved);
    return inner.join('\n');
  }

  /** A JavaScript boolean for the RTFS test `n`. */
  test(n: Node): string {
    return emitTest(this, n);
  }

  /** Truthiness test of an RTFS value expression. */
  truthy(js: string): string {
    if (js === 'true') return 'true';
    if (js === 'false' || js === 'null') return 'false';
    if (isSimple(js)) return `(${js} !== null && ${js} !== false)`;
    const t = this.temp();
    return `((${t} = ${js}) !== null && ${t} !== false)`;
  }
}

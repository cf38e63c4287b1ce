import type { Span } from '../source/index.js';
import type { Value, Keyword, RMap } from '../data/index.js';
import type { Pattern } from './pattern.js';
import type { MatchPattern } from './match-pattern.js';
import type { TypeAst } from '../types/index.js';
import type { SlotRange } from './fresh-frames.js';

/** A global variable cell, resolved once at analysis time (no lookups by name later). */
export interface Var {
  readonly name: string;
  value: Value | undefined;
  /** True when the value is a macro (a function called on unevaluated forms). */
  macro?: boolean;
  /** Docstring and arities, for `:doc` in the REPL. */
  doc?: string;
  /** A builtin's cell in the core namespace: set once, never reassigned. */
  builtin?: boolean;
  /**
   * Defined by a `def` the analyzer has seen (one inside a body, say) but maybe not
   * run yet: later forms may name it, and reading it before it runs is a runtime
   * `runtime/unbound-symbol` error (Clojure's interned but unbound var).
   */
  declared?: boolean;
}

/** Where a local lives: `depth` frames up from the current one, at `slot`. */
export interface LocalRef {
  readonly depth: number;
  readonly slot: number;
}

/** A parameter list: fixed parameter slots and an optional rest slot. */
export interface Params {
  readonly fixed: number;
  readonly rest: boolean;
}

/** A destructuring step: bind `pattern` from the value in `slot`. */
export interface Destructure {
  readonly pattern: Pattern;
  readonly slot: number;
}

export interface FnArity {
  readonly params: Params;
  /** Slots the arguments land in, in order (the rest parameter last). */
  readonly paramSlots: readonly number[];
  /** Parameters written as patterns, bound from their slots before the body runs. */
  readonly destructure: readonly Destructure[];
  readonly body: Node;
  /** Slots renewed on every `recur` (a function inside reads them; fresh-frames.ts). */
  readonly fresh: SlotRange | undefined;
}

export interface Binding {
  readonly pattern: Pattern;
  readonly init: Node;
}

/**
 * Analyzed code: special forms recognised, locals resolved to slots, globals to
 * cells. Both the evaluator (runtime/compile-node.ts) and the compiler consume it.
 */
export type Node =
  | {
      readonly kind: 'const';
      readonly value: Value;
      readonly span: Span | undefined;
      /**
       * Set when this is a read of a `let` local bound to a literal (ADR 0050): the
       * local's name. `rtfs check` lints only literals written in place.
       */
      readonly local?: string;
    }
  | {
      readonly kind: 'local';
      readonly ref: LocalRef;
      readonly name: string;
      readonly span: Span | undefined;
    }
  | { readonly kind: 'global'; readonly cell: Var; readonly span: Span | undefined }
  | {
      readonly kind: 'if';
      readonly test: Node;
      readonly then: Node;
      readonly else: Node;
      readonly span: Span | undefined;
    }
  | { readonly kind: 'do'; readonly body: readonly Node[]; readonly span: Span | undefined }
  | {
      readonly kind: 'let';
      readonly bindings: readonly Binding[];
      readonly body: Node;
      readonly span: Span | undefined;
    }
  | {
      readonly kind: 'loop';
      /** Slots `recur` writes (one per binding). */
      readonly slots: readonly number[];
      readonly inits: readonly Node[];
      /** Bindings written as patterns, re-bound from their slots on every iteration. */
      readonly destructure: readonly Destructure[];
      readonly body: Node;
      /** Slots renewed on every iteration (a function inside reads them; fresh-frames.ts). */
      readonly fresh: SlotRange | undefined;
      readonly span: Span | undefined;
    }
  | {
      readonly kind: 'recur';
      readonly args: readonly Node[];
      /** The loop's or fn's slots that receive the new values. */
      readonly slots: readonly number[];
      readonly span: Span | undefined;
    }
  | {
      readonly kind: 'fn';
      readonly name: string | undefined;
      /** Slot that holds the function itself (for self-recursion), or -1. */
      readonly selfSlot: number;
      /** Slots in one call frame (parameters and every local of the body). */
      readonly frameSize: number;
      readonly arities: readonly FnArity[];
      readonly span: Span | undefined;
    }
  | {
      readonly kind: 'def';
      readonly cell: Var;
      readonly init: Node;
      /** `defmacro`: the value is a macro, and the form evaluates to nil. */
      readonly macro: boolean;
      readonly span: Span | undefined;
    }
  | {
      readonly kind: 'call';
      readonly fn: Node;
      readonly args: readonly Node[];
      readonly span: Span | undefined;
    }
  | {
      readonly kind: 'and' | 'or';
      readonly items: readonly Node[];
      readonly span: Span | undefined;
    }
  | {
      readonly kind: 'try';
      readonly body: Node;
      readonly catches: readonly CatchClause[];
      readonly finally: Node | undefined;
      readonly span: Span | undefined;
    }
  | { readonly kind: 'throw'; readonly value: Node; readonly span: Span | undefined }
  | {
      readonly kind: 'step';
      readonly variant: StepVariant;
      readonly name: string;
      /** `:params {"k" v}` bound as `%params` in the step's scope. */
      readonly params: { readonly slot: number; readonly init: Node } | undefined;
      /** step: body; step-if: test then else; step-loop: test body; step-parallel: branches. */
      readonly items: readonly Node[];
      /** A declarative step's `:output {:k "alias"}`: names exported into the plan context. */
      readonly exports?: readonly StepExport[];
      readonly span: Span | undefined;
    }
  /** `(plan :name … :input-schema … body…)`, normalised (see plan-form.ts). */
  | {
      readonly kind: 'plan';
      readonly name: string;
      /** Every option of the plan form (:name, :description, :input-schema …) as data. */
      readonly meta: RMap;
      /** The input-schema's keys, each bound as a local. */
      readonly inputs: readonly PlanInput[];
      /** The slot of `context`, the immutable map of plan inputs. */
      readonly contextSlot: number;
      readonly inputType: TypeAst | undefined;
      readonly outputType: TypeAst | undefined;
      /** The plan's own budget (`:max-steps`, `:timeout` seconds), if it declares one. */
      readonly budget: PlanBudget | undefined;
      readonly body: Node;
      readonly span: Span | undefined;
    }
  /** `(step-result "id")` or `(step "id")`: the value of an earlier step. */
  | { readonly kind: 'step-result'; readonly name: string; readonly span: Span | undefined }
  | {
      readonly kind: 'for';
      readonly clauses: readonly ForClause[];
      readonly body: Node;
      /** `for` collects the body's values into a vector; `doseq` runs it for effect (nil). */
      readonly collect: boolean;
      /** Slots renewed on every iteration (a function inside reads them; fresh-frames.ts). */
      readonly fresh: SlotRange | undefined;
      readonly span: Span | undefined;
    }
  | {
      readonly kind: 'dotimes';
      readonly slot: number;
      readonly count: Node;
      readonly body: Node;
      /** Slots renewed on every iteration (a function inside reads them; fresh-frames.ts). */
      readonly fresh: SlotRange | undefined;
      readonly span: Span | undefined;
    }
  /** `@name` (an error when the host has no such value) or `(get :name)` (`optional`: nil). */
  | {
      readonly kind: 'context';
      readonly name: string;
      readonly optional?: boolean;
      readonly span: Span | undefined;
    }
  /** `(call id arg…)`: a capability call through the host. */
  | {
      readonly kind: 'capability';
      readonly id: Node;
      readonly args: readonly Node[];
      readonly span: Span | undefined;
    }
  /** `(defcapability id spec impl)` */
  | {
      readonly kind: 'defcapability';
      readonly id: Node;
      readonly spec: Node;
      readonly impl: Node;
      readonly span: Span | undefined;
    }
  | {
      /** Checks `expr`'s value against a declared type (`context` names the site). */
      readonly kind: 'check';
      readonly expr: Node;
      readonly type: TypeAst;
      readonly context: string;
      readonly span: Span | undefined;
    }
  | {
      readonly kind: 'match';
      readonly target: Node;
      readonly clauses: readonly MatchClause[];
      readonly span: Span | undefined;
    }
  | { readonly kind: 'vector'; readonly items: readonly Node[]; readonly span: Span | undefined }
  | { readonly kind: 'map'; readonly items: readonly Node[]; readonly span: Span | undefined };

/** What a `catch` clause catches: everything, or errors whose code matches. */
export type CatchSelector =
  | { readonly kind: 'all' }
  /** `full` matches the whole code (`runtime/type-error`), `local` the part after `/`. */
  | { readonly kind: 'code'; readonly full: string | undefined; readonly local: string };

export interface CatchClause {
  readonly selector: CatchSelector;
  /** Slot of the bound error value, or -1 for `_`. */
  readonly slot: number;
  readonly body: Node;
}

export interface StepExport {
  readonly key: Keyword;
  readonly alias: string;
}

/** A budget a plan declares (runtime/budget.ts `Budget`, as plain data). */
export interface PlanBudget {
  readonly maxSteps?: number;
  readonly timeoutMs?: number;
  readonly source: string;
}

export interface PlanInput {
  readonly name: string;
  readonly key: Keyword;
  readonly slot: number;
}

export type StepVariant = 'step' | 'step-if' | 'step-loop' | 'step-parallel';

export type ForClause =
  | { readonly kind: 'each'; readonly pattern: Pattern; readonly coll: Node }
  | { readonly kind: 'when' | 'while'; readonly test: Node }
  | { readonly kind: 'let'; readonly bindings: readonly Binding[] };

export interface MatchClause {
  readonly pattern: MatchPattern;
  readonly guard: Node | undefined;
  readonly body: Node;
}

export type NodeKind = Node['kind'];

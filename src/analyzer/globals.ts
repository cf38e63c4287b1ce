import type { Var } from './nodes.js';
import type { StepScope } from './context.js';

/**
 * A namespace: the global variables of one module (or of a script, `user`), the names
 * it imported, and its module aliases. Names are resolved to cells once, during
 * analysis. Lookups fall back to the parent (the core namespace of builtins and
 * stdlib macros).
 */
export class Globals {
  private readonly vars = new Map<string, Var>();
  /** `(import m :as a)`: alias → module namespace. */
  readonly aliases = new Map<string, Globals>();
  /** `(import m :only [f])`: local name → the module's cell. */
  readonly refers = new Map<string, Var>();
  /** Names other modules may use; undefined means every name. */
  exports: Set<string> | undefined = undefined;
  /** Steps run at top level so far (outside any plan), for `(step-result "id")`. */
  readonly steps: StepScope = { done: new Set(), all: new Set(), plan: undefined };

  constructor(
    readonly name = 'user',
    readonly parent: Globals | undefined = undefined,
  ) {}

  /**
   * A bound (or declared, see {@link Var.declared}) cell visible here under `name`
   * (own, imported, then parent), or undefined.
   */
  lookup(name: string): Var | undefined {
    const v = this.vars.get(name);
    if (v !== undefined && (v.value !== undefined || v.declared === true)) return v;
    const r = this.refers.get(name);
    if (r !== undefined && r.value !== undefined) return r;
    return this.parent?.lookup(name);
  }

  /** This namespace's own cell for `name`, created (unbound) if needed: `def`. */
  intern(name: string): Var {
    let v = this.vars.get(name);
    if (v === undefined) {
      v = { name, value: undefined };
      this.vars.set(name, v);
    }
    return v;
  }

  /** An own bound cell (no imports, no parent): what a module exports from. */
  own(name: string): Var | undefined {
    const v = this.vars.get(name);
    return v !== undefined && v.value !== undefined ? v : undefined;
  }

  isExported(name: string): boolean {
    return this.exports === undefined || this.exports.has(name);
  }

  /** Every bound name visible here (for suggestions and completion). */
  names(): string[] {
    const own = [...this.vars.entries()]
      .filter(([, v]) => v.value !== undefined || v.declared === true)
      .map(([k]) => k);
    return [...own, ...this.refers.keys(), ...(this.parent?.names() ?? [])];
  }
}

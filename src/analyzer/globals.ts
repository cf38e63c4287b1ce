import type { Var } from './nodes.js';

/** The global variable table. Names are resolved to cells once, during analysis. */
export class Globals {
  private readonly vars = new Map<string, Var>();

  lookup(name: string): Var | undefined {
    const v = this.vars.get(name);
    return v !== undefined && v.value !== undefined ? v : undefined;
  }

  /** The cell for `name`, created (unbound) if needed: `def` and forward references. */
  intern(name: string): Var {
    let v = this.vars.get(name);
    if (v === undefined) {
      v = { name, value: undefined };
      this.vars.set(name, v);
    }
    return v;
  }

  names(): string[] {
    return [...this.vars.entries()].filter(([, v]) => v.value !== undefined).map(([k]) => k);
  }
}

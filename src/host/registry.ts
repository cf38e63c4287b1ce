import { nearest } from '../analyzer/index.js';
import type { Capability } from './capability.js';

/** The capabilities a host knows, by id. */
export class CapabilityRegistry {
  private readonly byId = new Map<string, Capability>();
  /** Ids a program defined with `defcapability` (it may define them again). */
  private readonly defined = new Set<string>();

  register(c: Capability): void {
    this.byId.set(c.id, c);
  }

  /**
   * Registers a capability a program defines (`defcapability`). A built-in or catalog
   * capability cannot be redefined: the chain would record the program's results under
   * the trusted id. Returns why when refused.
   */
  define(c: Capability): string | undefined {
    if (this.byId.has(c.id) && !this.defined.has(c.id))
      return `'${c.id}' is a built-in or catalog capability; a program cannot redefine it (choose another id)`;
    this.defined.add(c.id);
    this.byId.set(c.id, c);
    return undefined;
  }

  get(id: string): Capability | undefined {
    return this.byId.get(id);
  }

  ids(): string[] {
    return [...this.byId.keys()].sort();
  }

  all(): Capability[] {
    return this.ids().map((id) => this.byId.get(id) as Capability);
  }

  /** Up to three known ids closest to `id` (by edit distance, then shared prefix). */
  suggestions(id: string): string[] {
    const ids = this.ids();
    const out: string[] = [];
    const close = nearest(id, ids);
    if (close !== undefined) out.push(close);
    const prefix = id.split('.').slice(0, -1).join('.');
    for (const k of ids) {
      if (out.length >= 3) break;
      if (prefix !== '' && k.startsWith(`${prefix}.`) && !out.includes(k)) out.push(k);
    }
    return out;
  }
}

import { nearest } from '../analyzer/index.js';
import type { Capability } from './capability.js';

/** The capabilities a host knows, by id. */
export class CapabilityRegistry {
  private readonly byId = new Map<string, Capability>();

  register(c: Capability): void {
    this.byId.set(c.id, c);
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

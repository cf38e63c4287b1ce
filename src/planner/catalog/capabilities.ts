/** Capabilities for the external entries of a catalog (simulated in a dry run). */
import type { Capability } from '../../host/index.js';
import { RtfsError } from '../../runtime/index.js';
import type { CatalogEntry } from './entry.js';
import { schemaType } from './schema-type.js';

/**
 * One `external: true` capability per non-built-in entry, in id order. Their schema
 * types are parsed when first read (a plan calls a few of a catalog's capabilities; a
 * catalog read from the cache, ADR 0060, has parsed none), once per form.
 */
export function catalogCapabilities(entries: readonly CatalogEntry[]): Capability[] {
  return entries
    .filter((e) => !e.builtin)
    .map((e) => ({
      id: e.id,
      description: e.description,
      get inputSchema() {
        return schemaType(e.inputSchema);
      },
      get outputSchema() {
        return schemaType(e.outputSchema);
      },
      ...(e.inputSchema !== null ? { inputSchemaForm: e.inputSchema } : {}),
      ...(e.outputSchema !== null ? { outputSchemaForm: e.outputSchema } : {}),
      effects: [...e.effects],
      external: true,
      impl: () => {
        throw new RtfsError(
          'capability/unavailable',
          `no provider for external capability ${e.id}; run with --dry-run or configure a provider`,
        );
      },
    }));
}

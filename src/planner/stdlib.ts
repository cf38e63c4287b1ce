/**
 * The planner standard library over a catalog: the `planner.*` and `llm.complete`
 * capabilities (built-in catalog plus the given files), the catalog's external
 * capabilities, and the catalog's content (run-catalog.ts says what a run records).
 */
import type { Diagnostic } from '../diagnostics/index.js';
import { catalogCapabilities, catalogContent, loadCatalog } from './catalog/index.js';
import { plannerCapabilities } from './capabilities/index.js';
import type { LlmOptions } from './llm/providers.js';
import type { PlannerStdlib } from './run-catalog.js';

export type { PlannerStdlib };

/** The planner capabilities over the catalog `files` (built-ins included), or its diagnostics. */
export function plannerStdlib(
  files: readonly string[],
  llm?: LlmOptions,
): PlannerStdlib | { diagnostics: readonly Diagnostic[] } {
  const { catalog, diagnostics } = loadCatalog(files);
  if (diagnostics.length > 0) return { diagnostics };
  return {
    capabilities: [
      ...catalogCapabilities(catalog.entries.filter((e) => e.builtin !== true)),
      ...plannerCapabilities({ catalog, ...(llm ? { llm } : {}) }),
    ],
    catalog: { files, snapshot: catalog.snapshot },
    content: catalogContent(catalog),
  };
}

/**
 * The planner standard library for `rtfs run`, `rtfs eval` and the REPL: the `planner.*`
 * capabilities and `llm.complete` over the built-in catalog plus `--catalog FILE`s, and
 * the catalog's external capabilities. The planner module (and zod) is loaded only when
 * a catalog is given or the program mentions a planner capability, so plain runs start
 * fast.
 */
import type { Capability } from '../host/index.js';
import { type Value, Keyword, RMap, RVector } from '../data/index.js';
import type { Diagnostic } from '../diagnostics/index.js';
import type { CliContext } from './io.js';
import { formatDiagnostic } from './color.js';

/** True when `text` may call a planner or LLM capability (so the planner must be loaded). */
export function mentionsPlanner(text: string): boolean {
  return /\b(planner|llm)\./.test(text);
}

/** The planner standard library over a catalog, and what a run records of the catalog. */
export interface PlannerStdlib {
  readonly capabilities: Capability[];
  /** The catalog's files, snapshot and content (`:catalog` in PlanStarted, ContentStored). */
  readonly catalog: { readonly files: readonly string[]; readonly snapshot: string };
  readonly content: Value;
}

/** The planner capabilities over the catalog `files` (built-ins included), or its diagnostics. */
export async function plannerStdlib(
  files: readonly string[],
): Promise<PlannerStdlib | { diagnostics: readonly Diagnostic[] }> {
  const { loadCatalog, catalogCapabilities, plannerCapabilities, catalogContent } =
    await import('../planner/index.js');
  const { catalog, diagnostics } = loadCatalog(files);
  if (diagnostics.length > 0) return { diagnostics };
  return {
    capabilities: [
      ...catalogCapabilities(catalog.entries.filter((e) => e.builtin !== true)),
      ...plannerCapabilities({ catalog }),
    ],
    catalog: { files, snapshot: catalog.snapshot },
    content: catalogContent(catalog),
  };
}

/** What a run records about its catalog: the PlanStarted `:catalog` map. */
export function catalogMeta(p: PlannerStdlib): RMap {
  return RMap.fromFlat([
    Keyword.of('snapshot'),
    p.catalog.snapshot,
    Keyword.of('files'),
    RVector.from([...p.catalog.files]),
  ]);
}

export async function catalogOption(
  files: readonly string[] | undefined,
  text: string,
  ctx: CliContext,
): Promise<PlannerStdlib | undefined | 'error'> {
  if (files === undefined && !mentionsPlanner(text)) return undefined;
  const r = await plannerStdlib(files ?? []);
  if ('diagnostics' in r) {
    const colors = ctx.colors('stderr');
    for (const d of r.diagnostics) ctx.io.stderr.write(`${formatDiagnostic(d, colors)}\n`);
    return 'error';
  }
  return r;
}

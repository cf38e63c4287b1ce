/**
 * The planner standard library for `rtfs run`, `rtfs eval` and the REPL: the `planner.*`
 * capabilities and `llm.complete` over the built-in catalog plus `--catalog FILE`s, and
 * the catalog's external capabilities. The planner module (and zod) is loaded only when
 * a catalog is given or the program mentions a planner capability, so plain runs start
 * fast.
 */
import type { Capability } from '../host/index.js';
import type { Diagnostic } from '../diagnostics/index.js';
import type { CliContext } from './io.js';
import { formatDiagnostic } from './color.js';

/** True when `text` may call a planner or LLM capability (so the planner must be loaded). */
export function mentionsPlanner(text: string): boolean {
  return /\b(planner|llm)\./.test(text);
}

/** The planner capabilities over the catalog `files` (built-ins included), or its diagnostics. */
export async function plannerStdlib(
  files: readonly string[],
): Promise<{ capabilities: Capability[] } | { diagnostics: readonly Diagnostic[] }> {
  const { loadCatalog, catalogCapabilities, plannerCapabilities } =
    await import('../planner/index.js');
  const { catalog, diagnostics } = loadCatalog(files);
  if (diagnostics.length > 0) return { diagnostics };
  return {
    capabilities: [
      ...catalogCapabilities(catalog.entries.filter((e) => e.builtin !== true)),
      ...plannerCapabilities({ catalog }),
    ],
  };
}

export async function catalogOption(
  files: readonly string[] | undefined,
  text: string,
  ctx: CliContext,
): Promise<Capability[] | undefined | 'error'> {
  if (files === undefined && !mentionsPlanner(text)) return undefined;
  const r = await plannerStdlib(files ?? []);
  if ('diagnostics' in r) {
    const colors = ctx.colors('stderr');
    for (const d of r.diagnostics) ctx.io.stderr.write(`${formatDiagnostic(d, colors)}\n`);
    return 'error';
  }
  return r.capabilities;
}

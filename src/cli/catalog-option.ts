/**
 * The planner standard library for `rtfs run`, `rtfs eval` and the REPL: the `planner.*`
 * capabilities and `llm.complete` over the built-in catalog plus `--catalog FILE`s, and
 * the catalog's external capabilities. The planner module (and zod) is loaded only when
 * a catalog is given or the program mentions a planner capability, so plain runs start
 * fast.
 */
import type { Diagnostic } from '../diagnostics/index.js';
import type { CliContext } from './io.js';
import { formatDiagnostic } from './color.js';
import { type PlannerStdlib, mentionsPlanner } from '../planner/run-catalog.js';

export { catalogMeta, mentionsPlanner, type PlannerStdlib } from '../planner/run-catalog.js';

/** The planner capabilities over the catalog `files` (built-ins included), or its diagnostics. */
export async function plannerStdlib(
  files: readonly string[],
): Promise<PlannerStdlib | { diagnostics: readonly Diagnostic[] }> {
  const planner = await import('../planner/stdlib.js');
  return planner.plannerStdlib(files);
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

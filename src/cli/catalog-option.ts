/**
 * `--catalog FILE` for `rtfs run`/`rtfs eval`: the catalog's external capabilities plus the
 * `planner.*` capabilities over it. The planner module (and zod) is loaded only when a
 * catalog is given or the program mentions a planner capability, so plain runs start fast.
 */
import type { Capability } from '../host/index.js';
import type { CliContext } from './io.js';
import { formatDiagnostic } from './color.js';

export async function catalogOption(
  files: readonly string[] | undefined,
  text: string,
  ctx: CliContext,
): Promise<Capability[] | undefined | 'error'> {
  if (files === undefined && !/\b(planner|llm)\./.test(text)) return undefined;
  const { loadCatalog, catalogCapabilities, plannerCapabilities } =
    await import('../planner/index.js');
  const { catalog, diagnostics } = loadCatalog(files ?? []);
  if (diagnostics.length > 0) {
    const colors = ctx.colors('stderr');
    for (const d of diagnostics) ctx.io.stderr.write(`${formatDiagnostic(d, colors)}\n`);
    return 'error';
  }
  return [
    ...catalogCapabilities(catalog.entries.filter((e) => e.builtin !== true)),
    ...plannerCapabilities({ catalog }),
  ];
}

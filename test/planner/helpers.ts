import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createHostedRuntime, type Hosted } from '../../src/host/index.js';
import type { MemoryChain } from '../../src/audit/index.js';
import type { RMap } from '../../src/data/index.js';
import {
  type Catalog,
  type LlmOptions,
  catalogCapabilities,
  loadCatalog,
  plannerCapabilities,
} from '../../src/planner/index.js';

export const root = new URL('../../', import.meta.url).pathname;
export const goalsDir = join(root, 'examples/goals');
export const defaultCatalogPath = join(root, 'examples/catalogs/default.rtfs');

let cached: Catalog | undefined;

/** The built-ins plus examples/catalogs/default.rtfs (loaded once). */
export function defaultCatalog(): Catalog {
  if (cached === undefined) {
    const r = loadCatalog([defaultCatalogPath]);
    if (r.diagnostics.length > 0) throw new Error(r.diagnostics.map((d) => d.message).join('\n'));
    cached = r.catalog;
  }
  return cached;
}

export function goalFiles(): string[] {
  return readdirSync(goalsDir)
    .filter((f) => f.endsWith('.goal'))
    .sort();
}

export function goalText(file: string): string {
  return readFileSync(join(goalsDir, file), 'utf8').trim();
}

/** A hosted runtime with the catalog and planner capabilities, every capability allowed. */
export function plannerHost(
  opts: { llm?: LlmOptions; dryRun?: boolean; chain?: MemoryChain; inputs?: RMap } = {},
): Hosted {
  const catalog = defaultCatalog();
  return createHostedRuntime({
    policy: { allow: ['*'], deny: [] },
    capabilities: [
      ...catalogCapabilities(catalog.entries),
      ...plannerCapabilities({ catalog, ...(opts.llm ? { llm: opts.llm } : {}) }),
    ],
    ...(opts.dryRun !== undefined ? { dryRun: opts.dryRun } : {}),
    ...(opts.chain ? { sink: opts.chain } : {}),
    ...(opts.inputs ? { inputs: opts.inputs } : {}),
    log: () => undefined,
  });
}

/** The error code of a failed run (undefined when it succeeded). */
export function errorOf(r: {
  ok: boolean;
  error?: { code: string; message: string } | undefined;
  diagnostics?: readonly { code: string; message: string }[] | undefined;
}): { code: string; message: string } | undefined {
  if (r.ok) return undefined;
  return r.error ?? r.diagnostics?.[0];
}

/** Shared by the meta-plan tests: the example catalog, planner capabilities, a run. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { JsonlChain, MemoryChain, readRecords, type ChainRecord } from '../../src/audit/index.js';
import type { Value } from '../../src/data/index.js';
import {
  catalogCapabilities,
  catalogContent,
  loadCatalog,
  plannerCapabilities,
  type LlmProvider,
} from '../../src/planner/index.js';
import type { Capability } from '../../src/host/index.js';
import { runPlanner, type PlannerRunOptions } from '../../src/meta/run-planner.js';

export const CATALOG = fileURLToPath(
  new URL('../../examples/catalogs/default.rtfs', import.meta.url),
);

export function plannerSetup(llm?: LlmProvider): {
  capabilities: Capability[];
  snapshot: string;
  content: Value;
} {
  const { catalog, diagnostics } = loadCatalog([CATALOG]);
  if (diagnostics.length > 0) throw new Error(diagnostics[0]?.message);
  return {
    capabilities: [
      ...catalogCapabilities(catalog.entries.filter((e) => e.builtin !== true)),
      ...plannerCapabilities({ catalog, ...(llm ? { llm } : {}) }),
    ],
    snapshot: catalog.snapshot,
    content: catalogContent(catalog),
  };
}

type Extra = Partial<Omit<PlannerRunOptions, 'goal' | 'capabilities'>> & { llm?: LlmProvider };

/** Runs the planner into a memory chain. */
export function plan(goal: string, extra: Extra = {}) {
  const { llm, ...rest } = extra;
  const setup = plannerSetup(llm);
  const chain = new MemoryChain();
  const result = runPlanner({
    goal,
    capabilities: setup.capabilities,
    catalogSnapshot: setup.snapshot,
    catalogContent: setup.content,
    catalogFiles: [CATALOG],
    sink: chain,
    log: () => undefined,
    out: () => undefined,
    ...rest,
  });
  return { result, chain };
}

/** Runs the planner into an on-disk chain; returns its records and the directory. */
export function planOnDisk(goal: string, extra: Extra = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'rtfs-meta-'));
  const { llm, ...rest } = extra;
  const setup = plannerSetup(llm);
  const sink = JsonlChain.open(dir);
  let result;
  try {
    result = runPlanner({
      goal,
      capabilities: setup.capabilities,
      catalogSnapshot: setup.snapshot,
      catalogContent: setup.content,
      catalogFiles: [CATALOG],
      sink,
      log: () => undefined,
      out: () => undefined,
      ...rest,
    });
  } finally {
    sink.close();
  }
  const records: ChainRecord[] = readRecords(dir);
  return { result, dir, records, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * The planner standard library as a run sees it, without loading the planner: whether a
 * program may call it (`rtfs run`, `rtfs eval`, the REPL, the library and replay load
 * the planner only then, so plain programs start fast and their chains stay small), and
 * what a run records of its catalog (`:catalog` in PlanStarted; the content goes in a
 * ContentStored record) so that any run that used it replays. stdlib.ts builds it.
 */
import { type Value, Keyword, RMap, RVector } from '../data/index.js';
import type { Capability } from '../host/index.js';

/** True when `text` may call a planner or LLM capability (`planner.*`, `llm.*`). */
export function mentionsPlanner(text: string): boolean {
  return /\b(planner|llm)\./.test(text);
}

export interface PlannerStdlib {
  readonly capabilities: Capability[];
  /** The catalog's files and snapshot (`:catalog` in PlanStarted). */
  readonly catalog: { readonly files: readonly string[]; readonly snapshot: string };
  /** The catalog's content (ContentStored, under its snapshot). */
  readonly content: Value;
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

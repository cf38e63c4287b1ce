import type { Value } from '../data/index.js';
import type { TypeAst } from '../types/index.js';

/** What a capability may do; `pure` and `read` are safe to run in a dry run. */
export type Effect = 'pure' | 'read' | 'write' | 'network' | 'llm' | 'human';

export const EFFECTS: readonly Effect[] = ['pure', 'read', 'write', 'network', 'llm', 'human'];

/** How a plan given to `ccos.plan.execute` without a `:mode` runs (`none`: not at all). */
export type ExecuteMode = 'none' | 'dry-run' | 'full';

/** What an implementation gets besides its input: nested calls go through the host. */
export interface CapabilityContext {
  /** Calls another capability (recorded as a child of the current call). */
  call(id: string, input: Value): Value;
  /** Writes a line to the program's log. */
  log(text: string): void;
  /** Runs `body` as a step named `name`, nested under the current call (loop iterations). */
  step(name: string, body: () => Value): Value;
  /** The name of the innermost enclosing step, if any. */
  readonly stepName: string | undefined;
  /**
   * Runs a plan (source text or plan data) as a child of the current call with its own
   * inputs and step table; `dryRun` simulates every capability that is not :pure/:read.
   */
  runPlan(plan: Value, inputs: Value, dryRun: boolean): Value;
  /** The run's mode for plan executions that do not name one (default dry-run). */
  readonly executeMode: ExecuteMode;
}

/**
 * A capability: an id (`core.data.filter`), a description, input and output schemas
 * written as RTFS type expressions (validated on every call), declared effects, and a
 * synchronous implementation (asynchronous providers run through the sync bridge,
 * docs/adr/0007-capability-calls.md).
 */
export interface Capability {
  readonly id: string;
  readonly description: string;
  readonly inputSchema: TypeAst | undefined;
  readonly outputSchema: TypeAst | undefined;
  /** The schemas as written (RTFS data), for catalogs and `:caps`. */
  readonly inputSchemaForm?: Value;
  readonly outputSchemaForm?: Value;
  readonly effects: readonly Effect[];
  /**
   * True for a capability described by a catalog without an implementation in this
   * process (an external service): a dry run always simulates it, a full run reports
   * `capability/unavailable` unless a provider is configured.
   */
  readonly external?: boolean;
  /**
   * Part of the standard library (`core.data.*`, `planner.*`, `ccos.control.loop` …):
   * with only `:pure` effects it runs without a grant (policy.ts).
   */
  readonly standard?: boolean;
  /** Defined by the running program (`defcapability`); `:pure` ones need no grant. */
  readonly definedByProgram?: boolean;
  readonly impl: (input: Value, ctx: CapabilityContext) => Value;
}

/** True when a dry run may execute the capability for real. */
export function isSafeInDryRun(c: Capability): boolean {
  if (c.external === true) return false;
  return c.effects.every((e) => e === 'pure' || e === 'read');
}

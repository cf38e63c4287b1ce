/**
 * The runtime module compiled programs import (`rtfs-ts/runtime`, dist/runtime.js):
 * the helpers the emitted code calls and `startProgram`, which builds the hosted
 * runtime (builtins, core library, capabilities, causal chain) the code links to.
 */
import type { Capability } from '../host/index.js';

export * from './support/index.js';
export { startProgram, Program, type ProgramOptions } from './program-runtime.js';

/** The planner standard library (planner.*, llm.complete) over the built-in catalog. */
export async function loadPlannerStdlib(): Promise<readonly Capability[]> {
  const { loadCatalog, plannerCapabilities } = await import('../planner/index.js');
  return plannerCapabilities({ catalog: loadCatalog([]).catalog });
}

/**
 * The runtime module compiled programs import (`rtfs-ts/runtime`, dist/runtime.js):
 * the helpers the emitted code calls and `startProgram`, which builds the hosted
 * runtime (builtins, core library, capabilities, causal chain) the code links to.
 */
import type { Capability } from '../host/index.js';

export * from './support/index.js';
export { startProgram, Program, type ProgramOptions } from './program-runtime.js';
export { provideCoreLibrary } from '../create-runtime.js';
export { setFullReader } from '../syntax/index.js';
// `rtfs compile --bundle` installs the causal chain kept for --chain or --trace with it.
export { setProgramChain } from './program-chain-loader.js';
// Types the helpers' signatures name (so the declarations of this entry are complete).
export type { Var, CatchSelector } from '../analyzer/index.js';
export type { StepExport } from '../analyzer/nodes.js';
export type { TypeAst } from '../types/index.js';
export type { Builtin } from '../runtime/index.js';

/** The planner standard library (planner.*, llm.complete) over the built-in catalog. */
export async function loadPlannerStdlib(): Promise<readonly Capability[]> {
  const { loadCatalog, plannerCapabilities } = await import('../planner/index.js');
  return plannerCapabilities({ catalog: loadCatalog([]).catalog });
}

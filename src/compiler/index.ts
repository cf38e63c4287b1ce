/**
 * The compiler: analyzed RTFS (the evaluator's own nodes) → JavaScript. In-process
 * (`jsCompiler`, the `--engine compile` of `rtfs run`) and as standalone ES modules
 * (`compileProgram`, `rtfs compile`).
 */
export { jsCompiler, emitTopLevel, liveLink } from './in-process.js';
export { fnJit, loopJit } from './jit-tier.js';
export { Linker, type Link } from './linker.js';
export type { EmitOptions } from './emitter.js';
export {
  compileProgram,
  CompileCodes,
  type CompileOptions,
  type CompileOutcome,
} from './program.js';

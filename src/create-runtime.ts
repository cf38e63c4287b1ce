/**
 * The one place that wires a runtime together: builtins (with their output context),
 * and later the stdlib, the host and the causal-chain sink.
 */
import {
  DEFAULT_JIT_THRESHOLD,
  Runtime,
  evaluator,
  type Host,
  type NodeCompiler,
} from './runtime/index.js';
import type { Budget } from './runtime/budget.js';
import { fnJit, loopJit } from './compiler/jit-loader.js';
import { FsModuleLoader } from './modules/index.js';
import { loadCoreLibrary } from './core-library.js';
import { createBuiltins, type BuiltinContext } from './builtins/index.js';
import { RList } from './data/index.js';

export interface RuntimeOptions {
  /** Where `println` writes (default: process.stdout). */
  readonly out?: (text: string) => void;
  /** Where `log` writes (default: process.stderr). */
  readonly log?: (text: string) => void;
  /** Extra module directories (`--path`). */
  readonly paths?: readonly string[];
  readonly host?: Host;
  /** The engine: the evaluator's closures (default) or e.g. the JavaScript compiler. */
  readonly compiler?: NodeCompiler;
  /**
   * The evaluator's second tier (runtime/jit.ts): a function called this many times
   * runs as compiled JavaScript from then on; `false` keeps every function
   * interpreted. Default {@link DEFAULT_JIT_THRESHOLD}. Ignored with `compiler`.
   */
  readonly jit?: number | false;
  /** Step and time limits of every evaluation (`--max-steps`, `--timeout`; none by default). */
  readonly budget?: Budget;
  /** `*command-line-args*`: the program's arguments (`rtfs run FILE arg…`). */
  readonly commandLineArgs?: readonly string[];
}

export function createRuntime(options: RuntimeOptions = {}): Runtime {
  const ctx: BuiltinContext = {
    out: options.out ?? ((t) => void process.stdout.write(t)),
    log: options.log ?? ((t) => void process.stderr.write(t)),
  };
  const rt = new Runtime(
    createBuiltins(ctx),
    options.host,
    new FsModuleLoader(options.paths ?? []),
    options.compiler ??
      (options.jit === false
        ? evaluator()
        : evaluator(fnJit, options.jit ?? DEFAULT_JIT_THRESHOLD, loopJit)),
  );
  loadCoreLibrary(rt);
  if (options.budget !== undefined) rt.budget = options.budget;
  if (options.commandLineArgs !== undefined && options.commandLineArgs.length > 0) {
    const cell = rt.core.lookup('*command-line-args*');
    if (cell !== undefined) cell.value = new RList([...options.commandLineArgs]);
  }
  return rt;
}

export { provideCoreLibrary } from './core-library.js';

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
import { fnJit } from './compiler/index.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FsModuleLoader, stdlibDir } from './modules/index.js';
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
        : evaluator(fnJit, options.jit ?? DEFAULT_JIT_THRESHOLD)),
  );
  loadCoreLibrary(rt);
  if (options.commandLineArgs !== undefined && options.commandLineArgs.length > 0) {
    const cell = rt.core.lookup('*command-line-args*');
    if (cell !== undefined) cell.value = new RList([...options.commandLineArgs]);
  }
  return rt;
}

let coreSource: { uri: string; text: string } | undefined;

/**
 * Gives the core library's text instead of reading stdlib/core.rtfs (for a bundle that
 * runs where the package's files are not: `rtfs compile --bundle`).
 */
export function provideCoreLibrary(text: string, uri = 'stdlib/core.rtfs'): void {
  coreSource = { uri, text };
}

/** Evaluates stdlib/core.rtfs (the core macros) into the runtime's core namespace. */
function loadCoreLibrary(rt: Runtime): void {
  if (coreSource === undefined) {
    const uri = join(stdlibDir(), 'core.rtfs');
    coreSource = { uri, text: readFileSync(uri, 'utf8') };
  }
  const o = rt.evalString(coreSource.text, coreSource.uri, rt.core);
  if (!o.ok) {
    const why = o.diagnostics ? o.diagnostics.map((d) => d.message).join('; ') : o.error.render();
    throw new Error(`rtfs: the core library failed to load: ${why}`);
  }
}

/**
 * The one place that wires a runtime together: builtins (with their output context),
 * and later the stdlib, the host and the causal-chain sink.
 */
import { Runtime, type Host } from './runtime/index.js';
import { FsModuleLoader } from './modules/index.js';
import { createBuiltins, type BuiltinContext } from './builtins/index.js';

export interface RuntimeOptions {
  /** Where `println` writes (default: process.stdout). */
  readonly out?: (text: string) => void;
  /** Where `log` writes (default: process.stderr). */
  readonly log?: (text: string) => void;
  /** Extra module directories (`--path`). */
  readonly paths?: readonly string[];
  readonly host?: Host;
}

export function createRuntime(options: RuntimeOptions = {}): Runtime {
  const ctx: BuiltinContext = {
    out: options.out ?? ((t) => void process.stdout.write(t)),
    log: options.log ?? ((t) => void process.stderr.write(t)),
  };
  return new Runtime(createBuiltins(ctx), options.host, new FsModuleLoader(options.paths ?? []));
}

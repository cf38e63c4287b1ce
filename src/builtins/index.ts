/**
 * The builtin registry: every primitive table, keyed by RTFS name. Add a table here
 * when you add a file.
 */
import type { Builtin } from '../runtime/fn.js';
import type { BuiltinContext } from './context.js';
import { coreBuiltins } from './core.js';

export type { BuiltinContext } from './context.js';

export function createBuiltins(_ctx: BuiltinContext): Builtin[] {
  return [...coreBuiltins];
}

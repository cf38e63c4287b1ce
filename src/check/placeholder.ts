/**
 * What `rtfs check` binds a definition to instead of running it: a function value
 * that cannot be called (check never runs user code, except macro definitions, which
 * the analyzer needs to expand later forms).
 */
import { Fn, RtfsError, RuntimeCodes } from '../runtime/index.js';
import type { Value } from '../data/index.js';

export class Unevaluated extends Fn {
  invoke(_args: Value[]): Value {
    throw new RtfsError(
      RuntimeCodes.type,
      `${this.name ?? 'this value'} is not evaluated by rtfs check (it is only analyzed)`,
    );
  }
}

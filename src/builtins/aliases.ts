/**
 * Builtins that are other builtins under another name (`long` is `int`, `conj!` is
 * `conj`, `str/join` is `join`): the same implementation and arity, reporting the new
 * name in arity errors.
 */
import type { Value } from '../data/index.js';
import { Builtin } from '../runtime/fn.js';
import { ArrayBuiltin } from './support.js';

/** The builtin named `name` in `table`; a missing one is a bug in the registry. */
export function builtinNamed(table: readonly Builtin[], name: string): Builtin {
  const b = table.find((x) => x.name === name);
  if (b === undefined) throw new Error(`no builtin named ${name}`);
  return b;
}

/** `b` under the name `name`, keeping its fast paths and flags. */
export function aliasOf(b: Builtin, name: string): Builtin {
  const copy =
    b instanceof ArrayBuiltin
      ? new AliasBuiltin(name, b)
      : new Builtin(name, b.min, b.max, b.f, b.f1, b.f2);
  copy.numOp = b.numOp;
  copy.acceptsOwned = b.acceptsOwned;
  return copy;
}

/** An alias of an {@link ArrayBuiltin}: calls with an array go straight to it. */
class AliasBuiltin extends Builtin {
  constructor(
    name: string,
    private readonly target: Builtin,
  ) {
    super(name, target.min, target.max, target.f, target.f1, target.f2);
  }

  override invoke(args: Value[]): Value {
    if (args.length < this.min || args.length > this.max) return super.invoke(args);
    return this.target.invoke(args);
  }
}

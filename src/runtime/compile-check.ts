import type { Node } from '../analyzer/index.js';
import { compileValidator, typeErrorMessage, TypeCodes } from '../types/index.js';
import { RECUR, type Code } from './env.js';
import { RtfsError } from './errors.js';

type CheckNode = Extract<Node, { kind: 'check' }>;

/** Validates a value against its declared type (compiled once); `recur` passes through. */
export function compileCheck(n: CheckNode, compile: (n: Node) => Code): Code {
  const expr = compile(n.expr);
  const validate = compileValidator(n.type);
  const { context, span } = n;
  return (env) => {
    const v = expr(env);
    if (v === RECUR) return v;
    const m = validate(v);
    if (m !== undefined)
      throw new RtfsError(TypeCodes.mismatch, typeErrorMessage(context, m), span, v);
    return v;
  };
}

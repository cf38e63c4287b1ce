import type { Node, CatchSelector } from '../analyzer/index.js';
import type { Value } from '../data/index.js';
import type { Code } from './env.js';
import { RtfsError } from './errors.js';
import { fromRangeError } from './range-errors.js';

type TryNode = Extract<Node, { kind: 'try' }>;

function matches(sel: CatchSelector, code: string): boolean {
  if (sel.kind === 'all') return true;
  if (sel.full !== undefined) return code === sel.full;
  const slash = code.lastIndexOf('/');
  return (slash < 0 ? code : code.slice(slash + 1)) === sel.local;
}

/**
 * JS errors that are RTFS-level failures (RangeErrors: stack, string or array length)
 * become RTFS errors; bugs stay bugs.
 */
export function asRtfsError(e: unknown): RtfsError | undefined {
  if (e instanceof RtfsError) return e;
  if (e instanceof RangeError) return fromRangeError(e, undefined);
  return undefined;
}

export function compileTry(n: TryNode, compile: (n: Node) => Code): Code {
  const body = compile(n.body);
  const catches = n.catches.map((c) => ({
    selector: c.selector,
    slot: c.slot,
    body: compile(c.body),
  }));
  const fin = n.finally === undefined ? undefined : compile(n.finally);
  const span = n.span;
  return (env) => {
    try {
      return body(env);
    } catch (e) {
      const err = asRtfsError(e);
      if (err === undefined) throw e;
      if (err.span === undefined) err.span = span;
      // Ctrl-C, an exhausted budget: no handler may swallow them (runtime/budget.ts).
      if (err.fatal) throw err;
      for (const c of catches) {
        if (matches(c.selector, err.code)) {
          if (c.slot >= 0) env[c.slot] = err.toValue() as Value;
          return c.body(env);
        }
      }
      throw err;
    } finally {
      if (fin !== undefined) fin(env);
    }
  };
}

/**
 * Turns analyzed {@link Node}s into closures (`Code`), once; running a program is then
 * calling closures. Locals are array slots, globals are cells, `recur` is a loop.
 */
import type { Span } from '../source/index.js';
import type { Node, Var } from '../analyzer/index.js';
import { type Value, RVector, RMap, printValue } from '../data/index.js';
import { parentOf, RECUR, type Code } from './env.js';
import { Fn, Builtin } from './fn.js';
import { Closure, type CompiledArity } from './closure.js';
import { RtfsError, RuntimeCodes, errorFromThrown } from './errors.js';
import { compileTry } from './compile-try.js';
import { compileMatch } from './compile-match.js';
import { compileCheck } from './compile-check.js';
import type { Host } from './host.js';
import { compileStep, compileFor, compileDotimes } from './compile-step.js';
import { keywordLookup } from './keyword-call.js';
import { compilePattern, type Binder } from './bind-pattern.js';
import type { Destructure } from '../analyzer/nodes.js';

/**
 * A compiler bound to a host: `compile(node)` gives the closure that runs it.
 * (Step forms and `@name` reach the host through this binding, never a global.)
 */
export function makeCompiler(host: Host): (n: Node) => Code {
  const compileNode = (n: Node): Code => compileWith(n, compileNode, host);
  return compileNode;
}

function compileWith(n: Node, compileNode: (n: Node) => Code, host: Host): Code {
  switch (n.kind) {
    case 'const': {
      const v = n.value;
      return () => v;
    }
    case 'local':
      return compileLocal(n.ref.depth, n.ref.slot);
    case 'global':
      return compileGlobal(n.cell, n.span);
    case 'if': {
      const test = compileNode(n.test);
      const then = compileNode(n.then);
      const els = compileNode(n.else);
      return (env) => {
        const t = test(env);
        return t !== null && t !== false ? then(env) : els(env);
      };
    }
    case 'do': {
      const body = n.body.map(compileNode);
      const last = body.pop() as Code;
      return (env) => {
        for (const c of body) c(env);
        return last(env);
      };
    }
    case 'let': {
      const inits = n.bindings.map((b) => compileNode(b.init));
      const binders = n.bindings.map((b) => compilePattern(b.pattern, compileNode));
      const body = compileNode(n.body);
      const slots = n.bindings.map((b) => (b.pattern.kind === 'slot' ? b.pattern.slot : -1));
      if (slots.every((s) => s >= 0)) {
        return (env) => {
          for (let i = 0; i < inits.length; i++) {
            env[slots[i] as number] = (inits[i] as Code)(env);
          }
          return body(env);
        };
      }
      return (env) => {
        for (let i = 0; i < inits.length; i++) (binders[i] as Binder)((inits[i] as Code)(env), env);
        return body(env);
      };
    }
    case 'loop': {
      const inits = n.inits.map(compileNode);
      const slots = n.slots;
      const body = withDestructure(n.destructure, compileNode(n.body), compileNode);
      return (env) => {
        for (let i = 0; i < inits.length; i++) {
          env[slots[i] as number] = (inits[i] as Code)(env);
        }
        for (;;) {
          const v = body(env);
          if (v !== RECUR) return v;
        }
      };
    }
    case 'recur': {
      const args = n.args.map(compileNode);
      const slots = n.slots;
      if (args.length === 1) {
        const a0 = args[0] as Code;
        const s0 = slots[0] as number;
        return (env) => {
          env[s0] = a0(env);
          return RECUR;
        };
      }
      return (env) => {
        const vals = args.map((a) => a(env));
        for (let i = 0; i < vals.length; i++) env[slots[i] as number] = vals[i] as Value;
        return RECUR;
      };
    }
    case 'fn': {
      const arities: CompiledArity[] = n.arities.map((a) => ({
        fixed: a.params.fixed,
        rest: a.params.rest,
        paramSlots: a.paramSlots,
        body: withDestructure(a.destructure, compileNode(a.body), compileNode),
      }));
      const { name, frameSize, selfSlot } = n;
      return (env) => new Closure(name, arities, frameSize, selfSlot, env);
    }
    case 'def': {
      const cell = n.cell;
      const init = compileNode(n.init);
      const macro = n.macro;
      return (env) => {
        const v = init(env);
        cell.value = v;
        cell.macro = macro;
        return macro ? null : v;
      };
    }
    case 'and':
    case 'or':
      return compileLogic(n.kind, n.items.map(compileNode));
    case 'vector': {
      const items = n.items.map(compileNode);
      return (env) => RVector.from(items.map((c) => c(env)));
    }
    case 'map': {
      const items = n.items.map(compileNode);
      return (env) => RMap.fromFlat(items.map((c) => c(env)));
    }
    case 'call':
      return compileCall(n.fn, n.args, n.span, compileNode);
    case 'try':
      return compileTry(n, compileNode);
    case 'match':
      return compileMatch(n, compileNode);
    case 'check':
      return compileCheck(n, compileNode);
    case 'capability': {
      const id = compileNode(n.id);
      const args = n.args.map(compileNode);
      const span = n.span;
      return (env) => {
        const cap = capabilityId(id(env), span);
        return host.callCapability(
          cap,
          args.map((a) => a(env)),
          span,
        );
      };
    }
    case 'defcapability': {
      const id = compileNode(n.id);
      const spec = compileNode(n.spec);
      const impl = compileNode(n.impl);
      const span = n.span;
      return (env) => {
        const cap = capabilityId(id(env), span);
        const fn = impl(env);
        if (!(fn instanceof Fn)) {
          throw new RtfsError(
            RuntimeCodes.type,
            `defcapability ${cap}: the implementation must be a function`,
            span,
          );
        }
        host.defineCapability(cap, spec(env), fn, span);
        return cap;
      };
    }
    case 'step':
      return compileStep(n, compileNode, host);
    case 'for':
      return compileFor(n, compileNode);
    case 'dotimes':
      return compileDotimes(n, compileNode);
    case 'context': {
      const name = n.name;
      const span = n.span;
      const optional = n.optional === true;
      return () => {
        const v = host.contextValue(name);
        if (v === undefined) {
          if (optional) return null;
          throw new RtfsError(
            RuntimeCodes.unknownContext,
            `no host context value '@${name}'`,
            span,
          );
        }
        return v;
      };
    }
    case 'throw': {
      const value = compileNode(n.value);
      const span = n.span;
      return (env) => {
        throw errorFromThrown(value(env), span);
      };
    }
  }
}

/** A capability id from a string or keyword (`:ccos.kv/get` → `"ccos.kv/get"`). */
function capabilityId(v: Value, span: Span | undefined): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'object' && v !== null && v.kind === 'keyword') return v.name;
  throw new RtfsError(
    RuntimeCodes.type,
    `a capability id must be a string or keyword, got ${printValue(v)}`,
    span,
  );
}

/** Runs the destructuring steps, then `body` (on every loop/recur iteration). */
function withDestructure(
  steps: readonly Destructure[],
  body: Code,
  compileNode: (n: Node) => Code,
): Code {
  if (steps.length === 0) return body;
  const binders = steps.map((d) => ({
    slot: d.slot,
    bind: compilePattern(d.pattern, compileNode),
  }));
  return (env) => {
    for (const b of binders) b.bind(env[b.slot] as Value, env);
    return body(env);
  };
}

function compileLocal(depth: number, slot: number): Code {
  switch (depth) {
    case 0:
      return (env) => env[slot] as Value;
    case 1:
      return (env) => parentOf(env)[slot] as Value;
    default:
      return (env) => {
        let e = env;
        for (let d = 0; d < depth; d++) e = parentOf(e);
        return e[slot] as Value;
      };
  }
}

function compileGlobal(cell: Var, span: Span | undefined): Code {
  return () => {
    const v = cell.value;
    if (v === undefined)
      throw new RtfsError(RuntimeCodes.unbound, `unbound symbol '${cell.name}'`, span);
    return v;
  };
}

function compileLogic(kind: 'and' | 'or', items: Code[]): Code {
  if (items.length === 0) return kind === 'and' ? () => true : () => null;
  return (env) => {
    let v: Value = null;
    for (const c of items) {
      v = c(env);
      const truthy = v !== null && v !== false;
      if (kind === 'and' ? !truthy : truthy) return v;
    }
    return v;
  };
}

function notCallable(f: Value, span: Span | undefined): RtfsError {
  return new RtfsError(RuntimeCodes.notCallable, `${printValue(f)} is not a function`, span);
}

/** Adds the call's position to an error raised inside it (RTFS stack trace). */
function locate(e: unknown, span: Span | undefined, callee: Value): unknown {
  if (e instanceof RangeError) {
    return new RtfsError(
      RuntimeCodes.stackDepth,
      'stack depth exceeded (recursion too deep)',
      span,
    );
  }
  if (e instanceof RtfsError) {
    if (e.span === undefined) e.span = span;
    else if (callee instanceof Fn && e.frames.length < 64)
      e.frames.push({ name: callee.name ?? 'fn', span });
  }
  return e;
}

/**
 * A call of a global that currently holds a builtin with a fixed-arity entry goes
 * straight to it while the cell still holds that builtin (redefining `+` still works:
 * the check fails and the generic call runs).
 */
function directBuiltinCall(
  fnNode: Node,
  argNodes: readonly Node[],
  args: Code[],
  span: Span | undefined,
): Code | undefined {
  if (fnNode.kind !== 'global') return undefined;
  const cell = fnNode.cell;
  const b = cell.value;
  if (!(b instanceof Builtin)) return undefined;
  if (args.length === 2 && b.f2 !== undefined && b.min <= 2 && b.max >= 2) {
    const f2 = b.f2;
    const n0 = argNodes[0] as Node;
    const n1 = argNodes[1] as Node;
    if (n0.kind === 'local' && n0.ref.depth === 0 && n1.kind === 'local' && n1.ref.depth === 0) {
      // `(op x y)` with both locals of this frame, e.g. a loop's `(+ acc i)`.
      const s0 = n0.ref.slot;
      const s1 = n1.ref.slot;
      return (env) => {
        const x = env[s0] as Value;
        const y = env[s1] as Value;
        const f = cell.value;
        try {
          return f === b ? f2(x, y) : callValue(f, [x, y], span);
        } catch (e) {
          throw locate(e, span, f ?? null);
        }
      };
    }
    if (n0.kind === 'local' && n0.ref.depth === 0 && n1.kind === 'const') {
      // `(op x 1)` with x a local of this frame: read the slot directly (e.g. fib's
      // `(< n 2)` and `(- n 1)`), saving two closure calls per operation.
      const slot = n0.ref.slot;
      const c = n1.value;
      return (env) => {
        const x = env[slot] as Value;
        const f = cell.value;
        try {
          return f === b ? f2(x, c) : callValue(f, [x, c], span);
        } catch (e) {
          throw locate(e, span, f ?? null);
        }
      };
    }
    const a0 = args[0] as Code;
    const a1 = args[1] as Code;
    return (env) => {
      const x = a0(env);
      const y = a1(env);
      const f = cell.value;
      try {
        return f === b ? f2(x, y) : callValue(f, [x, y], span);
      } catch (e) {
        throw locate(e, span, f ?? null);
      }
    };
  }
  if (args.length === 3 && b.min <= 3 && b.max >= 3) {
    // Three arguments (assoc, update, get-in …): no argument array at the call site.
    const f = b.f;
    const [a0, a1, a2] = args as [Code, Code, Code];
    return (env) => {
      const x = a0(env);
      const y = a1(env);
      const z = a2(env);
      const g = cell.value;
      try {
        return g === b ? f(x, y, z) : callValue(g, [x, y, z], span);
      } catch (e) {
        throw locate(e, span, g ?? null);
      }
    };
  }
  if (args.length === 1 && b.f1 !== undefined && b.min <= 1 && b.max >= 1) {
    const f1 = b.f1;
    const a0 = args[0] as Code;
    return (env) => {
      const x = a0(env);
      const f = cell.value;
      try {
        return f === b ? f1(x) : callValue(f, [x], span);
      } catch (e) {
        throw locate(e, span, f ?? null);
      }
    };
  }
  return undefined;
}

function callValue(f: Value | undefined, args: Value[], span: Span | undefined): Value {
  if (f === undefined) throw new RtfsError(RuntimeCodes.unbound, 'unbound function', span);
  if (f instanceof Fn) return f.invoke(args);
  if (typeof f === 'object' && f !== null && f.kind === 'keyword') {
    return keywordLookup(f, args[0] ?? null, args[1] ?? null);
  }
  throw notCallable(f, span);
}

function compileCall(
  fnNode: Node,
  argNodes: readonly Node[],
  span: Span | undefined,
  compileNode: (n: Node) => Code,
): Code {
  const fc = compileNode(fnNode);
  const args = argNodes.map(compileNode);
  const direct = directBuiltinCall(fnNode, argNodes, args, span);
  if (direct !== undefined) return direct;
  if (args.length === 1 && fnNode.kind === 'local' && fnNode.ref.depth === 0) {
    // A function held in this frame (self-recursion, a let-bound fn): read its slot.
    const slot = fnNode.ref.slot;
    const a0 = args[0] as Code;
    return (env) => {
      const f = env[slot] as Value;
      const x = a0(env);
      try {
        if (f instanceof Fn) return f.call1(x);
        if (typeof f === 'object' && f !== null && f.kind === 'keyword')
          return keywordLookup(f, x, null);
      } catch (e) {
        throw locate(e, span, f);
      }
      throw notCallable(f, span);
    };
  }
  switch (args.length) {
    case 1: {
      const a0 = args[0] as Code;
      return (env) => {
        const f = fc(env);
        const x = a0(env);
        try {
          if (f instanceof Fn) return f.call1(x);
          if (typeof f === 'object' && f !== null && f.kind === 'keyword')
            return keywordLookup(f, x, null);
        } catch (e) {
          throw locate(e, span, f);
        }
        throw notCallable(f, span);
      };
    }
    case 2: {
      const a0 = args[0] as Code;
      const a1 = args[1] as Code;
      return (env) => {
        const f = fc(env);
        const x = a0(env);
        const y = a1(env);
        try {
          if (f instanceof Fn) return f.call2(x, y);
          if (typeof f === 'object' && f !== null && f.kind === 'keyword')
            return keywordLookup(f, x, y);
        } catch (e) {
          throw locate(e, span, f);
        }
        throw notCallable(f, span);
      };
    }
    default:
      return (env) => {
        const f = fc(env);
        const vals = args.map((a) => a(env));
        try {
          if (f instanceof Fn) return f.invoke(vals);
          if (typeof f === 'object' && f !== null && f.kind === 'keyword') {
            throw new RtfsError(
              RuntimeCodes.arity,
              `keyword ${printValue(f)} called with ${vals.length} arguments: expected 1 or 2`,
              span,
            );
          }
        } catch (e) {
          throw locate(e, span, f);
        }
        throw notCallable(f, span);
      };
  }
}

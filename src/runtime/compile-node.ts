/**
 * Turns analyzed {@link Node}s into closures (`Code`), once; running a program is then
 * calling closures. Locals are array slots, globals are cells, `recur` is a loop.
 */
import type { Span } from '../source/index.js';
import { type Node, type Var, linearAccumulator } from '../analyzer/index.js';
import { type Value, Keyword, RVector, RMap } from '../data/index.js';
import { parentOf, RECUR, type Code } from './env.js';
import { Fn } from './fn.js';
import { Closure, type CompiledArity } from './closure.js';
import { RtfsError, RuntimeCodes, errorFromThrown } from './errors.js';
import { compileTry } from './compile-try.js';
import { compileRecur } from './compile-recur.js';
import { compileCall } from './compile-call.js';
import { compileMatch } from './compile-match.js';
import { compileCheck } from './compile-check.js';
import type { Host } from './host.js';
import { compileStep, compileFor, compileDotimes } from './compile-step.js';
import { compilePlan, compileStepResult, PlanStack } from './compile-plan.js';
import { planContext } from './plan-support.js';
import { compilePattern, type Binder } from './bind-pattern.js';
import type { Destructure } from '../analyzer/nodes.js';
import { meter, refuel, shortenChunk } from './budget.js';
import { iterateFresh, freshArityBody } from './fresh-frame.js';
import {
  CapturingJitClosure,
  JitClosure,
  JitSite,
  jitEligible,
  reachesHost,
  type FnJit,
} from './jit.js';
import { LoopSite, loopEligible, type LoopJit } from './loop-jit.js';
import { countedIterations } from './counted-loop.js';
import { capabilityId } from './capability-id.js';

// Its own file: compiled modules' support (compiler/support/forms.ts) uses it alone.
export { capabilityId };

/**
 * A compiler bound to a host: `compile(node)` gives the closure that runs it.
 * (Step forms and `@name` reach the host through this binding, never a global.)
 */
export function makeCompiler(host: Host, jit?: JitOptions): (n: Node) => Code {
  const plans = new PlanStack();
  const compileNode = (n: Node): Code => compileWith(n, compileNode, host, plans, jit);
  return compileNode;
}

/** The evaluator's second tier (runtime/jit.ts): a compiler for hot functions. */
export interface JitOptions {
  readonly fn: FnJit;
  /** Calls of a function before it is compiled (0: at its first call). */
  readonly threshold: number;
  /** Compiles hot loops where they stand (runtime/loop-jit.ts); none: loops stay here. */
  readonly loop?: LoopJit;
  /** Interpreted iterations of a loop node before it is compiled. */
  readonly loopThreshold: number;
}

/**
 * Steps after a loop switches to compiled code before the next `refuel` (budget.ts
 * `shortenChunk`): enough for V8 to give the new function its feedback vector, far fewer
 * than V8 runs before it optimises the loop, so the compiled `refuel` call has run once
 * by then (ADR 0042).
 */
const LOOP_WARM_STEPS = 64;

/**
 * A loop that runs interpreted until its site compiles it, then continues compiled
 * (from the iteration it is at); later runs go to the compiled loop after the inits.
 */
function tieredLoop(site: LoopSite, inits: Code[], slots: readonly number[], body: Code): Code {
  return (env) => {
    for (let i = 0; i < inits.length; i++) {
      env[slots[i] as number] = (inits[i] as Code)(env);
    }
    let code = site.code;
    if (code === undefined) {
      for (;;) {
        code = site.tick(env);
        if (code !== undefined) {
          shortenChunk(LOOP_WARM_STEPS);
          break;
        }
        if (--meter[0]! < 0) refuel();
        const v = body(env);
        if (v !== RECUR) return v;
      }
    }
    return code(env);
  };
}

function compileWith(
  n: Node,
  compileNode: (n: Node) => Code,
  host: Host,
  plans: PlanStack,
  jit: JitOptions | undefined,
): Code {
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
      if (n.fresh !== undefined) {
        return (env) => {
          for (let i = 0; i < inits.length; i++) {
            env[slots[i] as number] = (inits[i] as Code)(env);
          }
          if (--meter[0]! < 0) refuel();
          return iterateFresh(body, env, slots);
        };
      }
      if (jit?.loop !== undefined && loopEligible(n)) {
        // A loop counted up to a bound that reaches the threshold compiles at once (ADR 0053).
        const threshold = countedIterations(n) >= jit.loopThreshold ? 0 : jit.loopThreshold;
        return tieredLoop(new LoopSite(n, jit.loop, threshold), inits, slots, body);
      }
      return (env) => {
        for (let i = 0; i < inits.length; i++) {
          env[slots[i] as number] = (inits[i] as Code)(env);
        }
        for (;;) {
          if (--meter[0]! < 0) refuel();
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
      return compileRecur(args, slots);
    }
    case 'fn': {
      const arities: CompiledArity[] = n.arities.map((a) => {
        const body = withDestructure(a.destructure, compileNode(a.body), compileNode);
        return {
          fixed: a.params.fixed,
          rest: a.params.rest,
          paramSlots: a.paramSlots,
          body: a.fresh === undefined ? body : freshArityBody(body, a.paramSlots),
        };
      });
      const { name, frameSize, selfSlot } = n;
      const linear = linearAccumulator(n);
      if (jit !== undefined && !reachesHost(n)) {
        const closed = jitEligible(n);
        const site = new JitSite(n, jit.fn, jit.threshold, closed);
        if (!closed) {
          return (env) => {
            const c = new CapturingJitClosure(name, arities, frameSize, selfSlot, env, site);
            c.linearAcc = linear;
            return c;
          };
        }
        return (env) => {
          const c = new JitClosure(name, arities, frameSize, selfSlot, env, site);
          c.linearAcc = linear;
          return c;
        };
      }
      if (linear !== undefined) {
        return (env) => {
          const c = new Closure(name, arities, frameSize, selfSlot, env);
          c.linearAcc = linear;
          return c;
        };
      }
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
      return compileStep(n, compileNode, host, plans);
    case 'plan':
      return compilePlan(n, compileNode, host, plans);
    case 'step-result':
      return compileStepResult(n, plans);
    case 'for':
      return compileFor(n, compileNode);
    case 'dotimes':
      return compileDotimes(n, compileNode);
    case 'context': {
      const key = Keyword.of(n.name);
      const { span } = n;
      const optional = n.optional === true;
      return () => planContext(plans, host, key, optional, span);
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

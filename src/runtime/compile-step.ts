/**
 * Runtime of the step family, `for` and `dotimes`.
 * Steps report start/completion/failure to the host (the causal chain, issue 4).
 * `step-if`/`step-loop` use the reference's step truthiness: `false nil 0 0.0 "" [] {}`
 * are false (unlike `if`).
 */
import type { Node } from '../analyzer/index.js';
import type { PlanStack } from './plan-stack.js';
import { stepRecord, stepValue } from './plan-support.js';
import type { Pattern } from '../analyzer/pattern.js';
import { type Value, RVector, RList, RMap, RFloat, printValue, typeName } from '../data/index.js';
import type { Code, Env } from './env.js';
import type { Host } from './host.js';
import { RtfsError, RuntimeCodes } from './errors.js';
import { meter, refuel } from './budget.js';
import { asRtfsError } from './compile-try.js';
import { compilePattern, type Binder } from './bind-pattern.js';

type StepNode = Extract<Node, { kind: 'step' }>;
type ForNode = Extract<Node, { kind: 'for' }>;
type DotimesNode = Extract<Node, { kind: 'dotimes' }>;

export const STEP_LOOP_MAX = 10_000;

export function stepTruthy(v: Value): boolean {
  if (v === null || v === false || v === 0 || v === '') return false;
  if (v instanceof RFloat) return v.value !== 0;
  if (v instanceof RVector) return v.count > 0;
  if (v instanceof RMap) return v.size > 0;
  if (v instanceof RList) return v.count > 0;
  return true;
}

export function compileStep(
  n: StepNode,
  compile: (n: Node) => Code,
  host: Host,
  plans: PlanStack,
): Code {
  const items = n.items.map(compile);
  const params =
    n.params === undefined ? undefined : { slot: n.params.slot, init: compile(n.params.init) };
  const { name, span, variant } = n;
  const exports = n.exports !== undefined && n.exports.length > 0 ? n.exports : undefined;
  const run = stepBody(variant, items, span);
  return (env) => {
    if (params !== undefined) env[params.slot] = params.init(env);
    const id = host.stepStarted(name, span);
    let v: Value;
    try {
      v = run(env);
    } catch (e) {
      const err = asRtfsError(e);
      if (err !== undefined) host.stepFailed(id, err);
      throw err ?? e;
    }
    v = stepValue(v, exports);
    host.stepCompleted(id, v);
    if (variant === 'step') stepRecord(plans, name, v, exports);
    return v;
  };
}

function stepBody(variant: StepNode['variant'], items: Code[], span: StepNode['span']): Code {
  switch (variant) {
    case 'step':
      return items[0] as Code;
    case 'step-if': {
      const [test, then, els] = items as [Code, Code, Code | undefined];
      return (env) => (stepTruthy(test(env)) ? then(env) : els === undefined ? null : els(env));
    }
    case 'step-loop': {
      const [test, body] = items as [Code, Code];
      return (env) => {
        let last: Value = null;
        for (let i = 0; stepTruthy(test(env)); i++) {
          if (i >= STEP_LOOP_MAX) {
            throw new RtfsError(
              RuntimeCodes.loopLimit,
              `step-loop ran ${STEP_LOOP_MAX} iterations without its test becoming false`,
              span,
            );
          }
          last = body(env);
        }
        return last;
      };
    }
    case 'step-parallel':
      return (env) => RVector.from(items.map((c) => c(env)));
  }
}

/** The elements `for` iterates: vectors, lists, maps (as [k v] entries), strings (characters), nil. */
export function iterable(v: Value, what: string): Value[] {
  if (v === null) return [];
  if (v instanceof RVector) return v.toArray();
  if (v instanceof RList) return v.items.slice();
  if (v instanceof RMap) return [...v.entries()].map(([k, x]) => RVector.of(k, x));
  if (typeof v === 'string') return [...v];
  throw new RtfsError(
    RuntimeCodes.type,
    `${what} expects a collection, got ${typeName(v)} ${printValue(v)}`,
  );
}

type Clause =
  | { kind: 'each'; bind: Binder; coll: Code }
  | { kind: 'when' | 'while'; test: Code }
  | { kind: 'let'; binds: { bind: Binder; init: Code }[] };

export function compileFor(n: ForNode, compile: (n: Node) => Code): Code {
  const clauses: Clause[] = n.clauses.map((c): Clause => {
    switch (c.kind) {
      case 'each':
        return {
          kind: 'each',
          bind: compilePattern(c.pattern as Pattern, compile),
          coll: compile(c.coll),
        };
      case 'when':
      case 'while':
        return { kind: c.kind, test: compile(c.test) };
      case 'let':
        return {
          kind: 'let',
          binds: c.bindings.map((b) => ({
            bind: compilePattern(b.pattern, compile),
            init: compile(b.init),
          })),
        };
    }
  });
  const body = compile(n.body);
  const collect = n.collect;
  // Each element gets its own copy of the frame when a function inside reads a binding.
  const fresh = n.fresh !== undefined;
  return (env) => {
    const out: Value[] = [];
    // Returns false when a :while stopped the enclosing binding's iteration.
    const step = (i: number, f: Env): boolean => {
      if (i === clauses.length) {
        const v = body(f);
        if (collect) out.push(v);
        return true;
      }
      const c = clauses[i] as Clause;
      switch (c.kind) {
        case 'each':
          for (const x of iterable(c.coll(f), 'for')) {
            if (--meter[0]! < 0) refuel();
            const g = fresh ? f.slice() : f;
            c.bind(x, g);
            if (!step(i + 1, g)) break;
          }
          return true;
        case 'when': {
          const t = c.test(f);
          return t === null || t === false ? true : step(i + 1, f);
        }
        case 'while': {
          const t = c.test(f);
          return t === null || t === false ? false : step(i + 1, f);
        }
        case 'let':
          for (const b of c.binds) b.bind(b.init(f), f);
          return step(i + 1, f);
      }
    };
    step(0, env);
    return collect ? RVector.from(out) : null;
  };
}

export function compileDotimes(n: DotimesNode, compile: (n: Node) => Code): Code {
  const count = compile(n.count);
  const body = compile(n.body);
  const { slot, span } = n;
  const fresh = n.fresh !== undefined;
  return (env: Env) => {
    const c = count(env);
    if (typeof c !== 'number') {
      throw new RtfsError(
        RuntimeCodes.type,
        `dotimes expects an integer count, got ${typeName(c)}`,
        span,
      );
    }
    let last: Value = null;
    for (let i = 0; i < c; i++) {
      if (--meter[0]! < 0) refuel();
      const f = fresh ? env.slice() : env;
      f[slot] = i;
      last = body(f);
    }
    return last;
  };
}

/**
 * Running plans: inputs checked against `:input-schema` and bound (as locals and as
 * `context`), the body run with a fresh step-result table, the value checked against
 * `:output-schema`. Step results live in a stack of {@link PlanFrame}s owned by one
 * compiler, so a child plan never sees its parent's steps.
 */
import type { Node } from '../analyzer/index.js';
import type { Keyword } from '../data/index.js';
import { type Value, RMap, printValue } from '../data/index.js';
import { compileValidator, typeErrorMessage } from '../types/index.js';
import type { Code } from './env.js';
import type { Host } from './host.js';
import { RtfsError } from './errors.js';

export const PlanCodes = {
  missingInput: 'plan/missing-input',
  invalidInput: 'plan/invalid-input',
  invalidOutput: 'plan/invalid-output',
  stepNotRun: 'plan/step-not-run',
} as const;

export interface PlanFrame {
  readonly name: string;
  readonly inputs: RMap;
  /** Step id → value, for `(step-result "id")`. */
  readonly results: Map<string, Value>;
  /** Declarative steps' `:output` aliases, readable with `(get :alias)`. */
  readonly aliases: Map<string, Value>;
}

/** The plans running in one runtime, innermost last; the bottom frame is the top level. */
export class PlanStack {
  private readonly frames: PlanFrame[] = [
    { name: '<top>', inputs: RMap.EMPTY, results: new Map(), aliases: new Map() },
  ];

  get current(): PlanFrame {
    return this.frames[this.frames.length - 1] as PlanFrame;
  }

  push(f: PlanFrame): void {
    this.frames.push(f);
  }

  pop(): void {
    if (this.frames.length > 1) this.frames.pop();
  }

  /** A plan input or a step alias named `name`, or undefined. */
  contextValue(key: Keyword): Value | undefined {
    const f = this.current;
    return f.inputs.get(key) ?? f.aliases.get(key.name);
  }
}

type PlanNode = Extract<Node, { kind: 'plan' }>;
type StepResultNode = Extract<Node, { kind: 'step-result' }>;

export function compilePlan(
  n: PlanNode,
  compile: (n: Node) => Code,
  host: Host,
  plans: PlanStack,
): Code {
  const body = compile(n.body);
  const { name, span, inputs, contextSlot, inputType, outputType } = n;
  const checkIn = inputType === undefined ? undefined : compileValidator(inputType);
  const checkOut = outputType === undefined ? undefined : compileValidator(outputType);
  const entries = inputType?.kind === 'map' ? inputType.entries : [];
  const required = entries.filter((e) => !e.optional && e.default === undefined).map((e) => e.key);
  const defaults = entries.filter((e) => e.default !== undefined);
  return (env) => {
    const given = host.planInputs?.();
    let values = given instanceof RMap ? given : RMap.EMPTY;
    for (const d of defaults) {
      if (!values.has(d.key)) values = values.assoc(d.key, d.default as Value);
    }
    for (const e of entries) {
      if (e.optional || e.default !== undefined || values.has(e.key)) continue;
      const stand = host.placeholderInput?.(e.key.name, e.type);
      if (stand !== undefined) values = values.assoc(e.key, stand);
    }
    const missing = required.filter((k) => !values.has(k));
    if (missing.length > 0) {
      const names = missing.map((k) => printValue(k)).join(', ');
      const flags = missing.map((k) => `--input ${(k as Keyword).name}=…`).join(' ');
      throw new RtfsError(
        PlanCodes.missingInput,
        `plan ${name} needs input${missing.length > 1 ? 's' : ''} ${names} (e.g. ${flags})`,
        span,
      );
    }
    const bad = checkIn?.(values);
    if (bad !== undefined) {
      throw new RtfsError(
        PlanCodes.invalidInput,
        typeErrorMessage(`the inputs of plan ${name}`, bad),
        span,
      );
    }
    for (const i of inputs) env[i.slot] = values.get(i.key) ?? null;
    env[contextSlot] = values;
    plans.push({ name, inputs: values, results: new Map(), aliases: new Map() });
    let v: Value;
    try {
      v = body(env);
    } finally {
      plans.pop();
    }
    const badOut = checkOut?.(v);
    if (badOut !== undefined) {
      throw new RtfsError(
        PlanCodes.invalidOutput,
        typeErrorMessage(`the output of plan ${name}`, badOut),
        span,
        v,
      );
    }
    return v;
  };
}

export function compileStepResult(n: StepResultNode, plans: PlanStack): Code {
  const { name, span } = n;
  return () => {
    const v = plans.current.results.get(name);
    if (v === undefined) {
      throw new RtfsError(
        PlanCodes.stepNotRun,
        `step "${name}" has not run in ${plans.current.name} (it is in a branch that was not taken, or it failed)`,
        span,
      );
    }
    return v;
  };
}

/**
 * What running a plan does, shared by both engines (the evaluator's closures in
 * compile-plan.ts / compile-step.ts and compiled code): plan inputs with their
 * defaults, dry-run placeholders and checks, the output check, step results and
 * `:output` aliases, and context lookups that see plan inputs before the host's.
 */
import type { Span } from '../source/index.js';
import { type Value, type Keyword, RMap, printValue } from '../data/index.js';
import { typeErrorMessage, type TypeAst, type Validator } from '../types/index.js';
import { RtfsError, RuntimeCodes } from './errors.js';
import type { Host } from './host.js';
import { PlanCodes, type PlanStack } from './plan-stack.js';
import type { StepExport } from '../analyzer/nodes.js';

/** `@name` / `(get :name)`: a plan input or step alias, else the host's context. */
export function planContext(
  plans: PlanStack,
  host: Host,
  key: Keyword,
  optional: boolean,
  span: Span | undefined,
): Value {
  const v = plans.contextValue(key) ?? host.contextValue(key.name);
  if (v === undefined) {
    if (optional) return null;
    throw new RtfsError(RuntimeCodes.unknownContext, `no host context value '@${key.name}'`, span);
  }
  return v;
}

/** A plan's inputs: given by the host, defaults filled in, required ones present, checked. */
export function planInputs(
  host: Host,
  name: string,
  type: TypeAst | undefined,
  check: Validator | undefined,
  span: Span | undefined,
): RMap {
  const entries = type?.kind === 'map' ? type.entries : [];
  const given = host.planInputs?.();
  let values = given instanceof RMap ? given : RMap.EMPTY;
  for (const d of entries) {
    if (d.default !== undefined && !values.has(d.key)) values = values.assoc(d.key, d.default);
  }
  for (const e of entries) {
    if (e.optional || e.default !== undefined || values.has(e.key)) continue;
    const stand = host.placeholderInput?.(e.key.name, e.type);
    if (stand !== undefined) values = values.assoc(e.key, stand);
  }
  const missing = entries
    .filter((e) => !e.optional && e.default === undefined && !values.has(e.key))
    .map((e) => e.key);
  if (missing.length > 0) {
    const names = missing.map((k) => printValue(k)).join(', ');
    const flags = missing.map((k) => `--input ${(k as Keyword).name}=…`).join(' ');
    throw new RtfsError(
      PlanCodes.missingInput,
      `plan ${name} needs input${missing.length > 1 ? 's' : ''} ${names} (e.g. ${flags})`,
      span,
    );
  }
  const bad = check?.(values);
  if (bad !== undefined) {
    throw new RtfsError(
      PlanCodes.invalidInput,
      typeErrorMessage(`the inputs of plan ${name}`, bad),
      span,
    );
  }
  return values;
}

export function planInput(values: RMap, key: Value): Value {
  return values.get(key) ?? null;
}

export function planPush(plans: PlanStack, name: string, inputs: RMap): void {
  plans.push({ name, inputs, results: new Map(), aliases: new Map() });
}

export function planOutput(
  check: Validator | undefined,
  v: Value,
  name: string,
  span: Span | undefined,
): Value {
  const bad = check?.(v);
  if (bad !== undefined) {
    throw new RtfsError(
      PlanCodes.invalidOutput,
      typeErrorMessage(`the output of plan ${name}`, bad),
      span,
      v,
    );
  }
  return v;
}

/** `(step-result "id")` */
export function stepResult(plans: PlanStack, name: string, span: Span | undefined): Value {
  const v = plans.current.results.get(name);
  if (v === undefined) {
    throw new RtfsError(
      PlanCodes.stepNotRun,
      `step "${name}" has not run in ${plans.current.name} (it is in a branch that was not taken, or it failed)`,
      span,
    );
  }
  return v;
}

/** A declarative step's value (the `:output` rule), before the host sees it. */
export function stepValue(v: Value, exports: readonly StepExport[] | undefined): Value {
  if (exports === undefined) return v;
  if (v instanceof RMap && exports.every((e) => v.has(e.key))) return v;
  return RMap.fromFlat(exports.flatMap((e) => [e.key, v]));
}

/** After a `step` completed: its result (and aliases) for later `step-result`s. */
export function stepRecord(
  plans: PlanStack,
  name: string,
  v: Value,
  exports: readonly StepExport[] | undefined,
): void {
  const frame = plans.current;
  frame.results.set(name, v);
  if (exports !== undefined)
    for (const e of exports) frame.aliases.set(e.alias, (v as RMap).get(e.key) ?? null);
}

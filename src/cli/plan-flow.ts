/**
 * `rtfs plan --flow FILE`: a user's planner flow (any plan over `planner.*`, the
 * reference's cognitive_flow.rtfs, an edited `--emit-meta-plan`) as the meta-plan; and
 * what `rtfs plan` reads back from a run's records: the final plan and, for a failed
 * run, where it failed (failure-point.ts).
 */
import { readFileSync } from 'node:fs';
import { type Value, Keyword, RMap, RVector } from '../data/index.js';
import { read } from '../syntax/index.js';
import type { ChainAction } from '../audit/index.js';
import type { Diagnostic } from '../diagnostics/index.js';
import { createHostedRuntime, type Capability } from '../host/index.js';
import { inputNames, planParts } from '../meta/plan-data.js';
import type { FlowSpec } from '../meta/run-planner.js';
import { UsageError } from './exit-codes.js';

const k = (n: string): Keyword => Keyword.of(n);

export interface FlowOptions {
  readonly goal: string;
  readonly maxRefinementCycles: number;
  readonly strategy: 'template' | 'llm';
  readonly execute: 'none' | 'dry-run' | 'full';
}

/**
 * Reads a flow file. Its plan gets the goal as input `goal`, and the options as the
 * inputs it declares of `max_refinement_cycles`, `strategy` and `execute` (all of them
 * when it declares no `:input-schema`).
 */
export function loadFlow(
  file: string,
  o: FlowOptions,
): { flow: FlowSpec } | { diagnostics: readonly Diagnostic[] } {
  let source: string;
  try {
    source = readFileSync(file, 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read flow ${file}: ${(e as Error).message}`);
  }
  const r = read(source, file);
  if (r.diagnostics.length > 0) return { diagnostics: r.diagnostics };
  const plan = r.forms[r.forms.length - 1];
  if (plan === undefined) throw new UsageError(`flow ${file} holds no plan`);
  const parts = planParts(plan);
  const declared = parts === undefined ? undefined : inputNames(parts);
  const options: [string, Value][] = [
    ['max_refinement_cycles', o.maxRefinementCycles],
    ['strategy', k(o.strategy)],
    ['execute', k(o.execute)],
  ];
  const flat: Value[] = [k('goal'), o.goal];
  for (const [name, v] of options)
    if (declared === undefined || declared.includes(name)) flat.push(k(name), v);
  return { flow: { uri: file, source, inputs: RMap.fromFlat(flat) } };
}

function get(v: Value | undefined, key: string): Value | undefined {
  return v instanceof RMap ? v.get(k(key)) : undefined;
}

/**
 * The final plan of a planner run, as source and hash: the run's `:final_plan` when it is
 * source; else the last plan `planner.materialize_plan` produced in the run (also when
 * the run failed later); else `:final_plan` planner steps, materialized for display.
 */
export function finalPlanOf(
  actions: readonly ChainAction[],
  value: Value,
  capabilities: readonly Capability[],
): { source: string; hash: string } | undefined {
  const source = get(value, 'final_plan');
  const hash = get(value, 'final_plan_hash');
  if (typeof source === 'string' && typeof hash === 'string') return { source, hash };
  const made = [...actions]
    .reverse()
    .find(
      (a) =>
        a.type === 'CapabilityResult' &&
        a.name === 'planner.materialize_plan' &&
        a.result?.ok === true,
    );
  const m = made?.result?.ok === true ? made.result.value : undefined;
  const fromRun = materialized(m);
  if (fromRun !== undefined) return fromRun;
  const steps = get(value, 'final_plan');
  if (!(get(steps, 'steps') instanceof RVector)) return undefined;
  const hosted = createHostedRuntime({ policy: { allow: ['planner.*'], deny: [] }, capabilities });
  try {
    return materialized(
      hosted.host.call(
        'planner.materialize_plan',
        RMap.fromFlat([k('plan'), steps as Value]),
        undefined,
      ),
    );
  } catch {
    return undefined;
  }
}

function materialized(v: Value | undefined): { source: string; hash: string } | undefined {
  const source = get(v, 'source');
  const hash = get(v, 'plan_hash');
  return typeof source === 'string' && typeof hash === 'string' ? { source, hash } : undefined;
}

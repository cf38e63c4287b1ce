/**
 * Model answers → PlanSteps. The answer must contain a JSON array of steps, or an
 * object `{"steps": [...]}` (found by the JSON scanner); each step is checked with zod
 * and its bindings are converted with their JSON types kept (planner.md §1.3): a
 * string, number or boolean is a typed literal, `{"var": "x"}` a plan input,
 * `{"step": "s1", "output": "k"}` an earlier step's output, `{"rtfs": "(fn …)"}` code,
 * any other object or array a literal map or vector.
 */
import * as z from 'zod/mini';
import '../../types/zod-english.js';
import { fromPlain, type Value } from '../../data/index.js';
import { RtfsError } from '../../runtime/index.js';
import { nameFromId } from '../catalog/index.js';
import { PlannerCodes } from '../codes.js';
import type { Binding, PlanStep, StepOutput } from '../types.js';
import { firstJson } from './json-scan.js';

// Built on first use: a template-planner run never parses model answers (ADR 0031).
function schemas() {
  const OutputZ = z.union([
    z.string().check(z.minLength(1)),
    z.object({
      name: z.string().check(z.minLength(1)),
      output: z.optional(z.string()),
      field: z.optional(z.string()),
    }),
  ]);

  const StepZ = z.object({
    id: z.string().check(z.minLength(1)),
    name: z.optional(z.string()),
    capability_id: z.string().check(z.minLength(1)),
    inputs: z.optional(z.record(z.string(), z.unknown())),
    outputs: z.optional(z.array(OutputZ)),
    notes: z.optional(z.string()),
  });

  return { StepZ, StepsZ: z.array(StepZ).check(z.minLength(1)) };
}
let built: ReturnType<typeof schemas> | undefined;

type LlmStep = z.infer<ReturnType<typeof schemas>['StepZ']>;

function binding(v: unknown): Binding {
  if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
    const o = v as Record<string, unknown>;
    const keys = Object.keys(o);
    if (keys.length === 1 && typeof o['var'] === 'string') return { kind: 'var', name: o['var'] };
    if (typeof o['step'] === 'string' && typeof o['output'] === 'string' && keys.length === 2)
      return { kind: 'step', step: o['step'], output: o['output'] };
    if (keys.length === 1 && typeof o['rtfs'] === 'string')
      return { kind: 'rtfs', code: o['rtfs'] };
  }
  return { kind: 'literal', value: fromPlain(v) as Value };
}

function toStep(s: LlmStep): PlanStep {
  const inputs: Record<string, Binding> = {};
  for (const key of Object.keys(s.inputs ?? {})) inputs[key] = binding((s.inputs ?? {})[key]);
  const outputs: StepOutput[] = (s.outputs ?? ['result']).map((o) =>
    typeof o === 'string'
      ? { alias: o, source: o }
      : { alias: o.name, source: o.output ?? o.field ?? o.name },
  );
  return {
    id: s.id,
    name: s.name ?? nameFromId(s.capability_id),
    capability_id: s.capability_id,
    inputs,
    outputs,
    notes: s.notes ?? '',
    origin: { clause: s.notes ?? s.id, rule: 'llm' },
  };
}

/** The plan steps in a model answer; `planner/bad-llm-response` when there are none. */
export function parseLlmSteps(text: string): PlanStep[] {
  const errors: string[] = [];
  const steps = firstJson(text, (v) => {
    const candidate =
      v !== null && typeof v === 'object' && !Array.isArray(v) && 'steps' in v
        ? (v as { steps: unknown }).steps
        : v;
    if (!Array.isArray(candidate)) return undefined;
    const r = (built ??= schemas()).StepsZ.safeParse(candidate);
    if (!r.success) {
      errors.push(r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
      return undefined;
    }
    return r.data;
  });
  if (steps === undefined) {
    throw new RtfsError(
      PlannerCodes.badLlmResponse,
      `the model's answer holds no valid JSON plan steps${errors.length > 0 ? ` (${errors[0]})` : ''}`,
    );
  }
  return steps.map(toStep);
}

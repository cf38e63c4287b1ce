/**
 * Runs the planner on one evaluation goal (template provider, no network, no user) and
 * describes what it did as an `Outcome`: the plan it wrote (read back), the gaps it
 * reported, a refusal or a clarifying question, and whether the plan runs in a dry run.
 */
import { join } from 'node:path';
import { type Value, Keyword, RMap, RVector, float } from '../../src/data/index.js';
import { createHostedRuntime, runProgram } from '../../src/host/index.js';
import {
  type Catalog,
  catalogCapabilities,
  loadCatalog,
  runPlannerPipeline,
} from '../../src/planner/index.js';
import { RtfsError } from '../../src/runtime/index.js';
import type { Outcome } from './checks.js';
import { CATALOG_FILES, type EvalGoal } from './goals.js';
import { readPlan } from './plan-form.js';

const root = new URL('../../', import.meta.url).pathname;
const catalogs = new Map<string, Catalog>();

export function evalCatalog(name: EvalGoal['catalog']): Catalog {
  let c = catalogs.get(name);
  if (c === undefined) {
    const r = loadCatalog([join(root, CATALOG_FILES[name])]);
    if (r.diagnostics.length > 0)
      throw new Error(r.diagnostics.map((d) => `${d.code}: ${d.message}`).join('\n'));
    c = r.catalog;
    catalogs.set(name, c);
  }
  return c;
}

/** Sample values for a plan's inputs: its defaults, else a value of the declared type. */
function sampleInputs(plan: NonNullable<Outcome['plan']>): RMap {
  const flat: Value[] = [];
  for (const [name, info] of plan.inputs) {
    flat.push(Keyword.of(name), info.default ?? sample(info.type, name));
  }
  return RMap.fromFlat(flat);
}

function sample(type: Value, name: string): Value {
  const t = type instanceof RVector ? type.get(0) : type;
  if (!(t instanceof Keyword)) return `example ${name}`;
  switch (t.name) {
    case 'int':
    case 'number':
      return 1;
    case 'float':
      return float(1);
    case 'bool':
      return true;
    case 'vector':
      return RVector.EMPTY;
    case 'map':
      return RMap.EMPTY;
    case 'enum':
      return type instanceof RVector ? (type.get(1) ?? null) : null;
    default:
      return `example ${name}`;
  }
}

function dryRun(
  source: string,
  plan: NonNullable<Outcome['plan']>,
  catalog: Catalog,
): { ok: boolean; error?: string } {
  const h = createHostedRuntime({
    policy: { allow: ['*'], deny: [] },
    capabilities: catalogCapabilities(catalog.entries),
    dryRun: true,
    inputs: sampleInputs(plan),
    log: () => undefined,
  });
  const r = runProgram(h, source, 'eval.plan.rtfs');
  if (r.ok) return { ok: true };
  const e = r.error ?? r.diagnostics?.[0];
  return { ok: false, error: e ? `${e.code}: ${e.message}` : 'failed' };
}

export function planOutcome(goal: EvalGoal): Outcome {
  const catalog = evalCatalog(goal.catalog);
  const known = new Set(catalog.entries.map((e) => e.id));
  let r: ReturnType<typeof runPlannerPipeline>;
  try {
    r = runPlannerPipeline(goal.goal, catalog);
  } catch (e) {
    const code = e instanceof RtfsError ? e.code : 'internal';
    const message = e instanceof Error ? `${code}: ${e.message}` : String(e);
    const kind =
      code === 'planner/unsupported-language'
        ? 'unsupported'
        : code === 'planner/ambiguous-goal'
          ? 'ask'
          : 'error';
    return { kind, message, complete: false, gaps: [], known };
  }
  const gaps = r.gaps.map((g) => ({ request_id: g.request_id, description: g.needs }));
  const plan = readPlan(r.plan_source);
  const base = {
    message: gaps.map((g) => g.description).join('; '),
    source: r.plan_source,
    complete: r.coverage.status === 'satisfied' && gaps.length === 0,
    gaps,
    known,
  };
  if (plan === undefined) return { kind: 'error', ...base, message: 'the plan does not read back' };
  return {
    kind: gaps.length > 0 ? 'gap' : 'plan',
    ...base,
    plan,
    dryRun: dryRun(r.plan_source, plan, catalog),
  };
}

/**
 * `PlannerMetaPlanGenerator` (the seed design, planner.md §4–6): (goal, intent?, options)
 * → the RTFS source of a plan that runs the planner pipeline through `planner.*`
 * capabilities. The pipeline is the plain RTFS flow in stdlib/planner/pipeline.rtfs —
 * the generator reads it as data, fills in the goal and the options as input defaults
 * (and the intent, when given, as an argument of the first call), adds extra steps, and
 * prints it. So the file and the generator agree by construction.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Value, Keyword, RList, RMap, RVector, Sym } from '../data/index.js';
import { read } from '../syntax/index.js';
import { stdlibDir } from '../modules/fs-loader.js';
import { buildPlan, callId, kw, option, planParts, transform, withOption } from './plan-data.js';
import { printPlan } from './print.js';

export interface MetaPlanOptions {
  /** Refinement cycles after the first synthesis (default 3). */
  readonly maxRefinementCycles?: number;
  /** `template` (deterministic, default) or `llm`. */
  readonly strategy?: 'template' | 'llm';
  /** Whether the meta-plan runs the final plan (default none). */
  readonly execute?: 'none' | 'dry-run' | 'full';
  /** Intent extraction: `rules` (default) or `llm` (`--intent llm`). */
  readonly intentStrategy?: 'rules' | 'llm';
  /** LLM attempts per synthesis or extraction, the model's mistakes fed back (default 3). */
  readonly maxAttempts?: number;
  /** A plan with gaps (pending steps) is acceptable (`--allow-gaps`; default false). */
  readonly allowGaps?: boolean;
  /** Forms inserted as steps before the result map. */
  readonly extraSteps?: readonly Value[];
}

export const PIPELINE_FILE = 'planner/pipeline.rtfs';

/** The stdlib pipeline's source text. */
export function pipelineSource(): string {
  return readFileSync(join(stdlibDir(), PIPELINE_FILE), 'utf8');
}

interface Pipeline {
  readonly text: string;
  readonly plan: RList;
}

let pipelineRead: Pipeline | undefined;

/** The stdlib pipeline, read once per process (values are immutable). */
function pipeline(): Pipeline {
  if (pipelineRead !== undefined) return pipelineRead;
  const text = pipelineSource();
  const r = read(text, PIPELINE_FILE);
  const plan = r.forms[0];
  if (r.diagnostics.length > 0 || !(plan instanceof RList))
    throw new Error(`stdlib/${PIPELINE_FILE} does not hold a plan`);
  pipelineRead = { text, plan };
  return pipelineRead;
}

/** The stdlib pipeline as plan data. */
export function pipelinePlan(): RList {
  return pipeline().plan;
}

/** Sets the `{:default …}` of input `name` in a `[:map …]` input schema. */
function withDefault(schema: Value, name: string, value: Value): Value {
  if (!(schema instanceof RVector)) return schema;
  const key = Keyword.of(name);
  return RVector.from(
    [...schema].map((entry) => {
      if (!(entry instanceof RVector) || entry.get(0) !== key) return entry;
      const parts = [...entry];
      const props = parts[1] instanceof RMap ? parts[1] : undefined;
      const type = parts[parts.length - 1] as Value;
      const nextProps = (props ?? RMap.EMPTY).assoc(kw('default'), value);
      return RVector.of(key, nextProps, type);
    }),
  );
}

export function metaPlanData(goal: string, intent?: Value, o: MetaPlanOptions = {}): RList {
  const parts = planParts(pipelinePlan());
  if (parts === undefined) throw new Error('the stdlib pipeline is not a (plan …) form');
  let schema = option(parts, 'input-schema') ?? null;
  schema = withDefault(schema, 'goal', goal);
  schema = withDefault(schema, 'max_refinement_cycles', o.maxRefinementCycles ?? 3);
  schema = withDefault(schema, 'strategy', kw(o.strategy ?? 'template'));
  schema = withDefault(schema, 'execute', kw(o.execute ?? 'none'));
  schema = withDefault(schema, 'intent_strategy', kw(o.intentStrategy ?? 'rules'));
  schema = withDefault(schema, 'max_attempts', o.maxAttempts ?? 3);
  schema = withDefault(schema, 'allow_gaps', o.allowGaps ?? false);
  let next = withOption(parts, 'input-schema', schema);
  let body = next.body;
  if (intent !== undefined && intent !== null) {
    body = body.map((f) =>
      transform(f, (v) => {
        if (callId(v) !== 'planner.extract_goal_signals' || !(v instanceof RList)) return v;
        const m = v.items[2];
        if (!(m instanceof RMap)) return v;
        const items = [...v.items];
        items[2] = m.assoc(kw('intent'), intent);
        return new RList(items, v.span, v.meta);
      }),
    );
  }
  if (o.extraSteps !== undefined && o.extraSteps.length > 0) {
    body = [...body.slice(0, -1), ...o.extraSteps, ...body.slice(-1)];
  }
  next = { options: next.options, body };
  return buildPlan(next);
}

/** The meta-plan's source text (formatted; it reads back to {@link metaPlanData}). */
export function generateMetaPlan(goal: string, intent?: Value, o: MetaPlanOptions = {}): string {
  return printMetaPlan(metaPlanData(goal, intent, o));
}

/** A body form standing in for the pipeline's while the options are printed. */
const STAND_IN = Sym.of('_');
const STAND_IN_END = '\n  _)\n';

/**
 * `printPlan(plan)`, faster for a plan whose body is the stdlib pipeline's own forms (a
 * meta-plan nothing rewrote). Printing the whole meta-plan was most of its set-up (10–27 ms
 * in a fresh process, ADR 0036); its body is the pipeline file's, which `npm run fmt:check`
 * keeps formatted. So only the options (the goal and the inputs' defaults) go through the
 * printer, with one stand-in body form so that they are laid out as in the whole plan, and
 * each body form is the file's text for it. Any other plan is printed whole.
 */
export function printMetaPlan(plan: Value): string {
  const parts = planParts(plan);
  const file = pipeline();
  const span = file.plan.span;
  const from = file.plan.count - (planParts(file.plan)?.body.length ?? 0);
  if (parts === undefined || span === undefined || parts.body.length !== file.plan.count - from)
    return printPlan(plan);
  for (let i = 0; i < parts.body.length; i++)
    if (parts.body[i] !== file.plan.items[from + i]) return printPlan(plan);
  const head = printPlan(buildPlan({ options: parts.options, body: [STAND_IN] }));
  if (!head.endsWith(STAND_IN_END)) return printPlan(plan);
  let out = head.slice(0, -STAND_IN_END.length);
  for (let i = from; i < file.plan.count; i++)
    out += `\n  ${file.text.slice(span.childStart(i), span.childEnd(i))}`;
  return `${out})\n`;
}

/**
 * The LLM synthesis loop (`planner.synthesize_plan_steps` with `:strategy :llm`): up to
 * `max_attempts` prompts, each a child `llm.complete` call (so the causal chain holds
 * every prompt and answer, and a replay answers them from the log). An answer without
 * valid JSON steps, a step calling an id the menu does not have (never mapped to a
 * similar one), or schema errors go back to the model as feedback in the next prompt;
 * a failed request (HTTP 5xx, network) is retried as it was; a timeout stops at once.
 * After the last attempt the last parsed plan is returned (its invented ids become
 * gaps), or the last error is raised.
 */
import { RtfsError } from '../../runtime/index.js';
import { LlmCodes, PlannerCodes } from '../codes.js';
import { compareIds, jaccard, tokens } from '../text.js';
import type { GoalSignals, MenuEntry, Plan, PlanStep } from '../types.js';
import { validatePlan } from '../validate.js';
import { parseLlmSteps } from './parse-steps.js';
import { synthesisPrompt } from './prompt.js';

export interface LlmAnswer {
  readonly text: string;
  readonly model: string;
}

export interface LlmSynthesis {
  readonly steps: PlanStep[];
  readonly raw: string;
  readonly log: string;
  readonly attempts: number;
}

export interface LlmSynthesisInput {
  readonly signals: GoalSignals;
  readonly menu: readonly MenuEntry[];
  readonly previous?: Plan;
  readonly feedback?: string;
  readonly maxAttempts: number;
  /** One completion (a child `llm.complete` call); throws an RtfsError on failure. */
  readonly complete: (prompt: string, attempt: number) => LlmAnswer;
}

/** The closest menu ids to an invented one (as a hint to the model, never a mapping). */
function closest(id: string, menu: readonly MenuEntry[]): string[] {
  const t = tokens(id);
  return menu
    .filter((m) => !m.id.startsWith('ccos.'))
    .map((m) => ({ id: m.id, s: jaccard(t, tokens(m.id)) }))
    .filter((x) => x.s > 0)
    .sort((a, b) => b.s - a.s || compareIds(a.id, b.id))
    .slice(0, 3)
    .map((x) => x.id);
}

/** What is wrong with the model's steps, as feedback for the next prompt (empty: nothing). */
export function llmPlanProblems(
  steps: readonly PlanStep[],
  signals: GoalSignals,
  menu: readonly MenuEntry[],
): string[] {
  const known = new Set(menu.map((m) => m.id));
  const out: string[] = [];
  for (const s of steps) {
    if (s.capability_id === 'rtfs' || known.has(s.capability_id)) continue;
    const near = closest(s.capability_id, menu);
    out.push(
      `step ${s.id} calls "${s.capability_id}", which is not in the capability menu: use only ids from the menu${near.length > 0 ? ` (for example ${near.join(', ')})` : ''}, or leave that part out`,
    );
  }
  out.push(...validatePlan({ steps }, signals, menu).schema_errors);
  return out;
}

export function synthesizeWithLlm(i: LlmSynthesisInput): LlmSynthesis {
  let feedback = i.feedback;
  let last: { steps: PlanStep[]; raw: string; model: string; problems: string[] } | undefined;
  let lastError: RtfsError | undefined;
  const notes: string[] = [];
  const max = Math.max(1, Math.min(10, i.maxAttempts));
  let attempt = 0;
  while (attempt < max) {
    attempt++;
    const prompt = synthesisPrompt({
      signals: i.signals,
      menu: i.menu,
      ...(i.previous !== undefined ? { previous: i.previous } : {}),
      ...(feedback !== undefined && feedback.length > 0 ? { feedback } : {}),
      ...(attempt > 1 ? { attempt } : {}),
    });
    let answer: LlmAnswer;
    try {
      answer = i.complete(prompt, attempt);
    } catch (e) {
      // A server error or a dropped connection is worth another try; a timeout, a refused
      // key or a bad request is not.
      if (
        !(e instanceof RtfsError) ||
        e.code !== LlmCodes.requestFailed ||
        !/HTTP 5\d\d|no HTTP status/.test(e.message)
      )
        throw e;
      lastError = e;
      notes.push(`attempt ${attempt}: ${e.message}`);
      continue;
    }
    let steps: PlanStep[];
    try {
      steps = parseLlmSteps(answer.text);
    } catch (e) {
      if (!(e instanceof RtfsError)) throw e;
      lastError = e;
      feedback = `Your previous answer was not usable: ${e.message}. Answer with a JSON array of steps only.`;
      notes.push(`attempt ${attempt}: no valid steps`);
      continue;
    }
    const problems = llmPlanProblems(steps, i.signals, i.menu);
    last = { steps, raw: answer.text, model: answer.model, problems };
    if (problems.length === 0) {
      notes.push(`attempt ${attempt}: ${steps.length} steps from ${answer.model}`);
      return { steps, raw: answer.text, log: `llm: ${notes.join('; ')}`, attempts: attempt };
    }
    feedback = `Your previous plan has problems: ${problems.join('; ')}.`;
    notes.push(`attempt ${attempt}: ${problems.length} problem(s)`);
  }
  if (last !== undefined)
    return {
      steps: last.steps,
      raw: last.raw,
      log: `llm: ${notes.join('; ')}; kept the last plan (${last.problems.join('; ')})`,
      attempts: attempt,
    };
  throw new RtfsError(
    lastError?.code ?? PlannerCodes.badLlmResponse,
    `no usable plan from the model after ${attempt} attempt(s): ${lastError?.message ?? 'no answer'}`,
  );
}

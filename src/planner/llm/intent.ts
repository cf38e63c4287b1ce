/**
 * LLM intent extraction (`planner.extract_goal_signals` with `:strategy :llm`): the
 * versioned prompt `extract_intent v1` asks for the goal's plan inputs and parameters as
 * one JSON object; the answer is scanned (json-scan.ts), checked with zod and turned
 * into an intent that the rule-based extraction then completes.
 */
import * as z from 'zod/mini';
import '../../types/zod-english.js';
import { type Value, fromPlain } from '../../data/index.js';
import { RtfsError } from '../../runtime/index.js';
import { PlannerCodes } from '../codes.js';
import type { IntentInput } from '../signals.js';
import { normName } from '../text.js';
import { firstJson } from './json-scan.js';

export const INTENT_PROMPT_VERSION = 'v1';

export function intentPrompt(goal: string, feedback?: string): string {
  return [
    `# rtfs planner prompt extract_intent ${INTENT_PROMPT_VERSION}`,
    'Extract the parameters this goal states.',
    '',
    `Goal: ${goal}`,
    '',
    'Answer with one JSON object and nothing else:',
    '{"inputs": {"<name>": "<value>"}, "parameters": {"<name>": <value>}}',
    '"inputs" are identifiers a reusable plan takes as inputs (owner, repo, channel, path, url, email addresses, city …);',
    '"parameters" qualify the request (state, labels, limit, days …). Names are snake_case; values keep their JSON types.',
    ...(feedback !== undefined ? ['', `Feedback: ${feedback}`] : []),
  ].join('\n');
}

/** The intent through the model: up to `maxAttempts` prompts, a bad answer fed back. */
export function intentWithLlm(
  goal: string,
  maxAttempts: number,
  complete: (prompt: string) => string,
): IntentInput {
  let feedback: string | undefined;
  let last: RtfsError | undefined;
  for (let attempt = 1; attempt <= Math.max(1, maxAttempts); attempt++) {
    try {
      return parseIntent(complete(intentPrompt(goal, feedback)));
    } catch (e) {
      if (!(e instanceof RtfsError) || e.code !== PlannerCodes.badLlmResponse) throw e;
      last = e;
      feedback = `your previous answer was not usable (${e.message}); answer with the JSON object only`;
    }
  }
  throw last ?? new RtfsError(PlannerCodes.badLlmResponse, 'no intent from the model');
}

// Built on first use: a template-planner run never parses model answers (ADR 0031).
const intentSchema = () =>
  z.object({
    inputs: z.optional(z.record(z.string(), z.unknown())),
    parameters: z.optional(z.record(z.string(), z.unknown())),
  });
let intentZ: ReturnType<typeof intentSchema> | undefined;

function values(o: Readonly<Record<string, unknown>> | undefined): Record<string, Value> {
  const out: Record<string, Value> = {};
  for (const k of Object.keys(o ?? {}).sort()) out[normName(k)] = fromPlain((o ?? {})[k]);
  return out;
}

/** The intent in a model answer; `planner/bad-llm-response` when there is none. */
export function parseIntent(text: string): IntentInput {
  const found = firstJson(text, (v) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return undefined;
    const r = (intentZ ??= intentSchema()).safeParse(v);
    return r.success && (r.data.inputs !== undefined || r.data.parameters !== undefined)
      ? r.data
      : undefined;
  });
  if (found === undefined) {
    throw new RtfsError(
      PlannerCodes.badLlmResponse,
      'the model\'s answer holds no JSON object with "inputs" or "parameters"',
    );
  }
  return { inputs: values(found.inputs), constraints: values(found.parameters) };
}

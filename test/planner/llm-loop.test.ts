/**
 * The LLM attempt loop (src/planner/llm/attempts.ts, intent.ts) with a scripted model:
 * what goes back to the model as feedback, what is retried, what stops at once, and
 * that an invented id is reported (with menu hints) but never mapped.
 */
import { describe, expect, it } from 'vitest';
import {
  buildMenu,
  extractGoalSignals,
  intentWithLlm,
  synthesizeWithLlm,
  validatePlan,
  resolveGaps,
} from '../../src/planner/index.js';
import { RtfsError } from '../../src/runtime/index.js';
import { defaultCatalog } from './helpers.js';

const GOAL = 'get the current weather in Paris and post it to #general';
const GOOD = JSON.stringify([
  {
    id: 'step_1',
    capability_id: 'weather.current',
    inputs: { city: { var: 'city' } },
    outputs: ['conditions'],
  },
  {
    id: 'step_2',
    capability_id: 'slack.post_message',
    inputs: { channel: { var: 'channel' }, text: { step: 'step_1', output: 'conditions' } },
    outputs: ['ts'],
  },
]);
const INVENTED = GOOD.replace('weather.current', 'weather.get_weather_now');

function setup() {
  const catalog = defaultCatalog();
  const signals = extractGoalSignals(GOAL, catalog);
  return { catalog, signals, menu: buildMenu(signals, catalog).menu };
}

/** A model answering from a script; records the prompts it got. */
function model(script: readonly (string | RtfsError)[]) {
  const prompts: string[] = [];
  return {
    prompts,
    complete: (prompt: string) => {
      prompts.push(prompt);
      const a = script[prompts.length - 1] ?? script[script.length - 1] ?? '';
      if (a instanceof RtfsError) throw a;
      return { text: a, model: 'scripted' };
    },
  };
}

describe('synthesizeWithLlm', () => {
  it('feeds an unusable answer back and takes the next', () => {
    const { signals, menu } = setup();
    const m = model(['I cannot do that', GOOD]);
    const r = synthesizeWithLlm({ signals, menu, maxAttempts: 3, complete: m.complete });
    expect(r.attempts).toBe(2);
    expect(r.steps.map((s) => s.capability_id)).toEqual(['weather.current', 'slack.post_message']);
    expect(m.prompts[1]).toMatch(
      /Feedback \(attempt 2\): Your previous answer was not usable: the model's answer holds no valid JSON plan steps/,
    );
  });

  it('reports an invented id with hints from the menu, never as a mapping', () => {
    const { signals, menu } = setup();
    const m = model([INVENTED, GOOD]);
    const r = synthesizeWithLlm({ signals, menu, maxAttempts: 3, complete: m.complete });
    expect(r.attempts).toBe(2);
    expect(m.prompts[1]).toMatch(
      /step step_1 calls "weather\.get_weather_now", which is not in the capability menu: use only ids from the menu \(for example [^)]*weather\.current/,
    );
  });

  it('keeps the last plan when the model keeps inventing, and the id becomes a gap', () => {
    const { catalog, signals, menu } = setup();
    const r = synthesizeWithLlm({
      signals,
      menu,
      maxAttempts: 2,
      complete: model([INVENTED]).complete,
    });
    expect(r.steps[0]?.capability_id).toBe('weather.get_weather_now');
    expect(r.log).toContain('kept the last plan');
    const v = validatePlan({ steps: r.steps }, signals, menu);
    const res = resolveGaps(v.coverage, v.goal_signals, catalog);
    expect(res.mappings).toEqual([]);
    expect(res.pending_requests.map((p) => p.capability_id)).toEqual(['weather.get_weather_now']);
  });

  it('retries a server error, stops at a timeout or a refused request', () => {
    const { signals, menu } = setup();
    const e500 = new RtfsError(
      'llm/request-failed',
      'LLM request to http://x/chat/completions failed: HTTP 500 after 0.01 s',
    );
    const ok = synthesizeWithLlm({
      signals,
      menu,
      maxAttempts: 3,
      complete: model([e500, GOOD]).complete,
    });
    expect(ok.attempts).toBe(2);
    expect(() =>
      synthesizeWithLlm({ signals, menu, maxAttempts: 3, complete: model([e500]).complete }),
    ).toThrow(
      /no usable plan from the model after 3 attempt\(s\): LLM request to http:\/\/x\/chat\/completions failed: HTTP 500/,
    );
    const timeout = model([new RtfsError('llm/timeout', 'timed out'), GOOD]);
    expect(() =>
      synthesizeWithLlm({ signals, menu, maxAttempts: 3, complete: timeout.complete }),
    ).toThrow(/timed out/);
    expect(timeout.prompts).toHaveLength(1);
    const e401 = model([
      new RtfsError('llm/request-failed', 'failed: HTTP 401 after 0.01 s'),
      GOOD,
    ]);
    expect(() =>
      synthesizeWithLlm({ signals, menu, maxAttempts: 3, complete: e401.complete }),
    ).toThrow(/HTTP 401/);
    expect(e401.prompts).toHaveLength(1);
  });

  it('never lists an id missing from the menu as REQUIRED', () => {
    const { signals, menu } = setup();
    const withInvented = {
      ...signals,
      requirements: [
        ...signals.requirements,
        {
          id: 'requirement::must_call::weather.get_weather_now',
          kind: 'must-call-capability' as const,
          capability_id: 'weather.get_weather_now',
          priority: 'must' as const,
          source: { kind: 'derived' as const },
          readiness: 'pending-external' as const,
          metadata: {},
        },
      ],
    };
    const m = model([GOOD]);
    synthesizeWithLlm({ signals: withInvented, menu, maxAttempts: 1, complete: m.complete });
    expect(m.prompts[0]).not.toContain('REQUIRED: call weather.get_weather_now');
  });
});

describe('intentWithLlm', () => {
  it('feeds a bad answer back and parses the next', () => {
    const prompts: string[] = [];
    const answers = ['no idea', '{"inputs": {"city": "Paris"}, "parameters": {"days": 2}}'];
    const intent = intentWithLlm(GOAL, 3, (p) => {
      prompts.push(p);
      return answers[prompts.length - 1] ?? '';
    });
    expect(intent.inputs).toEqual({ city: 'Paris' });
    expect(prompts[1]).toContain('Feedback: your previous answer was not usable');
  });
});

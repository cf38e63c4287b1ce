import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemoryChain } from '../../src/audit/index.js';
import { printValue } from '../../src/data/index.js';
import { runProgram } from '../../src/host/index.js';
import {
  buildMenu,
  extractGoalSignals,
  firstJson,
  intentPrompt,
  llmOptionsFromEnv,
  llmProvider,
  parseIntent,
  parseLlmSteps,
  promptHash,
  scanJsonValues,
  synthesisPrompt,
} from '../../src/planner/index.js';
import { defaultCatalog, errorOf, plannerHost } from './helpers.js';

describe('JSON scanner', () => {
  it('finds the first complete value, skipping brackets inside strings', () => {
    expect(scanJsonValues('Here: [1, "a]b", {"x": "}"}] and {"y": 2}')).toEqual([
      [1, 'a]b', { x: '}' }],
      { y: 2 },
    ]);
  });

  it('handles escapes, nesting, garbage and unbalanced text around', () => {
    const text = 'Sure! ```json\n{"steps": [{"id": "s\\"1", "deep": [[[]]]}]}\n``` ] } trailing [';
    expect(scanJsonValues(text)).toEqual([{ steps: [{ id: 's"1', deep: [[[]]] }] }]);
    expect(scanJsonValues('use "[x]" syntax then [2]')).toEqual([2].map((n) => [n]));
    expect(scanJsonValues('no json here')).toEqual([]);
    expect(scanJsonValues('[1, 2')).toEqual([]);
  });

  it('accepts the first value the caller accepts (an object wrapping the steps)', () => {
    const pick = (v: unknown) => (Array.isArray(v) ? v : undefined);
    expect(firstJson('{"note": 1} then [3]', pick)).toEqual([3]);
  });
});

describe('parseLlmSteps', () => {
  it('accepts {"steps": [...]} and keeps literal types', () => {
    const steps = parseLlmSteps(`I propose:
{"steps": [
  {"id": "step_1", "capability_id": "github.list_issues",
   "inputs": {"owner": {"var": "owner"}, "limit": 5, "closed": false, "labels": ["bug"], "state": "open"},
   "outputs": ["issues"]},
  {"id": "step_2", "capability_id": "core.data.filter",
   "inputs": {"items": {"step": "step_1", "output": "issues"}, "pred": {"rtfs": "(fn [x] true)"}},
   "outputs": [{"name": "kept", "output": "result"}], "notes": "keep all"}
]}`);
    expect(steps).toHaveLength(2);
    const i = steps[0]!.inputs;
    expect(i['owner']).toEqual({ kind: 'var', name: 'owner' });
    expect(i['limit']).toEqual({ kind: 'literal', value: 5 });
    expect(i['closed']).toEqual({ kind: 'literal', value: false });
    expect(i['labels']?.kind === 'literal' && printValue(i['labels'].value)).toBe('["bug"]');
    expect(steps[1]!.inputs['items']).toEqual({ kind: 'step', step: 'step_1', output: 'issues' });
    expect(steps[1]!.inputs['pred']).toEqual({ kind: 'rtfs', code: '(fn [x] true)' });
    expect(steps[1]!.outputs).toEqual([{ alias: 'kept', source: 'result' }]);
    expect(steps[0]!.name).toBe('List Issues');
  });

  it('fails with planner/bad-llm-response when no valid steps are found', () => {
    expect(() => parseLlmSteps('I cannot help')).toThrow(/holds no valid JSON plan steps/);
    try {
      parseLlmSteps('[{"id": "", "capability_id": "x"}]');
    } catch (e) {
      expect((e as { code: string }).code).toBe('planner/bad-llm-response');
      expect((e as Error).message).toMatch(/\(0\.id: /);
    }
  });
});

describe('LLM providers', () => {
  it('configures from the environment', () => {
    expect(llmOptionsFromEnv({})).toEqual({ provider: 'null' });
    expect(llmOptionsFromEnv({ RTFS_LLM_API_KEY: 'k', RTFS_LLM_MODEL: 'm' })).toEqual({
      provider: 'openai',
      baseUrl: 'https://api.openai.com/v1',
      apiKey: 'k',
      model: 'm',
    });
    expect(() => llmOptionsFromEnv({ RTFS_LLM_PROVIDER: 'openai' })).toThrow(
      /needs RTFS_LLM_API_KEY/,
    );
    expect(() => llmOptionsFromEnv({ RTFS_LLM_PROVIDER: 'recorded' })).toThrow(
      /RTFS_LLM_RECORDING/,
    );
    expect(() => llmOptionsFromEnv({ RTFS_LLM_PROVIDER: 'magic' })).toThrow(
      /unknown RTFS_LLM_PROVIDER/,
    );
  });

  it('recorded: answers by prompt sha256, llm/no-recording otherwise', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rtfs-llm-'));
    const file = join(dir, 'rec.json');
    writeFileSync(
      file,
      JSON.stringify({
        format: 'rtfs-llm-recording/1',
        responses: { [promptHash('hello')]: { text: 'hi', model: 'm1' } },
      }),
    );
    const p = llmProvider({ provider: 'recorded', file });
    const req = { purpose: 't', prompt_version: 'v1', temperature: 0 };
    expect(p.complete({ ...req, prompt: 'hello' })).toEqual({ text: 'hi', model: 'm1' });
    expect(() => p.complete({ ...req, prompt: 'other' })).toThrow(
      /no recorded LLM answer for the t prompt sha256:/,
    );
  });
});

describe('synthesize_plan_steps with the :llm strategy', () => {
  const goal = 'list open issues in acme/api labelled bug';
  const catalog = defaultCatalog();
  const signals = extractGoalSignals(goal, catalog);
  const menu = buildMenu(signals, catalog).menu;
  const prompt = synthesisPrompt({ signals, menu });
  const answer =
    'Here is the plan:\n```json\n[{"id": "step_1", "name": "List", "capability_id": "github.list_issues", ' +
    '"inputs": {"owner": {"var": "owner"}, "repo": {"var": "repo"}, "labels": ["bug"], "state": "open"}, "outputs": ["issues"]}]\n```';
  const dir = mkdtempSync(join(tmpdir(), 'rtfs-llm-'));
  const file = join(dir, 'rec.json');
  writeFileSync(
    file,
    JSON.stringify({
      format: 'rtfs-llm-recording/1',
      responses: { [promptHash(prompt)]: { text: answer, model: 'recorded-model' } },
    }),
  );
  const program = `
    (let [sig (:goal_signals (call "planner.extract_goal_signals" {:goal "${goal}"}))
          menu (:menu (call "planner.build_capability_menu" {:goal_signals sig}))]
      (call "planner.synthesize_plan_steps" {:goal_signals sig :menu menu :strategy :llm}))`;

  it('records the llm.complete call as a child of the synthesis call, and parses its answer', () => {
    const chain = new MemoryChain();
    const r = runProgram(
      plannerHost({ llm: { provider: 'recorded', file }, chain }),
      program,
      'p.rtfs',
    );
    expect(r.ok).toBe(true);
    const out = r.ok ? printValue(r.value) : '';
    expect(out).toContain(':strategy :llm');
    expect(out).toContain(':capability_id "github.list_issues"');
    expect(out).toContain(':log "llm: attempt 1: 1 steps from recorded-model (prompt v2)"');
    const actions = chain.records().map((x) => x.action);
    const synth = actions.find(
      (a) => a.type === 'CapabilityCall' && a.name === 'planner.synthesize_plan_steps',
    );
    const llm = actions.find((a) => a.type === 'CapabilityCall' && a.name === 'llm.complete');
    expect(synth).toBeDefined();
    expect(llm?.parent).toBe(synth?.id);
    const args = printValue(llm?.args ?? null);
    expect(args).toContain(':purpose "synthesize_plan_steps"');
    expect(args).toContain(':temperature 0.0');
    expect(args).toContain(':prompt_version "v2"');
  });

  it('is reproducible: the same goal gives the same chain records apart from ids and times', () => {
    // Each record's action without its ids and times (uuid run ids, clock).
    const strip = (c: MemoryChain) =>
      c.lines
        .map((l) => (JSON.parse(l) as { a: Record<string, unknown> }).a)
        .filter((a) => a['type'] !== 'ChainOpened')
        .map((a) => {
          const { id: _i, parent: _p, run: _r, ts: _t, duration_ms: _d, ...rest } = a;
          return JSON.stringify(rest);
        });
    const a = new MemoryChain();
    const b = new MemoryChain();
    runProgram(plannerHost({ llm: { provider: 'recorded', file }, chain: a }), program, 'p.rtfs');
    runProgram(plannerHost({ llm: { provider: 'recorded', file }, chain: b }), program, 'p.rtfs');
    expect(strip(b)).toEqual(strip(a));
    expect(strip(a).length).toBeGreaterThan(6);
  });

  it('fails with llm/disabled under the null provider', () => {
    const r = runProgram(plannerHost(), program, 'p.rtfs');
    expect(r.ok).toBe(false);
    expect(errorOf(r)?.code).toBe('llm/disabled');
  });
});

describe('openai provider (OpenAI-compatible HTTP, through the sync bridge)', () => {
  let server: ChildProcess;
  let port = 0;
  beforeAll(async () => {
    // The server runs in another process: the bridge blocks this thread while it waits.
    server = spawn(process.execPath, [
      '-e',
      `const http = require('node:http');
       const s = http.createServer((req, res) => {
         let body = '';
         req.on('data', (c) => (body += c));
         req.on('end', () => {
           const j = JSON.parse(body);
           res.setHeader('content-type', 'application/json');
           if (req.headers.authorization !== 'Bearer secret') { res.statusCode = 401; return res.end('{"error":"no"}'); }
           res.end(JSON.stringify({ model: j.model + '-served', choices: [{ message: { content: 'echo:' + j.messages[0].content + ' t=' + j.temperature } }] }));
         });
       });
       s.listen(0, '127.0.0.1', () => console.log(s.address().port));`,
    ]);
    port = await new Promise<number>((resolve) => {
      server.stdout?.once('data', (d: Buffer) => resolve(Number(String(d).trim())));
    });
  });
  afterAll(() => {
    server.kill();
  });

  it('posts a chat completion with temperature 0 and returns the text and model', () => {
    const p = llmProvider({
      provider: 'openai',
      baseUrl: `http://127.0.0.1:${port}/v1/`,
      apiKey: 'secret',
      model: 'm',
      timeoutMs: 10_000,
    });
    expect(
      p.complete({ purpose: 't', prompt_version: 'v1', prompt: 'hi', temperature: 0 }),
    ).toEqual({
      text: 'echo:hi t=0',
      model: 'm-served',
    });
  });

  it('reports HTTP errors as llm/request-failed', () => {
    const p = llmProvider({
      provider: 'openai',
      baseUrl: `http://127.0.0.1:${port}/v1`,
      apiKey: 'wrong',
      model: 'm',
      timeoutMs: 10_000,
    });
    expect(() =>
      p.complete({ purpose: 't', prompt_version: 'v1', prompt: 'hi', temperature: 0 }),
    ).toThrow(
      new RegExp(
        `LLM request to http://127.0.0.1:${port}/v1/chat/completions failed: HTTP 401 after`,
      ),
    );
  });
});

describe('extract_goal_signals with the :llm strategy', () => {
  const goal = 'show what is open in the acme api tracker, at most 3';
  const answer =
    'Sure: {"inputs": {"owner": "acme", "repo": "api"}, "parameters": {"state": "open", "limit": 3}} done';
  const dir = mkdtempSync(join(tmpdir(), 'rtfs-llm-'));
  const file = join(dir, 'rec.json');
  writeFileSync(
    file,
    JSON.stringify({
      format: 'rtfs-llm-recording/1',
      responses: { [promptHash(intentPrompt(goal))]: { text: answer } },
    }),
  );

  it('asks the model for inputs and parameters (a child llm.complete call)', () => {
    const chain = new MemoryChain();
    const r = runProgram(
      plannerHost({ llm: { provider: 'recorded', file }, chain }),
      `(:constraints (:goal_signals (call "planner.extract_goal_signals" {:goal "${goal}" :strategy :llm})))`,
      'p.rtfs',
    );
    expect(errorOf(r)).toBeUndefined();
    const shown = r.ok ? printValue(r.value) : '';
    expect(shown).toContain(
      ':name "owner" :role :input :source {:kind :intent-constraint} :value "acme"',
    );
    expect(shown).toContain(':name "limit" :source {:kind :intent-constraint} :value 3');
    const actions = chain.records().map((x) => x.action);
    const extract = actions.find(
      (a) => a.type === 'CapabilityCall' && a.name === 'planner.extract_goal_signals',
    );
    const llm = actions.find((a) => a.type === 'CapabilityCall' && a.name === 'llm.complete');
    expect(llm?.parent).toBe(extract?.id);
  });

  it('rejects an answer without inputs or parameters', () => {
    expect(() => parseIntent('{"foo": 1}')).toThrow(/no JSON object with "inputs" or "parameters"/);
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MemoryChain, runIds } from '../../src/audit/index.js';
import { createHostedRuntime, runProgram } from '../../src/host/index.js';
import { ATTR, otlpJson } from '../../src/export/otlp/index.js';
import type { LlmProvider } from '../../src/planner/index.js';
import { rewriterFromSpec } from '../../src/meta/index.js';
import { plan } from '../meta/helpers.js';
import { attrs, checkAgainstChain, decode } from './otlp-spans.js';

const GOAL = 'list open issues in acme/api labelled bug and email a summary to the team';

/** A deterministic stand-in for a model (as in test/meta/replay.test.ts). */
const MODEL: LlmProvider = {
  label: 'test-model',
  complete: () => ({
    model: 'test-model',
    text: `[{"id": "step_1", "capability_id": "github.list_issues",
  "inputs": {"owner": {"var": "owner"}, "repo": {"var": "repo"}, "state": "open"}, "outputs": ["issues"]}]`,
  }),
};

async function exported(records: Parameters<typeof otlpJson>[0], includeValues = false) {
  const r = await otlpJson(records, { version: '9.9.9', includeValues });
  if (!r.ok) throw new Error(r.error);
  return { ...decode(r.json), json: r.json, count: r.spans };
}

describe('rtfs chain export --format otlp-json', () => {
  const rewrite = rewriterFromSpec('cap-refinement-cycles=2');
  if ('error' in rewrite) throw new Error(rewrite.error);
  const { chain } = plan(GOAL, {
    llm: MODEL,
    options: { strategy: 'llm', execute: 'dry-run' },
    rewriters: [rewrite],
  });
  const records = chain.records();
  const runId = runIds(records)[0]!;

  it('makes one span per plan, step and call, linked and stamped as the chain says', async () => {
    const { spans, resource } = await exported(records);
    checkAgainstChain(spans, records, runId);
    expect(resource['service.name']).toBe('rtfs');
    expect(resource['service.version']).toBe('9.9.9');
    expect(resource['telemetry.sdk.name']).toBe('opentelemetry');
    const root = spans.find((s) => !s.parentSpanId)!;
    expect(root.name).toBe('plan <planner.meta>');
    expect(attrs(root)).toMatchObject({
      'rtfs.run.id': runId,
      'rtfs.plan.goal': GOAL,
      'rtfs.span.kind': 'plan',
    });
    expect(attrs(root)['rtfs.final_plan.hash']).toMatch(/^sha256:/);
    expect(attrs(root)['rtfs.chain.id']).toMatch(/^[0-9a-f]{32}$/);
    const step = spans.find((s) => s.name === 'step extract_goal_signals')!;
    expect(attrs(step)['rtfs.step.name']).toBe('extract_goal_signals');
    const call = spans.find((s) => s.name === 'planner.extract_goal_signals')!;
    expect(call.parentSpanId).toBe(step.spanId);
    expect(attrs(call)).toMatchObject({
      'rtfs.capability.effects': ['pure'],
      'rtfs.policy.decision': 'allow',
      'rtfs.span.kind': 'call',
    });
  });

  it('follows the GenAI semantic conventions for LLM calls', async () => {
    const { spans } = await exported(records);
    const llm = spans.filter((s) => attrs(s)['rtfs.span.kind'] === 'llm');
    expect(llm.length).toBeGreaterThanOrEqual(1);
    for (const s of llm) {
      expect(s.name).toBe('chat test-model');
      expect(s.kind).toBe(3); // CLIENT
      expect(attrs(s)).toMatchObject({
        'gen_ai.operation.name': 'chat',
        'gen_ai.response.model': 'test-model',
        'gen_ai.request.temperature': 0,
        'rtfs.capability.id': 'llm.complete',
        'rtfs.capability.effects': ['llm'],
      });
      expect(attrs(s)['rtfs.llm.prompt_sha256']).toMatch(/^[0-9a-f]{64}$/);
      expect(attrs(s)['gen_ai.input.messages']).toBeUndefined();
    }
  });

  it('adds decoded values only with --include-values', async () => {
    const plainRun = await exported(records);
    expect(plainRun.json).not.toContain('"rtfs.args"');
    const { spans } = await exported(records, true);
    const call = spans.find((s) => s.name === 'planner.extract_goal_signals')!;
    // The meta-plan passes the intent strategy and the LLM attempts (issue 14).
    expect(attrs(call)['rtfs.args']).toBe(`{:goal "${GOAL}" :max_attempts 3 :strategy :rules}`);
    expect(String(attrs(call)['rtfs.result'])).toContain(':goal_signals');
    const llm = spans.find((s) => attrs(s)['rtfs.span.kind'] === 'llm')!;
    const input = JSON.parse(String(attrs(llm)['gen_ai.input.messages']));
    expect(input[0]).toMatchObject({ role: 'user', parts: [{ type: 'text' }] });
    const output = JSON.parse(String(attrs(llm)['gen_ai.output.messages']));
    expect(output[0].parts[0].content).toContain('github.list_issues');
  });

  it('records rewrites as span events and gives the same ids every time', async () => {
    const a = await exported(records);
    const root = a.spans.find((s) => !s.parentSpanId)!;
    const event = root.events?.find((e) => e.name === 'rewrite cap-refinement-cycles');
    expect(event).toBeDefined();
    const rw = records.find((r) => r.action.type === 'RewriteApplied')!;
    expect(attrs(event!)).toMatchObject({
      'rtfs.record.type': 'RewriteApplied',
      'rtfs.rewrite.rule': 'cap-refinement-cycles',
      'rtfs.rewrite.params': '{:max_cycles 2}',
      'rtfs.chain.seq': rw.seq,
      'rtfs.chain.hash': rw.hash,
    });
    expect(event!.timeUnixNano).toBe(String(BigInt(rw.action.ts) * 1_000_000n));
    const b = await exported(records);
    expect(a.json).toBe(b.json);
  });
});

describe('failures and unfinished runs', () => {
  function run(source: string) {
    const chain = new MemoryChain();
    const h = createHostedRuntime({
      policy: { allow: ['ccos.*'], deny: ['ccos.fs.read'] },
      sink: chain,
      log: () => undefined,
      out: () => undefined,
    });
    runProgram(h, source, 'demo.rtfs');
    return { records: chain.records(), runId: h.host.currentRun };
  }

  it('marks a denied call, its step and the run as errors with the error code', async () => {
    const { records, runId } = run(
      '(step "ok" (call "ccos.echo" "x")) (step "read" (call "ccos.fs.read" "/etc/hosts"))',
    );
    const { spans } = await exported(records);
    checkAgainstChain(spans, records, runId);
    const denied = spans.find((s) => s.name === 'ccos.fs.read')!;
    expect(denied.status.code).toBe(2);
    expect(attrs(denied)['error.type']).toBe('capability/denied');
    expect(attrs(denied)['rtfs.policy.decision']).toBe('deny');
    expect(denied.status.message).toMatch(/^capability\/denied: /);
  });

  it('ends spans that have no closing record at the last record, marked no-result', async () => {
    const { records } = run('(step "a" (call "ccos.echo" "x"))');
    const cut = records.slice(0, 4); // ChainOpened, PlanStarted, StepStarted, CapabilityCall
    const { spans } = await exported(cut);
    expect(spans).toHaveLength(3);
    for (const s of spans) {
      expect(attrs(s)['rtfs.status']).toBe('no-result');
      expect(s.endTimeUnixNano).toBe(String(BigInt(cut[3]!.action.ts) * 1_000_000n));
    }
  });

  it('exports one trace per run, or the run asked for', async () => {
    const chain = new MemoryChain();
    for (const p of ['(call "ccos.echo" "a")', '(call "ccos.echo" "b")']) {
      const h = createHostedRuntime({
        policy: { allow: ['ccos.*'], deny: [] },
        sink: chain,
        log: () => undefined,
      });
      runProgram(h, p, 'p.rtfs');
    }
    const records = chain.records();
    const ids = runIds(records);
    const all = await exported(records);
    expect(new Set(all.spans.map((s) => s.traceId)).size).toBe(2);
    const one = await otlpJson(records, { version: '1', runId: ids[1]! });
    expect(
      one.ok && decode(one.json).spans.every((s) => s.traceId === ids[1]!.replace(/-/g, '')),
    ).toBe(true);
    expect(await otlpJson(records, { version: '1', runId: 'nope' })).toEqual({
      ok: false,
      error: 'no run nope in the chain',
    });
  });
});

describe('docs/causal-chain.md', () => {
  it('documents every attribute the export writes', () => {
    const doc = readFileSync(new URL('../../docs/causal-chain.md', import.meta.url), 'utf8');
    const section = doc.slice(doc.indexOf('## Exporting to OpenTelemetry'));
    const missing = Object.values(ATTR).filter(
      (a) => !a.startsWith('service.') && !section.includes(`\`${a}\``),
    );
    expect(missing).toEqual([]);
  });
});

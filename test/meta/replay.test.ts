import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readRecords, type ChainAction } from '../../src/audit/index.js';
import { Keyword, RMap, RVector } from '../../src/data/index.js';
import type { LlmProvider } from '../../src/planner/index.js';
import { replayRecorded as replayPlanner } from '../../src/meta/replay.js';
import { rewriterFromSpec, type Rewriter } from '../../src/meta/index.js';
import { CATALOG, plan, planOnDisk } from './helpers.js';

const GOAL = 'list open issues in acme/api labelled bug and email a summary to the team';

/** A deterministic stand-in for a model: answers every synthesis prompt with this plan. */
const MODEL: LlmProvider = {
  label: 'test-model',
  complete: () => ({
    model: 'test-model',
    text: `Here is the plan:
[{"id": "step_1", "capability_id": "github.list_issues",
  "inputs": {"owner": {"var": "owner"}, "repo": {"var": "repo"}, "state": "open"},
  "outputs": ["issues"]},
 {"id": "step_2", "capability_id": "mail.send",
  "inputs": {"to": {"var": "to"}, "subject": "Open bugs", "body": "See the open bugs in acme/api"},
  "outputs": ["message_id"]}]`,
  }),
};

function rw(spec: string): Rewriter {
  const r = rewriterFromSpec(spec);
  if ('error' in r) throw new Error(r.error);
  return r;
}

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

function onDisk(...args: Parameters<typeof planOnDisk>) {
  const r = planOnDisk(...args);
  cleanups.push(r.cleanup);
  return r;
}

/** Rewrites the chain's only segment with `edit` applied to each line. */
function editLog(dir: string, edit: (line: string) => string): void {
  const seg = readdirSync(dir).find((f) => f.endsWith('.jsonl'));
  if (seg === undefined) throw new Error('no segment');
  const file = join(dir, seg);
  const lines = readFileSync(file, 'utf8').split('\n');
  writeFileSync(file, lines.map(edit).join('\n'));
}

const strip = (a: ChainAction) => {
  const { id: _id, ts: _ts, run: _run, parent: _parent, durationMs: _d, ...rest } = a;
  return rest;
};

describe('planner runs in the causal chain', () => {
  it('logs every planner step as a capability call nested under its step, LLM calls under synthesis', () => {
    const { records } = onDisk(GOAL, { llm: MODEL, options: { strategy: 'llm' } });
    const actions = records.map((r) => r.action);
    const byId = new Map(actions.map((a) => [a.id, a]));
    const calls = actions.filter((a) => a.type === 'CapabilityCall');
    for (const c of calls.filter((x) => x.name?.startsWith('planner.'))) {
      const parent = byId.get(c.parent ?? '');
      expect(['StepStarted', 'CapabilityCall']).toContain(parent?.type);
      if (parent?.type === 'CapabilityCall') expect(parent.name).toBe('planner.assess_criticality');
    }
    const llm = calls.filter((c) => c.name === 'llm.complete');
    expect(llm.length).toBeGreaterThanOrEqual(1);
    for (const c of llm)
      expect(byId.get(c.parent ?? '')?.name).toBe('planner.synthesize_plan_steps');
    const steps = actions.filter((a) => a.type === 'StepStarted').map((a) => a.name);
    expect(steps).toEqual(
      expect.arrayContaining([
        'extract_goal_signals',
        'build_initial_menu',
        'initial_plan_synthesis',
        'refinement_loop',
        'refinement_loop#0',
        'materialize_final_plan',
      ]),
    );
  });

  it('records the rewrites before the first step, with hashes and edits', () => {
    const { records } = onDisk(GOAL, {
      rewriters: [rw('cap-refinement-cycles=2'), rw('insert-approval-gate')],
    });
    const types = records.map((r) => r.action.type);
    const first = types.indexOf('StepStarted');
    const rws = records.filter((r) => r.action.type === 'RewriteApplied').map((r) => r.action);
    expect(rws.map((a) => a.name)).toEqual(['cap-refinement-cycles', 'insert-approval-gate']);
    expect(types.indexOf('RewriteApplied')).toBeLessThan(first);
  });

  it('is deterministic: two runs give the same records (ids, timestamps and durations aside)', () => {
    const a = plan(GOAL, { rewriters: [rw('validate-after-synthesis')] }).chain.records();
    const b = plan(GOAL, { rewriters: [rw('validate-after-synthesis')] }).chain.records();
    const runs = (rs: typeof a) =>
      rs.filter((r) => r.action.type !== 'ChainOpened').map((r) => strip(r.action));
    expect(runs(a)).toEqual(runs(b));
    expect(runs(a).length).toBeGreaterThan(40);
  });
});

describe('replaying a planner run', () => {
  it('replays an untouched log to the identical final plan hash', () => {
    const { records, result } = onDisk(GOAL, {
      llm: MODEL,
      options: { strategy: 'llm', execute: 'dry-run' },
      rewriters: [rw('cap-refinement-cycles=2'), rw('pin-catalog-snapshot')],
    });
    expect(result.kind === 'ran' && result.outcome.ok).toBe(true);
    const r = replayPlanner(records);
    expect(r.ok ? 'ok' : r.message).toBe('ok');
    if (!r.ok || result.kind !== 'ran' || !result.outcome.ok) return;
    const recorded = (result.outcome.value as RMap).get(Keyword.of('final_plan_hash'));
    expect(r.finalPlanHash).toBe(recorded);
    expect(r.reexecuted).toBeGreaterThan(5);
    expect(r.liveCalls).toBe(0);
    expect(r.fromLog).toBeGreaterThan(0);
  });

  it('diverges at the LLM call whose recorded response was edited', () => {
    const { records, dir } = onDisk(GOAL, { llm: MODEL, options: { strategy: 'llm' } });
    const llmResult = records.find(
      (r) => r.action.type === 'CapabilityResult' && r.action.name === 'llm.complete',
    );
    expect(llmResult).toBeDefined();
    editLog(dir, (line) =>
      line.includes('"type":"CapabilityResult"') && line.includes('llm.complete')
        ? line.replace('mail.send', 'mail.reply')
        : line,
    );
    const r = replayPlanner(readRecords(dir));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.message).toContain(`diverged at ${llmResult?.action.callPath ?? '?'}`);
    expect(r.message).toContain('llm.complete');
  });

  it('diverges when a deterministic result was edited', () => {
    const { dir, records } = onDisk(GOAL);
    const menu = records.find(
      (r) =>
        r.action.type === 'CapabilityResult' && r.action.name === 'planner.build_capability_menu',
    );
    editLog(dir, (line) =>
      line.includes(`"call_path":"${menu?.action.callPath}"`) && line.includes('CapabilityResult')
        ? line.replace('github.list_issues', 'github.list_issuez')
        : line,
    );
    const r = replayPlanner(readRecords(dir));
    expect(!r.ok && r.message).toContain(`diverged at ${menu?.action.callPath}`);
  });

  it('fails fast when the catalog changed', () => {
    const { records } = onDisk(GOAL);
    const r = replayPlanner(records, { catalogFiles: [] });
    expect(!r.ok && r.message).toMatch(
      /^the catalog changed since the run: .*github\.list_issues \(removed\)/,
    );
    expect(CATALOG).toContain('default.rtfs');
  });

  it('fails when a recorded rewrite is dropped from the header', () => {
    const { records } = onDisk(GOAL, { rewriters: [rw('cap-refinement-cycles=1')] });
    const edited = records.map((r) => {
      const m = r.action.meta;
      if (r.action.type !== 'PlanStarted' || !(m instanceof RMap)) return r;
      return {
        ...r,
        action: { ...r.action, meta: m.assoc(Keyword.of('rewrites'), RVector.EMPTY) },
      };
    });
    const r = replayPlanner(edited);
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.message).toBe(
        'the rebuilt plan differs from the one that ran: rewrite cap-refinement-cycles (applied in the run) is missing from its recorded rewrites',
      );
  });
});

/** Queries, the causal tree and per-capability stats over decoded records. */
import { describe, it, expect } from 'vitest';
import { RMap, kw } from '../../src/data/index.js';
import type { ActionInput } from '../../src/runtime/audit-sink.js';
import {
  MemoryChain,
  computeStats,
  findRecord,
  formatRecord,
  formatStats,
  formatTree,
  lastRunId,
  parseJsonl,
  percentile,
  queryRecords,
  runIds,
} from '../../src/audit/index.js';

function run(m: MemoryChain, r: string, durations: number[]): void {
  const a = (x: Omit<ActionInput, 'run'>) => m.append({ ...x, run: r });
  a({ id: r, type: 'PlanStarted', parent: null, callPath: '', name: 'demo-plan' });
  a({ id: `${r}/0`, type: 'StepStarted', parent: r, callPath: '0', name: 'fetch' });
  durations.forEach((d, i) => {
    const call = `${r}/0.${i}`;
    a({
      id: call,
      type: 'CapabilityCall',
      parent: `${r}/0`,
      callPath: `0.${i}`,
      name: 'planner.decompose',
      args: RMap.of(kw('goal'), `g${i}`),
    });
    a({
      id: `${call}.0`,
      type: 'CapabilityCall',
      parent: call,
      callPath: `0.${i}.0`,
      name: 'llm.generate',
      args: 'prompt',
    });
    a({
      id: `${call}.0/end`,
      type: 'CapabilityResult',
      parent: `${call}.0`,
      callPath: `0.${i}.0`,
      name: 'llm.generate',
      result: { ok: true, value: 'text' },
      durationMs: d,
    });
    a({
      id: `${call}/end`,
      type: 'CapabilityResult',
      parent: call,
      callPath: `0.${i}`,
      name: 'planner.decompose',
      result: { ok: true, value: [1, 2].length },
      durationMs: d + 1,
    });
  });
  a({
    id: `${r}/0/end`,
    type: 'StepCompleted',
    parent: `${r}/0`,
    callPath: '0',
    result: { ok: true, value: null },
    durationMs: 9,
  });
  a({
    id: `${r}/1`,
    type: 'CapabilityCall',
    parent: r,
    callPath: '1',
    name: 'fs.write',
    args: null,
  });
  a({
    id: `${r}/1/end`,
    type: 'CapabilityResult',
    parent: `${r}/1`,
    callPath: '1',
    name: 'fs.write',
    result: { ok: false, error: { code: 'capability/denied', message: 'not allowed' } },
    durationMs: 0,
  });
  a({ id: `${r}/2`, type: 'CapabilityCall', parent: r, callPath: '2', name: 'net.get', args: 'x' }); // in doubt
  a({
    id: `${r}/end`,
    type: 'PlanAborted',
    parent: r,
    callPath: 'end',
    result: { ok: false, error: { code: 'capability/denied', message: 'not allowed' } },
  });
}

const m = new MemoryChain({ now: () => Date.UTC(2026, 0, 1) });
run(m, 'R1', [5]);
run(m, 'R2', [1, 2, 3, 4, 100]);
const records = parseJsonl(m.toJsonl());

describe('queries', () => {
  it('finds runs, records by id or seq, and filters with AND', () => {
    expect(runIds(records)).toEqual(['R1', 'R2']);
    expect(lastRunId(records)).toBe('R2');
    expect(lastRunId(records.slice(0, 3))).toBe('R1');
    expect(findRecord(records, 'R2/1')?.action.name).toBe('fs.write');
    expect(findRecord(records, 1)?.action.id).toBe('R1');
    expect(findRecord(records, '1')?.action.id).toBe('R1');
    expect(
      queryRecords(records, { run: 'R2', cap: 'llm.*', type: 'CapabilityResult' }),
    ).toHaveLength(5);
    expect(queryRecords(records, { cap: 'fs.write' }).map((r) => r.action.type)).toEqual([
      'CapabilityCall',
      'CapabilityResult',
      'CapabilityCall',
      'CapabilityResult',
    ]);
    expect(queryRecords(records, { type: ['PlanStarted', 'PlanAborted'], limit: 3 })).toHaveLength(
      3,
    );
    expect(queryRecords(records, { parent: 'R1' }).map((r) => r.action.id)).toEqual([
      'R1/0',
      'R1/1',
      'R1/2',
      'R1/end',
    ]);
    expect(queryRecords(records, { fromSeq: 5, toSeq: 6 }).map((r) => r.seq)).toEqual([5, 6]);
    expect(queryRecords(records, { since: Date.UTC(2027, 0, 1) })).toEqual([]);
  });

  it('prints one record with decoded values', () => {
    const text = formatRecord(findRecord(records, 'R1/0.0') as (typeof records)[number]);
    expect(text).toContain('CapabilityCall planner.decompose');
    expect(text).toContain('args        {:goal "g0"}');
    expect(text).toContain('call path   0.0');
    expect(text).toMatch(/args hash {3}[0-9a-f]{64}/);
  });
});

describe('tree', () => {
  it('draws the run from the parent links, results under their calls', () => {
    expect(formatTree(records, 'R1', { seqs: false })).toBe(
      [
        'PlanStarted demo-plan',
        '├─ StepStarted fetch path=0',
        '│  ├─ CapabilityCall planner.decompose path=0.0 args={:goal "g0"}',
        '│  │  ├─ CapabilityCall llm.generate path=0.0.0 args="prompt"',
        '│  │  │  └─ CapabilityResult llm.generate → "text" (5 ms)',
        '│  │  └─ CapabilityResult planner.decompose → 2 (6 ms)',
        '│  └─ StepCompleted → nil (9 ms)',
        '├─ CapabilityCall fs.write path=1 args=nil',
        '│  └─ CapabilityResult fs.write ✗ capability/denied: not allowed (0 ms)',
        '├─ CapabilityCall net.get path=2 args="x"',
        '└─ PlanAborted ✗ capability/denied: not allowed',
      ].join('\n'),
    );
    const all = formatTree(records);
    expect(all.split('\n').filter((l) => l.startsWith('PlanStarted'))).toHaveLength(2);
    expect(all).not.toContain('ChainOpened');
    expect(
      formatTree(
        records.filter((r) => r.action.id !== 'R2/0'),
        'R2',
      ),
    ).toContain('(orphan)');
  });
});

describe('stats', () => {
  it('counts calls, outcomes, in-doubt calls and duration percentiles per capability', () => {
    const s = computeStats(records);
    expect(s.map((x) => x.cap)).toEqual([
      'fs.write',
      'llm.generate',
      'net.get',
      'planner.decompose',
    ]);
    expect(s.find((x) => x.cap === 'llm.generate')).toMatchObject({
      calls: 6,
      ok: 6,
      errors: 0,
      inDoubt: 0,
      p50Ms: 3,
      p95Ms: 100,
      maxMs: 100,
      totalMs: 115,
    });
    expect(s.find((x) => x.cap === 'fs.write')).toMatchObject({ calls: 2, ok: 0, errors: 2 });
    expect(s.find((x) => x.cap === 'net.get')).toMatchObject({ calls: 2, inDoubt: 2, p50Ms: null });
    expect(formatStats(s).split('\n')[0]).toMatch(
      /^capability\s+calls\s+ok\s+errors\s+in doubt\s+p50 ms\s+p95 ms\s+max ms$/,
    );
    expect(percentile([], 0.5)).toBeNull();
    expect(percentile([1, 2, 3, 4], 0.5)).toBe(2);
  });
});

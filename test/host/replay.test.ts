import { describe, it, expect } from 'vitest';
import { MemoryChain } from '../../src/audit/index.js';
import {
  createHostedRuntime,
  runProgram,
  replayRun,
  type Capability,
} from '../../src/host/index.js';
import { Keyword, RMap, type Value } from '../../src/data/index.js';

/** A fake non-deterministic capability that counts its live invocations. */
function counter(): { cap: Capability; calls: () => number } {
  let n = 0;
  return {
    calls: () => n,
    cap: {
      id: 'test.weather',
      description: 'a flaky remote answer',
      inputSchema: undefined,
      outputSchema: undefined,
      effects: ['network'],
      impl: (input: Value) => {
        n++;
        return RMap.fromFlat([Keyword.of('city'), input, Keyword.of('temp'), 20 + n]);
      },
    },
  };
}

const PROGRAM = `
(defn report [city]
  (step "fetch" (let [w (call "test.weather" city)] (str city ": " (:temp w)))))
(step "all" [(report "Paris") (report "Oslo") (call "core.data.count" {:items [1 2]})])`;

function record(source = PROGRAM) {
  const chain = new MemoryChain();
  const c = counter();
  const h = createHostedRuntime({
    policy: { allow: ['*'], deny: [] },
    sink: chain,
    capabilities: [c.cap],
    log: () => undefined,
  });
  const o = runProgram(h, source, 'weather.rtfs');
  return { chain, counter: c, outcome: o };
}

describe('replay', () => {
  it('replays a recorded run with zero live calls and the same final value', () => {
    const { chain, counter: c, outcome } = record();
    expect(outcome.ok).toBe(true);
    expect(c.calls()).toBe(2);
    const again = counter();
    const r = replayRun(chain.records(), { capabilities: [again.cap] });
    // core.data.count is re-executed and compared; the weather comes from the log.
    expect(r).toMatchObject({ ok: true, liveCalls: 0, reexecuted: 1, fromLog: 2 });
    expect(again.calls()).toBe(0);
  });

  it('diverges at the right call path when an argument changes', () => {
    const { chain } = record();
    const changed = PROGRAM.replace('(report "Oslo")', '(report "Bergen")');
    const r = replayRun(chain.records(), { source: changed });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toBe(
      'diverged at 0.1.0 in step "fetch" (test.weather): the arguments differ: recorded "Oslo", replay "Bergen"',
    );
  });

  it('reports calls the replay never made', () => {
    const { chain } = record();
    const shorter = PROGRAM.replace(' (call "core.data.count" {:items [1 2]})', '');
    const r = replayRun(chain.records(), { source: shorter });
    expect(!r.ok && r.message).toBe(
      'diverged at 0.2 in step "all": the run called core.data.count here; the replay ended without it',
    );
  });

  it('reports an extra call', () => {
    const { chain } = record();
    const longer = `${PROGRAM}\n(call "ccos.echo" "extra")`;
    const r = replayRun(chain.records(), { source: longer });
    expect(!r.ok && r.message).toBe(
      'diverged at 1: the run made no call here, the replay calls ccos.echo with "extra"',
    );
  });

  it('answers every call from the log when asked to (no capability re-executed)', () => {
    const { chain } = record();
    const r = replayRun(chain.records(), { live: () => false });
    expect(r).toMatchObject({ ok: true, liveCalls: 0, reexecuted: 0, fromLog: 3 });
  });

  it('names the step, the call and the first differing result of a re-executed capability', () => {
    const { chain } = record();
    const records = chain.records().map((r) =>
      r.action.type === 'CapabilityResult' && r.action.name === 'core.data.count'
        ? {
            ...r,
            action: { ...r.action, result: { ok: true as const, value: 3 }, resultHash: undefined },
          }
        : r,
    );
    const r = replayRun(records);
    expect(!r.ok && r.message).toBe(
      'diverged at 0.2 in step "all" (core.data.count): the result differs: recorded 3, replay 2',
    );
  });

  it('reproduces a failed run as failed, and a different failure as a divergence', () => {
    const chain = new MemoryChain();
    const h = createHostedRuntime({
      policy: { allow: ['core.*'], deny: ['ccos.echo'] },
      sink: chain,
      log: () => undefined,
    });
    const src = '(step "s" [(call "core.data.count" {:items [1]}) (call "ccos.echo" "no")])';
    expect(runProgram(h, src, 'denied.rtfs').ok).toBe(false);
    const r = replayRun(chain.records());
    expect(r).toMatchObject({ ok: true, failed: { code: 'capability/denied' }, reexecuted: 1 });
    const other = replayRun(chain.records(), {
      source: '(step "s" [(call "core.data.count" {:items [1]}) (/ 1 0)])',
    });
    expect(!other.ok && other.message).toContain(
      'diverged at 0.1 in step "s": the run called ccos.echo here',
    );
  });

  it('gives a program the same map order live and in a replay (results from the log are canonical)', () => {
    const chain = new MemoryChain();
    const unordered: Capability = {
      id: 'test.quote',
      description: 'a remote answer whose map is not in canonical key order',
      inputSchema: undefined,
      outputSchema: undefined,
      effects: ['network'],
      impl: () => RMap.fromFlat([Keyword.of('symbol'), 'ACME', Keyword.of('price'), 3]),
    };
    const h = createHostedRuntime({
      policy: { allow: ['*'], deny: [] },
      sink: chain,
      capabilities: [unordered],
      log: () => undefined,
    });
    const o = runProgram(h, '(str (call "test.quote" {}))', 'quote.rtfs');
    expect(o.ok && o.value).toBe('{:price 3 :symbol "ACME"}');
    expect(replayRun(chain.records(), { capabilities: [unordered] })).toMatchObject({
      ok: true,
      fromLog: 1,
    });
  });

  it('replays recorded errors', () => {
    const chain = new MemoryChain();
    const h = createHostedRuntime({
      policy: { allow: ['*'], deny: [] },
      sink: chain,
      log: () => undefined,
    });
    runProgram(h, '(try (call "core.data.count" {:items "x"}) (catch e (:code e)))', 'err.rtfs');
    expect(replayRun(chain.records())).toMatchObject({ ok: true, liveCalls: 0, fromLog: 0 });
  });
});

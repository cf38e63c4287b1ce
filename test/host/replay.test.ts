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
    expect(r).toMatchObject({ ok: true, liveCalls: 0 });
    expect(again.calls()).toBe(0);
  });

  it('diverges at the right call path when an argument changes', () => {
    const { chain } = record();
    const changed = PROGRAM.replace('(report "Oslo")', '(report "Bergen")');
    const r = replayRun(chain.records(), { source: changed });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toMatch(
      /^diverged at 0\.1\.0: expected test\.weather [0-9a-f]{12}, got test\.weather [0-9a-f]{12}$/,
    );
  });

  it('reports calls the replay never made', () => {
    const { chain } = record();
    const shorter = PROGRAM.replace(' (call "core.data.count" {:items [1 2]})', '');
    const r = replayRun(chain.records(), { source: shorter });
    expect(!r.ok && r.message).toBe(
      'diverged at 0.2: expected core.data.count, got the end of the program',
    );
  });

  it('reports an extra call', () => {
    const { chain } = record();
    const longer = `${PROGRAM}\n(call "ccos.echo" "extra")`;
    const r = replayRun(chain.records(), { source: longer });
    expect(!r.ok && r.message).toContain('diverged at 1: expected no call, got ccos.echo');
  });

  it('can re-execute deterministic capabilities live and take the rest from the log', () => {
    const { chain } = record();
    const r = replayRun(chain.records(), {
      live: (cap) => cap?.effects.every((e) => e === 'pure') === true,
    });
    expect(r).toMatchObject({ ok: true, liveCalls: 1 });
  });

  it('replays recorded errors', () => {
    const chain = new MemoryChain();
    const h = createHostedRuntime({
      policy: { allow: ['*'], deny: [] },
      sink: chain,
      log: () => undefined,
    });
    runProgram(h, '(try (call "core.data.count" {:items "x"}) (catch e (:code e)))', 'err.rtfs');
    expect(replayRun(chain.records())).toMatchObject({ ok: true, liveCalls: 0 });
  });
});

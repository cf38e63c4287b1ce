import { describe, it, expect } from 'vitest';
import { createHostedRuntime, runProgram, type Policy } from '../../src/host/index.js';
import type { ActionInput, AuditSink } from '../../src/runtime/audit-sink.js';
import { printValue } from '../../src/data/index.js';

class RecordingSink implements AuditSink {
  readonly actions: ActionInput[] = [];
  readonly durable: boolean[] = [];
  append(a: ActionInput, durable = false): void {
    this.actions.push(a);
    this.durable.push(durable);
  }
  flush(): void {}
}

const ALL: Policy = { allow: ['*'], deny: [] };

function run(src: string, policy: Policy = ALL, extra: { log?: string[] } = {}) {
  const sink = new RecordingSink();
  const h = createHostedRuntime({
    policy,
    sink,
    log: (t) => extra.log?.push(t),
    out: () => undefined,
  });
  const o = runProgram(h, src, 'prog.rtfs');
  const shown = o.ok ? printValue(o.value) : `!! ${o.error?.code ?? o.diagnostics?.[0]?.code}`;
  return { shown, sink, h, o };
}

describe('capability calls', () => {
  it('calls a builtin capability with a string or keyword id', () => {
    expect(run('(call "core.data.count" {:items [1 2 3]})').shown).toBe('3');
    expect(run('(call :core.data.count {:items []})').shown).toBe('0');
  });

  it('runs core.data capabilities', () => {
    const items = '[{:n 3 :t :a} {:n 1 :t :b} {:n 2 :t :a}]';
    expect(run(`(call "core.data.filter" {:items ${items} :where {:t :a}})`).shown).toBe(
      '[{:n 3 :t :a} {:n 2 :t :a}]',
    );
    expect(run(`(call "core.data.sort" {:items ${items} :by :n})`).shown).toBe(
      '[{:n 1 :t :b} {:n 2 :t :a} {:n 3 :t :a}]',
    );
    expect(run(`(call "core.data.sort" {:items ${items} :by :n :order :desc})`).shown).toBe(
      '[{:n 3 :t :a} {:n 2 :t :a} {:n 1 :t :b}]',
    );
    expect(run(`(call "core.data.group" {:items ${items} :by :t})`).shown).toBe(
      '{:a [{:n 3 :t :a} {:n 2 :t :a}] :b [{:n 1 :t :b}]}',
    );
    expect(run(`(call "core.data.map" {:items ${items} :key :n})`).shown).toBe('[3 1 2]');
    expect(run(`(call "core.data.map" {:items [1 2] :fn inc})`).shown).toBe('[2 3]');
    expect(run('(call "core.data.select-keys" {:item {:a 1 :b 2} :keys [:a]})').shown).toBe(
      '{:a 1}',
    );
    expect(run('(call "core.data.zipmap" {:keys [:a :b] :values [1 2]})').shown).toBe(
      '{:a 1 :b 2}',
    );
    expect(run('(call "core.data.zipmap" {:entries [[:a 1]]})').shown).toBe('{:a 1}');
    // A plain map is not silently turned into {}: zipmap rejects it, create_map returns it.
    expect(run('(call "core.data.zipmap" {:a 1})').shown).toBe('!! capability/invalid-input');
    expect(run('(call "core.data.create_map" {:a 1 :b [2]})').shown).toBe('{:a 1 :b [2]}');
    expect(run('(call "core.data.create_map" [1])').shown).toBe('!! capability/invalid-input');
    expect(run('(call "core.data.create-map" {:a 1})').shown).toBe('!! capability/unknown');
  });

  it('reports an unknown capability with the nearest ids', () => {
    const r = run('(call "core.data.filtr" {:items []})');
    expect(r.shown).toBe('!! capability/unknown');
    expect(r.o.ok || r.o.error?.message).toBe(
      "unknown capability 'core.data.filtr'; did you mean 'core.data.filter', 'core.data.count', 'core.data.create_map'?",
    );
  });

  it('denies by default, records the denied call, and names the flag to grant it', () => {
    const r = run('(call "ccos.echo" "hi")', { allow: [], deny: [] });
    expect(r.shown).toBe('!! capability/denied');
    expect(r.o.ok || r.o.error?.message).toContain('--allow ccos.echo');
    const types = r.sink.actions.map((a) => a.type);
    expect(types).toEqual(['PlanStarted', 'CapabilityCall', 'CapabilityResult', 'PlanAborted']);
    const result = r.sink.actions[2]?.result;
    expect(result && !result.ok && result.error.code).toBe('capability/denied');
  });

  it('applies allow and deny patterns', () => {
    expect(
      run('(call "core.data.count" {:items []})', { allow: ['core.data.*'], deny: [] }).shown,
    ).toBe('0');
    expect(
      run('(call "core.data.count" {:items []})', { allow: ['*'], deny: ['core.data.count'] })
        .shown,
    ).toBe('!! capability/denied');
  });

  it('validates input before running and names the capability and path', () => {
    const r = run('(call "core.data.count" {:items "nope"})');
    expect(r.shown).toBe('!! capability/invalid-input');
    expect(r.o.ok || r.o.error?.message).toBe(
      'type mismatch in the input of capability \'core.data.count\' at .items: expected [:vector :any], got string "nope"',
    );
  });

  it('is catchable by try', () => {
    expect(run('(try (call "nope.nope" 1) (catch :capability/unknown e :missing))').shown).toBe(
      ':missing',
    );
  });

  it('records nested steps and calls with parents and call paths', () => {
    const r = run('(step "outer" (call "ccos.echo" "a") (step "inner" (call "ccos.echo" "b")))');
    const rows = r.sink.actions.map(
      (a) =>
        `${a.type} ${a.callPath} ${a.name ?? ''} <- ${a.parent === null ? '-' : a.parent.split('/').slice(1).join('/') || 'run'}`,
    );
    expect(rows).toEqual([
      'PlanStarted  prog.rtfs <- -',
      'StepStarted 0 outer <- run',
      'CapabilityCall 0.0 ccos.echo <- 0',
      'CapabilityResult 0.0 ccos.echo <- 0.0',
      'StepStarted 0.1 inner <- 0',
      'CapabilityCall 0.1.0 ccos.echo <- 0.1',
      'CapabilityResult 0.1.0 ccos.echo <- 0.1.0',
      'StepCompleted 0.1  <- 0.1',
      'StepCompleted 0  <- 0',
      'PlanCompleted end  <- run',
    ]);
    expect(
      r.sink.actions.every((a) => a.run === r.h.host.currentRun || a.type === 'PlanCompleted'),
    ).toBe(true);
  });

  it('writes effectful calls ahead durably', () => {
    const r = run('(call "ccos.io.log" "x") (call "core.data.count" {:items []})');
    const calls = r.sink.actions
      .map((a, i) => [a.type, a.name, r.sink.durable[i]])
      .filter(([t]) => t === 'CapabilityCall');
    expect(calls).toEqual([
      ['CapabilityCall', 'ccos.io.log', true],
      ['CapabilityCall', 'core.data.count', false],
    ]);
  });

  it('defines capabilities in RTFS', () => {
    const src = `(defcapability "app.double" {:input-schema [:map [:n :int]] :output-schema :int :effects [:pure]}
                   (fn [{:keys [n]}] (* 2 n)))
                 [(call "app.double" {:n 21}) (try (call "app.double" {:n "x"}) (catch e (:code e)))]`;
    expect(run(src).shown).toBe('[42 :capability/invalid-input]');
  });

  it('validates the output of RTFS capabilities', () => {
    const src =
      '(defcapability "app.bad" {:output-schema :int} (fn [_] "str")) (call "app.bad" nil)';
    expect(run(src).shown).toBe('!! capability/invalid-output');
  });

  it('runs nested calls from RTFS capabilities under the outer call', () => {
    const src =
      '(defcapability "app.wrap" {} (fn [x] (call "ccos.echo" x))) (call "app.wrap" "hi")';
    const r = run(src);
    expect(r.shown).toBe('"hi"');
    const inner = r.sink.actions.find((a) => a.type === 'CapabilityCall' && a.name === 'ccos.echo');
    expect(inner?.callPath).toBe('0.0');
  });

  it('simulates effectful capabilities in a dry run', () => {
    const sink = new RecordingSink();
    const h = createHostedRuntime({ policy: ALL, sink, dryRun: true, log: () => undefined });
    const o = runProgram(
      h,
      '[(call "ccos.io.log" "x") (call "core.data.count" {:items [1]})]',
      'p.rtfs',
    );
    // (Effectful results reach the program in canonical key order, as a replay reads them.)
    expect(o.ok && printValue(o.value)).toBe(
      '[{:capability "ccos.io.log" :input "x" :simulated true} 1]',
    );
    // The causal chain marks the result as simulated.
    expect(h.host.liveCalls).toBe(1);
    const result = sink.actions.find(
      (a) => a.type === 'CapabilityResult' && a.name === 'ccos.io.log',
    );
    expect(printValue(result?.meta ?? null)).toBe('{:simulated true}');
    // Without an output schema: the marker map.
    const h2 = createHostedRuntime({ policy: ALL, dryRun: true, log: () => undefined });
    const o2 = runProgram(
      h2,
      '(defcapability "app.send" {:effects [:write]} (fn [x] x)) (call "app.send" {:to "a"})',
      'p.rtfs',
    );
    expect(o2.ok && printValue(o2.value)).toBe(
      '{:simulated true :capability "app.send" :input {:to "a"}}',
    );
  });

  it('refuses ccos.fs.read outside granted directories', () => {
    expect(run('(call "ccos.fs.read" "/etc/hostname")').shown).toBe('!! capability/denied');
  });
});

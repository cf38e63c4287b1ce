import { describe, it, expect } from 'vitest';
import { createHostedRuntime, runProgram, type Policy } from '../../src/host/index.js';
import { MemoryChain } from '../../src/audit/index.js';
import { Keyword, RMap, printValue, type Value } from '../../src/data/index.js';
import { createRuntime } from '../../src/create-runtime.js';

const ALL: Policy = { allow: ['*'], deny: [] };

function inputs(o: Record<string, Value>): RMap {
  return RMap.fromFlat(Object.entries(o).flatMap(([k, v]) => [Keyword.of(k), v]));
}

function run(src: string, given: Record<string, Value> = {}, dryRun = false) {
  const chain = new MemoryChain();
  const h = createHostedRuntime({
    policy: ALL,
    sink: chain,
    inputs: inputs(given),
    dryRun,
    out: () => undefined,
    log: () => undefined,
  });
  const o = runProgram(h, src, 'plan.rtfs');
  const shown = o.ok
    ? printValue(o.value)
    : `!! ${o.error?.code ?? o.diagnostics?.map((d) => d.code).join(' ')}`;
  return { shown, o, chain, h };
}

/** Evaluates without a capability host (pure RTFS). */
function pure(src: string): string {
  const o = createRuntime({ out: () => undefined }).evalString(src, 't.rtfs');
  return o.ok ? printValue(o.value) : `!! ${o.error?.code ?? o.diagnostics?.[0]?.code}`;
}

describe('plan forms (planner.md §1.6)', () => {
  it('accepts the keyword form with body steps', () => {
    expect(run('(plan :name "p" (step "a" 1) (step "b" (+ 1 (step-result "a"))))').shown).toBe('2');
  });
  it('accepts (plan "name" :body …) and (plan "name" {…})', () => {
    expect(run('(plan "p" :body (do (step "a" 2) (* 3 (step "a"))))').shown).toBe('6');
    expect(run('(plan "p" {:body (do (step "a" 2) (step-result "a"))})').shown).toBe('2');
  });
  it('accepts the canonical map {:type "plan" …} at top level', () => {
    expect(run('{:type "plan" :name "m" :body (do (step "s" 5) (step "s"))}').shown).toBe('5');
    // Any other map literal is just a map.
    expect(run('{:type "other" :body 1}').shown).toBe('{:type "other" :body 1}');
  });
  it('rejects malformed plans with analysis/bad-plan', () => {
    expect(run('(plan (step "a" 1))').shown).toBe('!! analysis/bad-plan');
    expect(run('(plan "p" :name)').shown).toBe('!! analysis/bad-plan');
    expect(run('(plan :name "p" :body 1 2)').shown).toBe('!! analysis/bad-plan');
    expect(run('{:type "plan" :name "m"}').shown).toBe('!! analysis/bad-plan');
  });
  it('works without a capability host', () => {
    expect(pure('(plan :name "p" (step "a" 20) (+ 1 (step-result "a")))')).toBe('21');
  });
});

describe('plan inputs', () => {
  const src =
    '(plan :name "p" :input-schema {:goal :string :n :int} (str goal "/" n "/" (:goal context) "/" (get :n)))';
  it('binds inputs as symbols, as context and for (get :k)', () => {
    expect(run(src, { goal: 'g', n: 2 }).shown).toBe('"g/2/g/2"');
  });
  it('reports missing and ill-typed inputs', () => {
    expect(run(src, { goal: 'g' }).shown).toBe('!! plan/missing-input');
    expect(run(src, { goal: 'g', n: 'two' }).shown).toBe('!! plan/invalid-input');
  });
  it('accepts [:map …] schemas with optional keys', () => {
    const s =
      '(plan :name "p" :input-schema [:map [:a :int] [:b {:optional true} :int]] [a b (count context)])';
    expect(run(s, { a: 1 }).shown).toBe('[1 nil 1]');
  });
  it('checks the output schema', () => {
    expect(run('(plan :name "p" :output-schema {:a :int} {:a 1})').shown).toBe('{:a 1}');
    expect(run('(plan :name "p" :output-schema {:a :int} {:a "x"})').shown).toBe(
      '!! plan/invalid-output',
    );
  });
  it('keeps plan context immutable', () => {
    expect(
      run('(plan :name "p" :input-schema {:a :int} (assoc context :a 9) a)', { a: 1 }).shown,
    ).toBe('1');
  });
});

describe('step references are checked statically', () => {
  it('rejects a forward reference, an unknown step, and a step reading itself', () => {
    expect(run('(plan :name "p" (step "a" (step-result "b")) (step "b" 1))').shown).toBe(
      '!! analysis/forward-step-reference',
    );
    expect(run('(plan :name "p" (step "a" 1) (step-result "zz"))').shown).toBe(
      '!! analysis/unknown-step',
    );
    expect(run('(plan :name "p" (step "a" (step "a")))').shown).toBe(
      '!! analysis/forward-step-reference',
    );
  });
  it('treats (step "label") that names no step as the reference\'s empty marker step', () => {
    // ccos/examples/governance_hints_demo.rtfs labels each part so.
    const r = run('(plan :name "p" (step "Part 1") (step "a" 1) (step "Part 2") (step "a"))');
    expect(r.shown).toBe('1');
    const names = r.chain
      .records()
      .filter((x) => x.action.type === 'StepStarted')
      .map((x) => x.action.name);
    expect(names).toEqual(['Part 1', 'a', 'Part 2']);
    expect(run('(plan :name "p" (step "Part 1"))').shown).toBe('nil');
  });
  it('rejects duplicate step ids', () => {
    expect(run('(plan :name "p" (step "a" 1) (do (step "a" 2)))').shown).toBe(
      '!! analysis/duplicate-step',
    );
  });
  it('reports a step that exists but did not run', () => {
    expect(run('(plan :name "p" (if false (step "a" 1) nil) (step-result "a"))').shown).toBe(
      '!! plan/step-not-run',
    );
  });
  it('keeps a child plan’s steps separate from the parent’s', () => {
    const src = `(plan :name "outer" (step "a" 1)
       (plan :name "inner" (step "a" 2) (step-result "a"))
       (step-result "a"))`;
    expect(run(src).shown).toBe('1');
  });
  it('lets functions defined in the plan read earlier steps', () => {
    expect(
      run('(plan :name "p" (step "a" 5) (let [f (fn [x] (+ x (step-result "a")))] (f 1)))').shown,
    ).toBe('6');
  });
});

describe('declarative steps (planner.md §3.5)', () => {
  it('names an option it does not take', () => {
    const r = run('(plan :name "p" (step :id "x" :capability "c" :depends_on ["y"]))');
    expect(r.shown).toBe('!! analysis/bad-special-form');
    expect(r.o.ok ? '' : r.o.diagnostics?.[0]?.message).toContain('not the option :depends_on');
  });
  it('calls the capability and applies the :output rule', () => {
    // The result is a map holding every key: the step's value is the result.
    const a = run(
      `(plan :name "p" (step :id "s" :capability "ccos.echo" :input {:message "hi"} :output {:x "x"}) (step "s"))`,
    );
    expect(a.shown).toBe('{:x "hi"}');
    const b = run(
      `(plan :name "p" (step :id "s" :capability "core.data.count" :input {:items [1 2]} :output {:count "n"}) [(step "s") (get :n)])`,
    );
    expect(b.shown).toBe('[{:count 2} 2]');
  });
  it('reports bad options', () => {
    expect(run('(plan :name "p" (step :id "s" :input {}))').shown).toBe(
      '!! analysis/bad-special-form',
    );
    expect(run('(plan :name "p" (step :id "s" :capability "c" :bogus 1))').shown).toBe(
      '!! analysis/bad-special-form',
    );
    expect(run('(plan :name "p" (step :id "s" :capability "ccos.echo" :output [:x]))').shown).toBe(
      '!! analysis/bad-special-form',
    );
  });
});

describe('ccos.control.loop', () => {
  const loop = (body: string, extra = '') =>
    `(plan :name "p" (step "l" (call "ccos.control.loop" {:initial_state {:i 0} :loop_body ${body} ${extra}})))`;
  it('threads state until :stop and records each iteration as a step id#i', () => {
    const r = run(loop('(fn [s] (if (>= (:i s) 2) (assoc s :stop true) (update s :i inc)))'));
    expect(r.shown).toBe('{:i 2 :stop true}');
    const names = r.chain
      .records()
      .filter((x) => x.action.type === 'StepStarted')
      .map((x) => x.action.name);
    expect(names).toEqual(['l', 'l#0', 'l#1', 'l#2']);
  });
  it('stops at the hard cap when the body never sets :stop', () => {
    expect(run(loop('(fn [s] (update s :i inc))')).shown).toBe('{:i 25 :loop_capped true}');
    expect(run(loop('(fn [s] (update s :i inc))', ':max-iterations 3')).shown).toBe(
      '{:i 3 :loop_capped true}',
    );
    expect(run(loop('(fn [s] (update s :i inc))', ':max-iterations 1000000')).shown).toBe(
      '{:i 1000 :loop_capped true}',
    );
  });
  it('rejects a body that does not return a map, and a bad cap', () => {
    expect(run(loop('(fn [s] 1)')).shown).toBe('!! control/bad-loop-body');
    expect(run(loop('(fn [s] s)', ':max-iterations 0')).shown).toBe('!! control/bad-loop-body');
  });
});

describe('ccos.plan.execute', () => {
  const child =
    '"(plan :name \\"child\\" :input-schema {:x :int} (step \\"c\\" (call \\"ccos.io.log\\" {:message (str x)})) (* 2 x))"';
  it('runs a child plan with its own inputs; dry-run simulates effects', () => {
    const full = run(`(call "ccos.plan.execute" {:plan ${child} :mode :full :inputs {:x 4}})`);
    expect(full.shown).toBe('{:status :ok :mode :full :result 8}');
    const dry = run(`(call "ccos.plan.execute" {:plan ${child} :inputs {:x 4}})`);
    expect(dry.shown).toBe('{:status :ok :mode :dry-run :result 8}');
    const sim = dry.chain
      .records()
      .find((x) => x.action.type === 'CapabilityResult' && x.action.name === 'ccos.io.log');
    expect(printValue(sim?.action.meta ?? null)).toBe('{:simulated true}');
  });
  it('accepts plan data; a failed child fails the call, naming the code, step and capability', () => {
    expect(
      run(
        `(call "ccos.plan.execute" {:plan '(plan :name "c" (step "a" 3) (step "a")) :mode :full})`,
      ).shown,
    ).toBe('{:status :ok :mode :full :result 3}');
    const failed = run(`(call "ccos.plan.execute" {:plan "(plan :name \\"c\\" (/ 1 0))"})`);
    expect(failed.shown).toBe('!! control/plan-failed');
    expect(failed.o.ok || failed.o.error?.message).toBe(
      'the dry run of the plan failed: runtime/division-by-zero: division by zero',
    );
    const inStep = run(
      `(call "ccos.plan.execute" {:plan "(plan :name \\"c\\" (step \\"s1\\" 1) (step \\"s2\\" (call \\"core.data.count\\" {:items 3})))" :mode :full})`,
    );
    expect(inStep.o.ok || inStep.o.error?.message).toMatch(
      /^the plan failed at step "s2" calling core.data.count: capability\/invalid-input: /,
    );
    // Anything else is not run as if it were a plan (and its input never comes back as a result).
    expect(run(`(call "ccos.plan.execute" {:plan {:a 1}})`).shown).toBe('!! control/bad-plan');
    expect(run(`(call "ccos.plan.execute" {:plan nil})`).shown).toBe('!! control/bad-plan');
    expect(
      run(`(call "ccos.plan.execute" {:plan "(plan :name \\"c\\" 1)" :mode :live})`).shown,
    ).toBe('!! control/bad-plan-mode');
  });
  it('never runs a child for real under a dry-run parent', () => {
    const r = run(
      `(call "ccos.plan.execute" {:plan ${child} :mode :full :inputs {:x 1}})`,
      {},
      true,
    );
    const sim = r.chain
      .records()
      .find((x) => x.action.type === 'CapabilityResult' && x.action.name === 'ccos.io.log');
    expect(printValue(sim?.action.meta ?? null)).toBe('{:simulated true}');
  });
});

describe('dry-run child plans with missing inputs', () => {
  const child =
    '"(plan :name \\"c\\" :input-schema {:to :string :n :int} (call \\"ccos.io.log\\" {:message to}) [to n])"';
  it('get placeholders in a dry run, and fail clearly in a full run', () => {
    const dry = run(`(call "ccos.plan.execute" {:plan ${child} :mode :dry-run})`);
    expect(dry.shown).toBe('{:status :ok :mode :dry-run :result ["<to>" 0]}');
    const full = run(`(call "ccos.plan.execute" {:plan ${child} :mode :full})`);
    expect(full.shown).toBe('!! control/plan-failed');
    expect(full.o.ok || full.o.error?.message).toContain('plan/missing-input');
  });
  it('are not filled in at top level, even in a dry run', () => {
    expect(run('(plan :name "p" :input-schema {:to :string} to)', {}, true).shown).toBe(
      '!! plan/missing-input',
    );
  });
});

/**
 * `(capability "id" :key value … :implementation f)` in a hosted runtime, through every
 * engine (evaluator, evaluator with the JIT at the first call, compiler): it defines the
 * capability like `defcapability`, schemas checked on every call, effects in the
 * reference's vocabulary mapped onto rtfs-ts's.
 */
import { describe, expect, it } from 'vitest';
import { createHostedRuntime, runProgram } from '../../src/host/index.js';
import { printValue } from '../../src/data/index.js';
import { jsCompiler } from '../../src/compiler/index.js';

const ENGINES = [
  { name: 'evaluator', options: { jit: false as const } },
  { name: 'evaluator, jit at first call', options: { jit: 0 } },
  { name: 'compiler', options: { compiler: jsCompiler } },
];

const DOUBLE = `(capability "app.double"
  :name "Double"
  :version "1.0.0"
  :description "Doubles :n"
  :input-schema [:map [:n :int]]
  :output-schema [:map [:result :int]]
  :effects [:compute]
  :metadata {:kind :primitive}
  :implementation (fn [input] {:result (* 2 (:n input))}))`;

function run(engine: (typeof ENGINES)[number], src: string) {
  const h = createHostedRuntime({
    policy: { allow: ['*'], deny: [] },
    out: () => undefined,
    log: () => undefined,
    ...engine.options,
  });
  const o = runProgram(h, src, 'cap.rtfs');
  const shown = o.ok ? printValue(o.value) : `!! ${o.error?.code ?? o.diagnostics?.[0]?.code}`;
  return { shown, h };
}

describe.each(ENGINES)('the capability form ($name)', (engine) => {
  it('defines a capability and returns its id', () => {
    const { shown, h } = run(engine, DOUBLE);
    expect(shown).toBe('"app.double"');
    const cap = h.registry.get('app.double');
    expect(cap?.description).toBe('Doubles :n');
    expect(cap?.effects).toEqual(['pure']);
    expect(printValue(cap?.inputSchemaForm ?? null)).toBe('[:map [:n :int]]');
  });

  it('calls it with its schemas checked', () => {
    expect(run(engine, `${DOUBLE}\n(call "app.double" {:n 21})`).shown).toBe('{:result 42}');
    expect(run(engine, `${DOUBLE}\n(call "app.double" {:n "21"})`).shown).toBe(
      '!! capability/invalid-input',
    );
  });

  it('checks the output schema', () => {
    const src = `(capability "app.bad" :output-schema :int :implementation (fn [_] "x"))
(call "app.bad" {})`;
    expect(run(engine, src).shown).toBe('!! capability/invalid-output');
  });

  it("maps the reference's effect names", () => {
    const src = `(capability "app.io" :effects [:io :network] :implementation (fn [x] x))`;
    const { h } = run(engine, src);
    expect(h.registry.get('app.io')?.effects).toEqual(['read', 'write', 'network']);
    const bad = `(capability "app.x" :effects [:teleport] :implementation (fn [x] x))`;
    expect(run(engine, bad).shown).toBe('!! capability/bad-definition');
  });

  it('can be defined inside a body and called right after', () => {
    const src = `(let [factor 3]
  (capability "app.triple" :implementation (fn [x] (* factor x)))
  (call "app.triple" 5))`;
    expect(run(engine, src).shown).toBe('15');
  });
});

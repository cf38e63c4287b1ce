/**
 * Evaluator and compiler workloads (issues 3 and 7), each against the same program in
 * plain JavaScript: naive fib 25 and 30; a 200k-element map inc → filter even? →
 * reduce + pipeline; building a 10k-keyword-key map, then updating every key.
 * Every engine runs the same definitions through `evalString` (the compiler's runtime
 * compiles each top-level form to JavaScript); the runtimes and the definitions are
 * set up once, outside the timed run.
 */
import '../../src/syntax/full.js';
import { createRuntime } from '../../src/create-runtime.js';
import type { Runtime } from '../../src/runtime/index.js';
import { jsCompiler } from '../../src/compiler/index.js';
import type { Case } from '../harness.js';

function evalOrThrow(rt: Runtime, src: string): unknown {
  const o = rt.evalString(src, 'bench.rtfs');
  if (!o.ok)
    throw new Error(
      o.diagnostics ? o.diagnostics.map((d) => d.message).join('; ') : o.error.render(),
    );
  return o.value;
}

function fibJs(n: number): number {
  return n < 2 ? n : fibJs(n - 1) + fibJs(n - 2);
}

export interface Workload {
  readonly baseline: Case;
  readonly candidates: Case[];
}

const DEFINITIONS = [
  '(defn fib [n] (if (< n 2) n (+ (fib (- n 1)) (fib (- n 2)))))',
  '(def nums (range 200000))',
  '(defn pipeline [] (reduce + (filter even? (map inc nums))))',
  `(def ks (mapv (fn [i] (keyword (str "k" i))) (range 10000)))
   (defn build-and-update []
     (let [m (reduce (fn [m k] (assoc m k 1)) {} ks)]
       (reduce (fn [m k] (update m k inc)) m ks)))`,
];

/**
 * The evaluator (with its JIT tier, the default), the evaluator with every function
 * interpreted, and the compiler, each with the workloads' definitions loaded.
 */
function engines(): { engine: string; rt: Runtime }[] {
  const out = [
    { engine: 'evaluator', rt: createRuntime({ out: () => undefined }) },
    { engine: 'interpreted', rt: createRuntime({ out: () => undefined, jit: false }) },
    { engine: 'compiled', rt: createRuntime({ out: () => undefined, compiler: jsCompiler }) },
  ];
  for (const { rt } of out) for (const d of DEFINITIONS) evalOrThrow(rt, d);
  return out;
}

export function evalWorkloads(): Workload[] {
  const rts = engines();
  const candidates = (workload: string, src: string): Case[] =>
    rts.map(({ engine, rt }) => ({ workload, engine, run: () => evalOrThrow(rt, src) }));
  const nums = Array.from({ length: 200000 }, (_, i) => i);
  const keys = Array.from({ length: 10000 }, (_, i) => `k${i}`);
  const out: Workload[] = [];
  for (const n of [25, 30]) {
    out.push({
      baseline: { workload: `fib ${n}`, engine: 'plain JS', run: () => fibJs(n) },
      candidates: candidates(`fib ${n}`, `(fib ${n})`),
    });
  }
  out.push({
    baseline: {
      workload: '200k map/filter/reduce',
      engine: 'plain JS',
      run: () =>
        nums
          .map((x) => x + 1)
          .filter((x) => x % 2 === 0)
          .reduce((a, b) => a + b, 0),
    },
    candidates: candidates('200k map/filter/reduce', '(pipeline)'),
  });
  out.push({
    baseline: {
      workload: '10k-key map build+update',
      engine: 'plain JS',
      run: () => {
        const m = new Map<string, number>();
        for (const k of keys) m.set(k, 1);
        for (const k of keys) m.set(k, (m.get(k) as number) + 1);
        return m;
      },
    },
    candidates: candidates('10k-key map build+update', '(build-and-update)'),
  });
  return out;
}

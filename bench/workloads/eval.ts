/**
 * Evaluator workloads (issue 3), each against the same program in plain JavaScript:
 * naive fib 25 and 30; a 200k-element map inc → filter even? → reduce + pipeline;
 * building a 10k-keyword-key map, then updating every key.
 * The runtime and the program's definitions are set up once, outside the timed run.
 */
import '../../src/syntax/full.js';
import { createRuntime } from '../../src/create-runtime.js';
import type { Runtime } from '../../src/runtime/index.js';
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

export function evalWorkloads(): Workload[] {
  const rt = createRuntime({ out: () => undefined });
  evalOrThrow(rt, '(defn fib [n] (if (< n 2) n (+ (fib (- n 1)) (fib (- n 2)))))');
  evalOrThrow(rt, '(def nums (range 200000))');
  evalOrThrow(rt, '(defn pipeline [] (reduce + (filter even? (map inc nums))))');
  evalOrThrow(
    rt,
    `(def ks (mapv (fn [i] (keyword (str "k" i))) (range 10000)))
     (defn build-and-update []
       (let [m (reduce (fn [m k] (assoc m k 1)) {} ks)]
         (reduce (fn [m k] (update m k inc)) m ks)))`,
  );
  const nums = Array.from({ length: 200000 }, (_, i) => i);
  const keys = Array.from({ length: 10000 }, (_, i) => `k${i}`);
  const out: Workload[] = [];
  for (const n of [25, 30]) {
    out.push({
      baseline: { workload: `fib ${n}`, engine: 'plain JS', run: () => fibJs(n) },
      candidates: [
        { workload: `fib ${n}`, engine: 'evaluator', run: () => evalOrThrow(rt, `(fib ${n})`) },
      ],
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
    candidates: [
      {
        workload: '200k map/filter/reduce',
        engine: 'evaluator',
        run: () => evalOrThrow(rt, '(pipeline)'),
      },
    ],
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
    candidates: [
      {
        workload: '10k-key map build+update',
        engine: 'evaluator',
        run: () => evalOrThrow(rt, '(build-and-update)'),
      },
    ],
  });
  return out;
}

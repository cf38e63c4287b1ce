/**
 * A plan-shaped workload: 500 steps making 10 capability calls each (5,000 calls),
 * with the causal chain on (in memory, so the disk does not decide the row; the
 * host workload measures the on-disk chain). Baseline: plain JavaScript driving the
 * same RunHost through the same steps and calls, so the ratio is what running the
 * plan as RTFS adds on top of the host and the chain.
 */
import '../../src/syntax/full.js';
import { RMap, RVector, Keyword } from '../../src/data/index.js';
import { createHostedRuntime, runProgram, type Hosted } from '../../src/host/index.js';
import { MemoryChain } from '../../src/audit/index.js';
import type { NodeCompiler } from '../../src/runtime/index.js';
import { jsCompiler } from '../../src/compiler/index.js';
import type { Case } from '../harness.js';

const STEPS = 500;
const CALLS_PER_STEP = 10;

const PROGRAM = `(defn work [i]
  (step "batch"
    (loop [j 0 acc 0]
      (if (< j ${CALLS_PER_STEP})
        (recur (inc j) (+ acc (call "core.data.count" {:items [i j]})))
        acc))))
(loop [i 0 total 0]
  (if (< i ${STEPS}) (recur (inc i) (+ total (work i))) total))`;

function hosted(compiler?: NodeCompiler): Hosted {
  return createHostedRuntime({
    policy: { allow: ['*'], deny: [] },
    sink: new MemoryChain(),
    log: () => undefined,
    ...(compiler ? { compiler } : {}),
  });
}

function runRtfs(compiler?: NodeCompiler): number {
  const o = runProgram(hosted(compiler), PROGRAM, 'plan.rtfs');
  if (!o.ok) throw new Error('plan bench program failed');
  return o.value as number;
}

const ITEMS = Keyword.of('items');

/** The same steps and calls, made by JavaScript through the host. */
function runJs(): number {
  const { host } = hosted();
  host.startRun('plan.js', null);
  let total = 0;
  for (let i = 0; i < STEPS; i++) {
    const id = host.stepStarted('batch');
    let acc = 0;
    for (let j = 0; j < CALLS_PER_STEP; j++) {
      const input = RMap.fromFlat([ITEMS, RVector.from([i, j])]);
      acc += host.callCapability('core.data.count', [input], undefined) as number;
    }
    host.stepCompleted(id, acc);
    total += acc;
  }
  host.endRun({ ok: true, value: total });
  return total;
}

export function planWorkload(): { baseline: Case; candidates: Case[] } {
  const label = `${STEPS}-step plan, ${STEPS * CALLS_PER_STEP} calls, chain on`;
  return {
    baseline: { workload: label, engine: 'plain JS + host', run: runJs },
    candidates: [
      { workload: label, engine: 'evaluator', run: () => runRtfs() },
      { workload: label, engine: 'compiled', run: () => runRtfs(jsCompiler) },
    ],
  };
}

/**
 * End to end: every example goal's final plan runs in a dry run (external catalog
 * capabilities simulated with values shaped by their output schemas, pure and
 * synthesized capabilities executed for real), with the inputs the goal states and
 * sample values for the others, and records one step per plan step.
 */
import { describe, expect, it } from 'vitest';
import { MemoryChain } from '../../src/audit/index.js';
import { type Value, Keyword, RMap, RVector, printValue } from '../../src/data/index.js';
import { runProgram } from '../../src/host/index.js';
import { runPlannerPipeline } from '../../src/planner/index.js';
import { read } from '../../src/syntax/index.js';
import { defaultCatalog, errorOf, goalFiles, goalText, plannerHost } from './helpers.js';

/** The plan's inputs: the goal's values, and a sample for every other declared input. */
function inputsFor(source: string, known: Readonly<Record<string, Value>>): RMap {
  const form = read(source).forms[0];
  const items =
    form !== undefined && form !== null && typeof form === 'object' && form.kind === 'list'
      ? form.items
      : [];
  const at = items.findIndex((x) => x === Keyword.of('input-schema'));
  const schema = items[at + 1];
  const flat: Value[] = [];
  if (schema instanceof RVector) {
    for (const e of schema.toArray().slice(1)) {
      if (!(e instanceof RVector)) continue;
      const k = e.get(0) as Keyword;
      const t = e.get(e.count - 1);
      const v =
        known[k.name] ??
        (t === Keyword.of('string')
          ? `example ${k.name}`
          : t === Keyword.of('int')
            ? 1
            : RVector.EMPTY);
      flat.push(k, v);
    }
  }
  return RMap.fromFlat(flat);
}

describe('final plans run in a dry run', () => {
  for (const file of goalFiles()) {
    it(file, () => {
      const goal = goalText(file);
      const p = runPlannerPipeline(goal, defaultCatalog());
      const chain = new MemoryChain();
      const h = plannerHost({ dryRun: true, chain, inputs: inputsFor(p.plan_source, p.inputs) });
      const r = runProgram(h, p.plan_source, `${file}.plan.rtfs`);
      expect(errorOf(r), JSON.stringify(errorOf(r))).toBeUndefined();
      expect(r.ok && r.value instanceof RMap).toBe(true);
      const actions = chain.records().map((x) => x.action);
      const steps = actions.filter((a) => a.type === 'StepStarted').map((a) => a.name);
      expect(steps).toEqual(p.final_plan.steps.map((s) => s.id));
      const failed = actions.filter((a) => a.type === 'CapabilityResult' && a.result?.ok === false);
      expect(failed.map((a) => a.name)).toEqual([]);
      // synthesized capabilities really ran (they are pure)
      for (const s of p.synthesized) {
        if (!p.final_plan.steps.some((x) => x.capability_id === s.id)) continue;
        const res = actions.find((a) => a.type === 'CapabilityResult' && a.name === s.id);
        const value = res?.result?.ok ? res.result.value : null;
        expect(value instanceof RMap && value.get(Keyword.of('simulated'))).not.toBe(true);
        expect(printValue(value)).not.toBe('nil');
      }
    });
  }
});

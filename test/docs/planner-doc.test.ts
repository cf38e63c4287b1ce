/**
 * The worked examples of docs/planner.md ("How synthesis reads a goal"): each
 * `<!-- planner-example catalog=… goal="…" -->` is followed by the exact plan the
 * template provider writes (which must run in a dry run), each `<!-- planner-error
 * goal="…" -->` by the exact error.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Keyword, RMap, RVector, type Value } from '../../src/data/index.js';
import { createHostedRuntime, runProgram } from '../../src/host/index.js';
import { catalogCapabilities, loadCatalog, runPlannerPipeline } from '../../src/planner/index.js';
import { RtfsError } from '../../src/runtime/index.js';
import { read } from '../../src/syntax/index.js';

const root = new URL('../../', import.meta.url).pathname;
const doc = readFileSync(join(root, 'docs/planner.md'), 'utf8');
const examples = [
  ...doc.matchAll(
    /<!-- planner-example catalog=(\w+) goal="([^"]+)" -->\s*```clojure\n([\s\S]*?)```/g,
  ),
];
const errors = [...doc.matchAll(/<!-- planner-error goal="([^"]+)" -->\s*```text\n([\s\S]*?)```/g)];

function catalogOf(name: string) {
  const r = loadCatalog([join(root, `examples/catalogs/${name}.rtfs`)]);
  expect(r.diagnostics).toEqual([]);
  return r.catalog;
}

/** Defaults of the plan's inputs, and a sample for the others. */
function inputs(source: string): RMap {
  const form = read(source).forms[0];
  const items = form !== null && typeof form === 'object' && form.kind === 'list' ? form.items : [];
  const schema = items[items.findIndex((x) => x === Keyword.of('input-schema')) + 1];
  const flat: Value[] = [];
  if (schema instanceof RVector)
    for (const e of schema.toArray().slice(1)) {
      if (!(e instanceof RVector)) continue;
      const opts = e.toArray().find((x) => x instanceof RMap) as RMap | undefined;
      flat.push(e.get(0) ?? null, opts?.get(Keyword.of('default')) ?? 'sample');
    }
  return RMap.fromFlat(flat);
}

describe('docs/planner.md worked examples', () => {
  it('has one for conditions, iteration, qualifiers, languages and gaps', () => {
    expect(examples.length).toBeGreaterThanOrEqual(5);
    expect(errors.length).toBeGreaterThanOrEqual(2);
  });

  for (const [, cat, goal, text] of examples) {
    it(`plans "${goal ?? ''}" as shown, and the plan runs in a dry run`, () => {
      const catalog = catalogOf(cat ?? '');
      const p = runPlannerPipeline(goal ?? '', catalog);
      expect(p.plan_source).toBe(text);
      const h = createHostedRuntime({
        policy: { allow: ['*'], deny: [] },
        capabilities: catalogCapabilities(catalog.entries),
        dryRun: true,
        inputs: inputs(p.plan_source),
        log: () => undefined,
      });
      const r = runProgram(h, p.plan_source, 'doc-example.rtfs');
      expect(r.ok ? null : (r.error ?? r.diagnostics?.[0])).toBeNull();
    });
  }

  for (const [, goal, text] of errors) {
    it(`stops on "${goal ?? ''}" with the error shown`, () => {
      let e: unknown;
      try {
        runPlannerPipeline(goal ?? '', catalogOf('default'));
      } catch (x) {
        e = x;
      }
      expect(e).toBeInstanceOf(RtfsError);
      const err = e as RtfsError;
      expect(`${err.code}: ${err.message}\n`).toBe(text);
    });
  }
});

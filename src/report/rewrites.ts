/**
 * The rewrites a planner run applied, each with the meta-plan source before and after
 * it. The chain records the generated source, every rewrite (rule, parameters, RTFS
 * source for RTFS rewriters, before/after hashes) and the source that ran; the
 * intermediate sources are rebuilt by re-applying the rewriters one at a time, and each
 * rebuilt step is checked against its recorded hashes. A step that cannot be rebuilt
 * (its catalog moved, a rewriter is unknown) is shown without its own diff, and the
 * report then diffs the generated meta-plan against the one that ran.
 */
import { type Value, Keyword, RMap, RVector, printValue } from '../data/index.js';
import { read } from '../syntax/index.js';
import { createHostedRuntime } from '../host/index.js';
import { catalogCapabilities, loadCatalog, plannerCapabilities } from '../planner/index.js';
import { applyRewrites, planHash, printPlan, registryContext } from '../meta/index.js';
import { rewriterFromRecord } from '../meta/rewriters/index.js';

export interface RewriteStep {
  readonly rule: string;
  readonly version: string;
  /** Parameters, printed as RTFS (empty when none). */
  readonly params: string;
  readonly beforeHash: string;
  readonly afterHash: string;
  readonly edits: readonly { readonly at: string; readonly op: string; readonly what: string }[];
  /** The meta-plan source before and after this rewrite, when rebuilt and verified. */
  readonly before?: string;
  readonly after?: string;
  /** Why the sources could not be rebuilt. */
  readonly problem?: string;
}

const k = (n: string): Keyword => Keyword.of(n);

function str(m: Value | undefined, key: string): string {
  const v = m instanceof RMap ? m.get(k(key)) : undefined;
  return typeof v === 'string' ? v : v === undefined || v === null ? '' : printValue(v);
}

function recorded(meta: RMap): RewriteStep[] {
  const list = meta.get(k('rewrites'));
  if (!(list instanceof RVector)) return [];
  return [...list].map((r) => {
    const params = r instanceof RMap ? r.get(k('params')) : undefined;
    const edits = r instanceof RMap ? r.get(k('edits')) : undefined;
    return {
      rule: str(r, 'rule'),
      version: str(r, 'version'),
      params: params instanceof RMap && params.size > 0 ? printValue(params) : '',
      beforeHash: str(r, 'before_hash'),
      afterHash: str(r, 'after_hash'),
      edits:
        edits instanceof RVector
          ? [...edits].map((e) => ({
              at: str(e, 'at'),
              op: str(e, 'op').replace(/^:/, ''),
              what: str(e, 'what'),
            }))
          : [],
    };
  });
}

/** The capabilities a rewriter may consult: the run's catalog when it still loads unchanged. */
function context(meta: RMap): ReturnType<typeof registryContext> {
  const cat = meta.get(k('catalog'));
  const files = cat instanceof RMap ? cat.get(k('files')) : undefined;
  const snapshot = cat instanceof RMap ? cat.get(k('snapshot')) : undefined;
  const names =
    files instanceof RVector ? [...files].filter((f): f is string => typeof f === 'string') : [];
  const loaded = loadCatalog(names);
  const usable =
    loaded.diagnostics.length === 0 &&
    (typeof snapshot !== 'string' || snapshot === loaded.catalog.snapshot);
  const capabilities = usable
    ? [
        ...catalogCapabilities(loaded.catalog.entries.filter((e) => e.builtin !== true)),
        ...plannerCapabilities({ catalog: loaded.catalog }),
      ]
    : [];
  const registry = createHostedRuntime({ policy: { allow: [], deny: [] }, capabilities }).registry;
  return registryContext(registry, typeof snapshot === 'string' ? snapshot : undefined);
}

/** The run's rewrites with their before/after sources (see the module comment). */
export function rewriteSteps(meta: RMap): RewriteStep[] {
  const steps = recorded(meta);
  const generated = meta.get(k('generated_source'));
  if (steps.length === 0 || typeof generated !== 'string') return steps;
  const list = meta.get(k('rewrites')) as RVector;
  let plan = read(generated, '<generated-meta-plan>').forms[0];
  if (plan === undefined) return steps;
  let ctx: ReturnType<typeof context> | undefined;
  const out: RewriteStep[] = [];
  let broken: string | undefined;
  steps.forEach((step, i) => {
    if (broken !== undefined) {
      out.push({ ...step, problem: broken });
      return;
    }
    const r = list.get(i);
    const src = r instanceof RMap ? r.get(k('source')) : undefined;
    const rw = rewriterFromRecord(
      step.rule,
      (r instanceof RMap ? r.get(k('params')) : undefined) ?? RMap.EMPTY,
      typeof src === 'string' ? src : undefined,
    );
    if ('error' in rw) {
      broken = rw.error;
      out.push({ ...step, problem: broken });
      return;
    }
    ctx ??= context(meta);
    const before = plan as Value;
    const applied = applyRewrites(before, [rw], ctx);
    if (!applied.ok) broken = `re-applying it failed: ${applied.reason}`;
    else if (planHash(applied.plan) !== step.afterHash)
      broken = 're-applying it gave another plan than the recorded one';
    if (broken !== undefined || !applied.ok) {
      out.push({ ...step, problem: broken });
      return;
    }
    out.push({ ...step, before: printPlan(before), after: printPlan(applied.plan) });
    plan = applied.plan;
  });
  return out;
}

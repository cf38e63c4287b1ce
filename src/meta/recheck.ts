/**
 * The checks a plan must pass after every rewrite: it prints and reads back to the same
 * data; it analyzes (unique step ids, no forward or unknown step references, no unbound
 * names); every `ccos.control.loop` call has a `:max-iterations` cap.
 */
import { type Value, Keyword, RMap, equals, printValue } from '../data/index.js';
import { read } from '../syntax/index.js';
import { Globals, analyzeTop } from '../analyzer/index.js';
import { createRuntime } from '../create-runtime.js';
import type { Runtime } from '../runtime/index.js';
import { callId, isHead, walk } from './plan-data.js';

let checker: Runtime | undefined;

/** A problem description, or undefined when the plan is fine. */
export function recheckPlan(plan: Value): string | undefined {
  if (!isHead(plan, 'plan')) return 'it is not a (plan …) form';
  const text = printValue(plan);
  const back = read(text, '<rewritten-plan>');
  if (back.diagnostics.length > 0 || back.forms.length !== 1)
    return `it does not read back: ${back.diagnostics[0]?.message ?? 'several forms'}`;
  if (!equals(back.forms[0] as Value, plan)) return 'it does not read back to the same data';
  checker ??= createRuntime({ out: () => undefined, log: () => undefined });
  const a = analyzeTop(back.forms[0] as Value, back.spans[0], new Globals('check', checker.core));
  const d = a.diagnostics[0];
  if (d !== undefined) return `${d.code}: ${d.message}`;
  let uncapped: string | undefined;
  walk(plan, (v) => {
    if (uncapped === undefined && callId(v) === 'ccos.control.loop' && isHead(v, 'call')) {
      const m = v.items[2];
      if (m instanceof RMap && !m.has(Keyword.of('max-iterations'))) {
        uncapped = 'a ccos.control.loop call has no :max-iterations cap';
      }
    }
  });
  return uncapped;
}

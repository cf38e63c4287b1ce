/**
 * What a rewrite may have broken, checked after each one: capability ids the plan calls
 * that the run does not know (not in the catalog, not defined by the plan), and steps
 * that were there before and are gone. `rtfs plan` warns about them, or refuses the plan
 * with `--strict`.
 */
import { type Value, Keyword } from '../data/index.js';
import { callId, isHead, walk } from './plan-data.js';

/** Step ids of `(step "id" …)` and `(step :id "id" …)` forms, nested ones included. */
export function stepIds(plan: Value): string[] {
  const out: string[] = [];
  walk(plan, (v) => {
    if (!isHead(v, 'step')) return;
    const [, first, second] = v.items;
    if (typeof first === 'string' && v.count > 2) out.push(first);
    else if (first === Keyword.of('id') && typeof second === 'string') out.push(second);
  });
  return out;
}

/** Capability ids the plan calls literally, and those it defines itself. */
function capabilityIds(plan: Value): { called: string[]; defined: Set<string> } {
  const called: string[] = [];
  const defined = new Set<string>();
  walk(plan, (v) => {
    const id = callId(v);
    if (id !== undefined && !called.includes(id)) called.push(id);
    if (isHead(v, 'defcapability') && typeof v.items[1] === 'string') defined.add(v.items[1]);
    if (isHead(v, 'step') && v.items[1] === Keyword.of('id')) {
      const i = v.items.indexOf(Keyword.of('capability'));
      const cap = i > 0 ? v.items[i + 1] : undefined;
      if (typeof cap === 'string' && !called.includes(cap)) called.push(cap);
    }
  });
  return { called, defined };
}

/** The problems rewrite `rule` left, as messages. */
export function rewriteProblems(
  rule: string,
  before: Value,
  after: Value,
  known: (id: string) => boolean,
): string[] {
  const problems: string[] = [];
  const { called, defined } = capabilityIds(after);
  const was = capabilityIds(before).called;
  const unknown = called.filter((id) => !known(id) && !defined.has(id) && !was.includes(id));
  if (unknown.length > 0)
    problems.push(
      `rewrite ${rule} makes the plan call unknown capabilities: ${unknown.join(', ')} (not in the catalog)`,
    );
  const now = new Set(stepIds(after));
  const removed = stepIds(before).filter((id) => !now.has(id));
  if (removed.length > 0)
    problems.push(`rewrite ${rule} removed step(s) ${removed.map((s) => `"${s}"`).join(', ')}`);
  return problems;
}

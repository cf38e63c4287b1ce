/**
 * Refinement without re-prompting (planner.md §2.2 "Refinement"): given the previous
 * plan and the gap-resolution mappings, keep each clause's capability (renamed per the
 * mappings), then bind again and append what is missing. The log lists the repair
 * moves in a fixed order: rename, drop input, bind input, insert step, remove step.
 */
import { equals } from '../../data/index.js';
import type { Binding, GoalSignals, MenuEntry, Plan, PlanStep } from '../types.js';
import { synthesizeTemplate, type TemplateResult } from './template.js';

export interface Mapping {
  readonly requested: string;
  readonly resolved: string;
}

/** Follows mapping chains (a → b → c), stopping on cycles. */
export function mapped(id: string, mappings: readonly Mapping[]): string {
  let cur = id;
  const seen = new Set<string>([cur]);
  for (;;) {
    let next: string | undefined;
    for (const m of mappings) if (m.requested === cur) next = m.resolved;
    if (next === undefined || seen.has(next)) return cur;
    seen.add(next);
    cur = next;
  }
}

function key(s: PlanStep): string {
  return `${s.origin?.rule ?? ''}|${s.origin?.clause ?? s.notes}`;
}

export function refinePlan(
  signals: GoalSignals,
  menu: readonly MenuEntry[],
  previous: Plan,
  mappings: readonly Mapping[],
): TemplateResult {
  const overrides = new Map<string, string>();
  const renames: string[] = [];
  for (const s of previous.steps) {
    const rule = s.origin?.rule ?? '';
    const clause = s.origin?.clause;
    if (clause === undefined || !rule.startsWith('pattern:') || rule === 'pattern:ask') continue;
    const to = mapped(s.capability_id, mappings);
    if (to !== s.capability_id) {
      overrides.set(clause, to);
      renames.push(`rename ${s.id} ${s.capability_id}→${to}`);
    } else if (menu.some((m) => m.id === to)) overrides.set(clause, to);
  }
  const next = synthesizeTemplate(signals, menu, { overrides });
  const moves: string[] = [...renames];
  const before = new Map(previous.steps.map((s) => [key(s), s]));
  const after = new Map(next.steps.map((s) => [key(s), s]));
  const drops: string[] = [];
  const binds: string[] = [];
  const inserts: string[] = [];
  for (const s of next.steps) {
    const p = before.get(key(s));
    if (p === undefined) {
      inserts.push(`insert ${s.id} ${s.capability_id}`);
      continue;
    }
    for (const name of Object.keys(p.inputs))
      if (s.inputs[name] === undefined) drops.push(`drop ${s.id}.${name}`);
    for (const name of Object.keys(s.inputs))
      if (!sameBinding(p.inputs[name], s.inputs[name])) binds.push(`bind ${s.id}.${name}`);
  }
  const removes = previous.steps
    .filter((s) => !after.has(key(s)))
    .map((s) => `remove ${s.id} ${s.capability_id}`);
  moves.push(...drops, ...binds, ...inserts, ...removes);
  return {
    steps: next.steps,
    log: `refine: ${moves.length > 0 ? moves.join('; ') : 'no moves'} | ${next.log}`,
  };
}

function sameBinding(a: Binding | undefined, b: Binding | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  switch (a.kind) {
    case 'literal':
      return b.kind === 'literal' && equals(a.value, b.value);
    case 'var':
      return b.kind === 'var' && a.name === b.name;
    case 'step':
      return b.kind === 'step' && a.step === b.step && a.output === b.output;
    case 'rtfs':
      return b.kind === 'rtfs' && a.code === b.code;
    case 'item':
      return b.kind === 'item' && a.field === b.field;
  }
}

/**
 * The deterministic `:template` synthesis strategy (planner.md §2.2): split the goal
 * into clauses, choose a capability per clause from the menu (or invent
 * `generated.<slug>` below the threshold, which validation promotes to a requirement
 * and gap resolution maps or synthesizes), bind inputs, then append a step for every
 * `:must` MustCall requirement and MustFilter no step covers. Step ids `step_1..n`.
 */
import { printDisplay } from '../../data/index.js';
import { PRIM } from '../../types/index.js';
import { extractIntent, type Param } from '../intent.js';
import { nameFromId } from '../catalog/index.js';
import { slug, tokens } from '../text.js';
import type { GoalSignals, MenuEntry, PlanStep } from '../types.js';
import { bindInputs, type BindContext } from './bind.js';
import { chooseCapability } from './choose.js';
import { type Clause, splitClauses } from './clauses.js';
import { type Built, shapeOf } from './shape.js';

export interface TemplateOptions {
  /** Clause text → capability id to use (refinement: mapped or kept choices). */
  readonly overrides?: ReadonlyMap<string, string>;
}

export interface TemplateResult {
  readonly steps: PlanStep[];
  readonly log: string;
}

function filterValue(
  clause: Clause,
  params: readonly Param[],
  signals: GoalSignals,
): string | undefined {
  const p = params.find((x) => x.name === 'filter');
  if (p !== undefined) return printDisplay(p.value);
  const q = /"([^"]+)"/.exec(clause.text);
  if (q) return q[1];
  const c = /\b(?:containing|contains|matching|mentioning|about|with)\s+([\w-]+)/i.exec(
    clause.text,
  );
  if (c) return c[1];
  const req = signals.requirements.find((r) => r.kind === 'must-filter');
  return req?.expected_value;
}

export function synthesizeTemplate(
  signals: GoalSignals,
  menu: readonly MenuEntry[],
  opts: TemplateOptions = {},
): TemplateResult {
  const built: Built[] = [];
  const notes: string[] = [];
  let counter = 0;
  const nextId = (): string => `step_${++counter}`;
  const goalTokens = tokens(signals.goal_text);
  const byId = (id: string): MenuEntry | undefined => menu.find((m) => m.id === id);
  const goalInputs = new Set(
    signals.constraints.filter((c) => c.role === 'input').map((c) => c.name),
  );

  const addStep = (
    clause: Clause,
    capabilityId: string,
    entry: MenuEntry | undefined,
    rule: string,
    extraParams: readonly Param[] = [],
  ): void => {
    const params = [...extractIntent(clause.text).params, ...extraParams];
    const ctx: BindContext = {
      signals,
      menu,
      clause,
      clauseParams: params,
      goalTokens,
      previous: built,
      nextId,
      ...(clause.kind === 'transform' || capabilityId.includes('filter')
        ? optional(filterValue(clause, params, signals))
        : {}),
    };
    const { inputs, adapters } = bindInputs(entry, ctx);
    built.push(...adapters);
    const shape = shapeOf(entry);
    const outs =
      clause.kind === 'ask'
        ? [
            {
              alias: slug(
                clause.text.replace(/^ask me (?:for|which|what|about)\s+(?:the\s+)?/i, ''),
              ),
              source: '.',
              type: shape.outs[0]?.type ?? PRIM.any,
            },
          ]
        : shape.outs;
    built.push({
      step: {
        id: nextId(),
        name: nameFromId(capabilityId),
        capability_id: capabilityId,
        inputs,
        outputs: outs.map((o) => ({ alias: o.alias, source: o.source })),
        notes: clause.text,
        origin: { clause: clause.text, rule },
      },
      outs,
    });
  };

  for (const clause of splitClauses(signals.goal_text)) {
    if (clause.kind === 'ask') {
      const topic = clause.text.replace(/^ask me (?:for|which|what|about)\s+(?:the\s+)?/i, '');
      const ask = byId('ccos.user.ask');
      addStep(clause, 'ccos.user.ask', ask, 'pattern:ask', [
        {
          name: 'prompt',
          value: `Please give the ${topic}`,
          role: 'qualifier',
          rule: 'ask me for X',
        },
      ]);
      notes.push(`ask "${topic}" → ccos.user.ask`);
      continue;
    }
    const override = opts.overrides?.get(clause.text);
    const hasPrevious = built.length > 0;
    const params = extractIntent(clause.text).params;
    const choice =
      override !== undefined
        ? { id: override, entry: byId(override), score: NaN }
        : (() => {
            const c = chooseCapability(clause, menu, {
              clauseParams: new Set(params.map((p) => p.name)),
              goalInputs,
              hasPrevious,
            });
            return c !== undefined
              ? { id: c.entry.id, entry: c.entry, score: c.score }
              : { id: `generated.${slug(clause.text)}`, entry: undefined, score: NaN };
          })();
    addStep(clause, choice.id, choice.entry, `pattern:${clause.kind}`);
    notes.push(
      `"${clause.text}" → ${choice.id}${Number.isNaN(choice.score) ? (override !== undefined ? ' (kept)' : ' (below threshold)') : ` (${choice.score})`}`,
    );
  }
  // Step 3: every :must MustCall requirement and MustFilter gets a step.
  const used = (): Set<string> => new Set(built.map((b) => b.step.capability_id));
  for (const r of signals.requirements) {
    if (r.kind !== 'must-call-capability' || r.priority !== 'must' || r.capability_id === undefined)
      continue;
    if (used().has(r.capability_id) || byId(r.capability_id) === undefined) continue;
    addStep(
      { text: signals.goal_text, kind: 'action' },
      r.capability_id,
      byId(r.capability_id),
      'append:must-call',
    );
    notes.push(`appended ${r.capability_id} (required)`);
  }
  const filterReq = signals.requirements.find((r) => r.kind === 'must-filter');
  if (filterReq !== undefined && ![...used()].some((id) => id.includes('filter'))) {
    const f = menu.find((m) => m.id.includes('filter'));
    if (f !== undefined) {
      addStep(
        {
          text: `filter by "${filterReq.expected_value ?? ''}"`,
          kind: 'transform',
          op: 'filter',
          verb: 'filter',
        },
        f.id,
        f,
        'append:must-filter',
      );
      notes.push(`appended ${f.id} (filter "${filterReq.expected_value ?? ''}")`);
    }
  }
  const steps = built.map((b) => b.step);
  return { steps, log: `template: ${steps.length} steps; ${notes.join('; ')}` };
}

function optional(v: string | undefined): { filterExpected?: string } {
  return v !== undefined ? { filterExpected: v } : {};
}

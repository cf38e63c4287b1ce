/**
 * The deterministic `:template` synthesis strategy (planner.md §2.2, docs/planner.md "How
 * synthesis reads a goal"): read the goal in English (lexicon), split it into clauses,
 * plan each clause (clause-plan.ts: guard, fetch, choice, items, qualifiers, bindings),
 * then a step for every `:must` MustCall requirement and MustFilter no step covers.
 */
import { RtfsError } from '../../runtime/index.js';
import { PlannerCodes } from '../codes.js';
import type { GoalSignals, MenuEntry, PlanStep } from '../types.js';
import { planClause } from './clause-plan.js';
import { splitClauses } from './clauses.js';
import { Synthesis, type TemplateOptions, englishGoal } from './synthesis.js';

export { type TemplateOptions, englishGoal } from './synthesis.js';

export interface TemplateResult {
  readonly steps: PlanStep[];
  readonly log: string;
}

export function synthesizeTemplate(
  signals: GoalSignals,
  menu: readonly MenuEntry[],
  opts: TemplateOptions = {},
): TemplateResult {
  const unsupported = signals.contextual_facts['unsupported_language'];
  if (typeof unsupported === 'string')
    throw new RtfsError(
      PlannerCodes.unsupportedLanguage,
      `language not supported by the template planner (${unsupported}); use --provider openai`,
    );
  const st = new Synthesis(signals, menu, opts);
  for (const clause of splitClauses(englishGoal(signals))) {
    if (clause.kind === 'ask') {
      const topic = clause.text.replace(/^ask me (?:for|which|what|about)\s+(?:the\s+)?/i, '');
      st.addStep(clause, 'ccos.user.ask', st.byId('ccos.user.ask'), 'pattern:ask', {
        params: [
          {
            name: 'prompt',
            value: `Please give the ${topic}`,
            role: 'qualifier',
            rule: 'ask me for X',
          },
        ],
      });
      st.notes.push(`ask "${topic}" → ccos.user.ask`);
      continue;
    }
    planClause(st, clause);
  }
  // Every :must MustCall requirement and MustFilter gets a step.
  const used = (): Set<string> => new Set(st.built.map((b) => b.step.capability_id));
  for (const r of signals.requirements) {
    if (r.kind !== 'must-call-capability' || r.priority !== 'must' || r.capability_id === undefined)
      continue;
    if (used().has(r.capability_id) || st.byId(r.capability_id) === undefined) continue;
    st.addStep(
      { text: englishGoal(signals), kind: 'action' },
      r.capability_id,
      st.byId(r.capability_id),
      'append:must-call',
    );
    st.notes.push(`appended ${r.capability_id} (required)`);
  }
  const filterReq = signals.requirements.find((r) => r.kind === 'must-filter');
  if (filterReq !== undefined && ![...used()].some((id) => id.includes('filter'))) {
    const f = menu.find((m) => m.id.includes('filter'));
    if (f !== undefined) {
      st.addStep(
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
      st.notes.push(`appended ${f.id} (filter "${filterReq.expected_value ?? ''}")`);
    }
  }
  const steps = st.built.map((b) => b.step);
  return { steps, log: `template: ${steps.length} steps; ${st.notes.join('; ')}` };
}

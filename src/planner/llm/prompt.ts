/**
 * The versioned synthesis prompt (`synthesize_plan_steps`, version `v1`). Built only
 * from its inputs, with maps in sorted order, so the same goal and menu always give
 * the same prompt bytes (and the same sha256, the key of recorded answers).
 */
import { printDisplay } from '../../data/index.js';
import type { GoalSignals, MenuEntry, Plan } from '../types.js';

export const PROMPT_VERSION = 'v2';

export interface PromptInput {
  readonly signals: GoalSignals;
  readonly menu: readonly MenuEntry[];
  readonly previous?: Plan;
  readonly feedback?: string;
  /** The attempt number (2, 3 …) when the model gets another try. */
  readonly attempt?: number;
}

export function synthesisPrompt(p: PromptInput): string {
  const lines: string[] = [
    `# rtfs planner prompt synthesize_plan_steps ${PROMPT_VERSION}`,
    'You write plan steps that call capabilities from the menu below to achieve the goal.',
    '',
    `Goal: ${p.signals.goal_text}`,
    '',
    'Known inputs (bind them with {"var": "name"}):',
  ];
  const inputs = p.signals.constraints.filter((c) => c.role !== 'qualifier');
  if (inputs.length === 0) lines.push('- none');
  for (const c of inputs) lines.push(`- ${c.name} = ${printDisplay(c.value)}`);
  const qualifiers = p.signals.constraints.filter((c) => c.role === 'qualifier');
  if (qualifiers.length > 0) {
    lines.push('', 'Stated parameters (bind them as literals):');
    for (const c of qualifiers) lines.push(`- ${c.name} = ${printDisplay(c.value)}`);
  }
  lines.push('', 'Capability menu:');
  for (const m of p.menu) {
    lines.push(
      `- ${m.id}: ${m.description}`,
      `  required: ${m.required_inputs.join(', ') || '-'}; optional: ${m.optional_inputs.join(', ') || '-'}; outputs: ${m.outputs.join(', ') || 'result'}`,
    );
  }
  // Only capabilities the menu has are required: an id the planner could not find is never
  // demanded from the model (it would invent it).
  const inMenu = new Set(p.menu.map((m) => m.id));
  const required = p.signals.requirements.filter(
    (r) =>
      r.priority === 'must' &&
      (r.kind !== 'must-call-capability' || inMenu.has(r.capability_id ?? '')),
  );
  if (required.length > 0) {
    lines.push('', 'Requirements:');
    for (const r of required) {
      if (r.kind === 'must-call-capability')
        lines.push(`- REQUIRED: call ${r.capability_id ?? ''}`);
      else if (r.kind === 'must-filter')
        lines.push(`- REQUIRED: filter for "${r.expected_value ?? ''}"`);
      else if (r.kind === 'must-produce-output')
        lines.push(`- REQUIRED: produce the output ${r.key ?? ''}`);
      else lines.push(`- REQUIRED: ${r.description ?? ''}`);
    }
  }
  if (p.previous !== undefined) {
    lines.push('', 'Previous attempt (capability per step):');
    for (const s of p.previous.steps) lines.push(`- ${s.id}: ${s.capability_id}`);
  }
  if (p.feedback !== undefined && p.feedback.length > 0)
    lines.push(
      '',
      `Feedback${p.attempt !== undefined ? ` (attempt ${p.attempt})` : ''}: ${p.feedback}`,
    );
  lines.push(
    '',
    'Answer with a JSON array of steps and nothing else. Each step:',
    '{"id": "step_1", "name": "...", "capability_id": "<menu id>", "inputs": {"<input>": <binding>}, "outputs": ["<output key>"], "notes": "..."}',
    'A binding is a JSON literal (typed: numbers stay numbers), {"var": "name"} for a known input,',
    '{"step": "step_1", "output": "<key>"} for an earlier step\'s output, or {"rtfs": "(fn [x] ...)"} for a function input.',
    'Steps may only refer to earlier steps. Use only capability ids from the menu; never invent one.',
  );
  return lines.join('\n');
}

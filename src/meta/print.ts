/**
 * Plan source text from plan data, through the formatter (src/format), so every emitter
 * (the meta-plan generator, rewriters, replays) prints the same way as `rtfs fmt`.
 */
import type { Value } from '../data/index.js';
import { formatForms } from '../format/index.js';

export function printPlan(plan: Value): string {
  const text = formatForms([plan]);
  return text.endsWith('\n') ? text : `${text}\n`;
}

/** Plan source text from plan data (one place, so every emitter prints the same way). */
import { type Value, printValue } from '../data/index.js';

export function printPlan(plan: Value): string {
  return `${printValue(plan)}\n`;
}

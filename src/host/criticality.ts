/**
 * One criticality classifier (planner.md §7.23: the reference has three that disagree):
 * declared effects first, then id patterns for what effects cannot say.
 *   low       only :pure / :read
 *   moderate  :llm, :network without :write
 *   critical  :write, :human, or no declared effects (unknown: cannot be vouched for)
 *   dangerous ids that delete, execute code or move money, whatever their effects
 */
export type Criticality = 'low' | 'moderate' | 'critical' | 'dangerous';

export const CRITICALITY_ORDER: readonly Criticality[] = [
  'low',
  'moderate',
  'critical',
  'dangerous',
];

const DANGEROUS =
  /(^|[._-])(delete|remove|drop|destroy|exec|shell|system|transfer|pay|purge)([._-]|$)/;

export function criticality(id: string, effects: readonly string[] | undefined): Criticality {
  if (DANGEROUS.test(id)) return 'dangerous';
  if (effects === undefined || effects.length === 0) return 'critical';
  if (effects.includes('write') || effects.includes('human')) return 'critical';
  if (effects.includes('llm') || effects.includes('network')) return 'moderate';
  return 'low';
}

export function worst(levels: readonly Criticality[]): Criticality {
  let i = 0;
  for (const l of levels) i = Math.max(i, CRITICALITY_ORDER.indexOf(l));
  return CRITICALITY_ORDER[i] as Criticality;
}

/**
 * Values a clause states for a step's inputs (planner/synth/bind.ts): the quoted text
 * of a message, what a message says ("… that their order is delayed"), an enum value
 * said as a word ("shipped"), and a `max_…`/`min_…` bound from a threshold ("under 500").
 */
import type { Value } from '../../data/index.js';
import type { TypeAst } from '../../types/index.js';
import { execIf } from '../required-texts.js';
import type { Clause } from './clauses.js';
import { coerceLiteral } from './types-compat.js';

export function capitalise(s: string): string {
  return s.length > 0 ? (s[0] as string).toUpperCase() + s.slice(1) : s;
}

/** Inputs that carry the text of a message: a quoted string in the clause fills them. */
export const MESSAGE_NAMES: ReadonlySet<string> = new Set([
  'body',
  'text',
  'message',
  'comment',
  'content',
]);

export function quotedText(text: string): string | undefined {
  const m = /"([^"]+)"/.exec(text);
  return m?.[1];
}

const SAYING = new Set(['send', 'post', 'reply', 'comment']);

/** What a message says when the clause tells it: "email each customer that their order is delayed". */
export function contentPhrase(clause: Clause): string | undefined {
  if (clause.verb === undefined || !SAYING.has(clause.verb)) return undefined;
  const m = execIf(
    /\b(?:that|saying|asking|to say|telling (?:them|him|her))\s+(.+)$/i,
    clause.text,
  );
  const text = m?.[1]?.trim();
  return text !== undefined && text.length > 0 ? capitalise(text) : undefined;
}

const QUANTIFIER_WORDS = new Set(['all', 'any', 'each', 'every', 'none']);

/** An enum value of the input's type that the clause says as a word ("shipped", "pending"). */
export function enumWord(type: TypeAst, text: string, avoid: readonly string[]): Value | undefined {
  const t = type.kind === 'optional' ? type.inner : type;
  if (t.kind !== 'enum') return undefined;
  const ws = new Set(text.toLowerCase().split(/[^a-z0-9_-]+/));
  for (const v of t.values)
    if (
      typeof v === 'string' &&
      !QUANTIFIER_WORDS.has(v.toLowerCase()) &&
      !avoid.includes(v) &&
      ws.has(v.toLowerCase())
    )
      return v;
  return undefined;
}

/** A `max_…` / `min_…` input from a threshold the clause states ("under 500"). */
export function thresholdFor(
  name: string,
  type: TypeAst,
  thresholds: readonly { readonly op: string; readonly value: Value }[],
): Value | undefined {
  const upper = /^max_|_max$|^max$/.test(name);
  const lower = /^min_|_min$|^min$/.test(name);
  if (!upper && !lower) return undefined;
  const t = thresholds.find((x) =>
    upper ? x.op === 'lt' || x.op === 'le' : x.op === 'gt' || x.op === 'ge',
  );
  return t !== undefined ? coerceLiteral(type, t.value) : undefined;
}

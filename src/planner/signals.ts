/**
 * `planner.extract_goal_signals` (planner.md §2.2): goal text (+ optional intent) →
 * GoalSignals. Constraints come from the intent and from the rule-based extraction
 * (intent.ts); a `filter` constraint adds a `:must` MustFilter requirement; catalog
 * entries scoring ≥ `min_score` add `:should` MustCall requirements (source
 * `:catalog`), at most `max_results`, sorted by (−score, id).
 */
import { type Value, printDisplay } from '../data/index.js';
import type { Catalog } from './catalog/index.js';
import { RtfsError } from '../runtime/index.js';
import { ambiguity, clarify } from './ambiguity.js';
import { entriesWithTokens } from './catalog-index.js';
import { PlannerCodes } from './codes.js';
import { extractIntent } from './intent.js';
import { detectLanguage, englishPhrases, lexicon } from './lexicon/index.js';
import { mustCall, mustFilter } from './requirements.js';
import { isMetaCapability, scoreEntry } from './scoring.js';
import { compareIds, tokens } from './text.js';
import type { Constraint, GoalSignals, Requirement } from './types.js';

export interface IntentInput {
  readonly name?: string;
  /** Constraints that are plan inputs (`:role :input`): identifiers such as owner, repo. */
  readonly inputs?: Readonly<Record<string, Value>>;
  readonly constraints?: Readonly<Record<string, Value>>;
  readonly preferences?: Readonly<Record<string, Value>>;
  readonly success_criteria?: string;
}

export interface ExtractOptions {
  readonly intent?: IntentInput;
  /**
   * Asks the user one clarifying question when the goal is ambiguous ("handle the
   * bugs"); undefined (or no answer) stops with `planner/ambiguous-goal`.
   */
  readonly ask?: (question: string) => string | undefined;
  readonly apply_catalog_search?: boolean;
  readonly min_score?: number;
  readonly max_results?: number;
}

function valueText(v: Value): string {
  return typeof v === 'string' ? v : printDisplay(v);
}

/** The query tokens of a goal: its text, constraint values (and names of plan inputs) and facts. */
export function signalQuery(s: GoalSignals): string[] {
  const parts = [
    s.goal_text,
    ...s.constraints.map((c) =>
      c.role === 'input' ? `${c.name} ${valueText(c.value)}` : valueText(c.value),
    ),
  ];
  for (const key of Object.keys(s.contextual_facts).sort()) {
    const v = s.contextual_facts[key];
    if (v !== undefined) parts.push(valueText(v));
  }
  const base = tokens(parts.join(' '));
  return [...base, ...expandTokens(base).filter((t) => !base.includes(t))];
}

/**
 * Words the goal implies through the lexicon: a channel implies Slack and a message,
 * "drops below" a price, "degrees" the weather; canonical nouns of synonyms.
 */
export function expandTokens(base: readonly string[]): string[] {
  const lex = lexicon();
  const out: string[] = [];
  const add = (t: string): void => {
    for (const x of tokens(t)) if (!out.includes(x)) out.push(x);
  };
  for (const t of base) {
    for (const n of lex.implies.get(t) ?? []) add(n);
    for (const f of lex.measureHints.get(t) ?? []) add(f);
    const noun = lex.nouns.get(t);
    if (noun !== undefined && noun !== t) add(noun);
  }
  return out;
}

/**
 * Catalog entries scored against the signals, best first, (−score, id). Only entries
 * with a query token can score above 0: the catalog's token index gives them.
 */
export function rankCatalog(
  catalog: Catalog,
  query: readonly string[],
): { id: string; score: number }[] {
  return entriesWithTokens(catalog, query)
    .filter((e) => !isMetaCapability(e.id))
    .map((e) => ({ id: e.id, score: scoreEntry(e, query) }))
    .filter((h) => h.score > 0)
    .sort((a, b) => b.score - a.score || compareIds(a.id, b.id));
}

export function extractGoalSignals(
  goal: string,
  catalog: Catalog,
  opts: ExtractOptions = {},
): GoalSignals {
  const constraints: Constraint[] = [];
  const preferences: Constraint[] = [];
  const requirements: Requirement[] = [];
  const facts: Record<string, Value> = {};
  const intent = opts.intent;
  if (intent !== undefined) {
    if (intent.name !== undefined) facts['intent_name'] = intent.name;
    for (const name of Object.keys(intent.inputs ?? {}).sort()) {
      const value = intent.inputs?.[name] ?? null;
      constraints.push({ name, value, source: { kind: 'intent-constraint' }, role: 'input' });
    }
    for (const name of Object.keys(intent.constraints ?? {}).sort()) {
      if (constraints.some((c) => c.name === name)) continue;
      const value = intent.constraints?.[name] ?? null;
      constraints.push({ name, value, source: { kind: 'intent-constraint' } });
    }
    for (const name of Object.keys(intent.preferences ?? {}).sort()) {
      const value = intent.preferences?.[name] ?? null;
      preferences.push({ name, value, source: { kind: 'intent-preference' } });
    }
  }
  const lang = detectLanguage(goal);
  let english = englishPhrases(lang.english);
  if (lang.code === 'unsupported') facts['unsupported_language'] = lang.name;
  else {
    if (lang.code !== 'en') facts['language'] = lang.code;
    const vague = ambiguity(english, catalog);
    if (vague !== undefined) {
      const answer = opts.ask?.(vague.question)?.trim();
      if (answer === undefined || answer.length === 0)
        throw new RtfsError(PlannerCodes.ambiguousGoal, `${vague.message}. ${vague.question}`);
      english = englishPhrases(clarify(english, vague, answer));
      facts['clarification'] = answer;
    }
    if (english !== goal) facts['english_goal'] = english;
  }
  const extracted = extractIntent(english);
  for (const p of extracted.params) {
    if (constraints.some((c) => c.name === p.name)) continue;
    constraints.push({
      name: p.name,
      value: p.value,
      source: { kind: 'goal-text', rationale: p.rule },
      role: p.role,
    });
  }
  for (const key of Object.keys(extracted.facts).sort()) facts[key] = extracted.facts[key] ?? null;
  for (const c of constraints) {
    if (c.name.includes('filter'))
      requirements.push(mustFilter(c.name, valueText(c.value), c.source));
  }
  let signals: GoalSignals = {
    goal_text: goal,
    constraints,
    preferences,
    success_criteria:
      intent?.success_criteria !== undefined ? [{ description: intent.success_criteria }] : [],
    requirements,
    contextual_facts: facts,
    catalog_snapshot: catalog.snapshot,
  };
  if (opts.apply_catalog_search !== false) {
    const min = opts.min_score ?? 0.5;
    const max = opts.max_results ?? 10;
    const hits = rankCatalog(catalog, signalQuery(signals))
      .slice(0, max)
      .filter((h) => h.score >= min);
    signals = {
      ...signals,
      requirements: [
        ...signals.requirements,
        ...hits.map((h) =>
          mustCall(
            h.id,
            'should',
            { kind: 'catalog', rationale: `matched via catalog search (score ${h.score})` },
            'available',
            { rationale: `catalog score ${h.score}` },
          ),
        ),
      ],
    };
  }
  return signals;
}

/**
 * Goals too vague to plan: a vague verb ("handle the bugs", "sort out my travel",
 * "do the usual report") with no other action, or "the usual …" (which only the user
 * knows). The planner asks one clarifying question (through `ccos.user.ask` in the
 * meta-plan) or stops with a message saying what is ambiguous; an answer turns the
 * goal into a plannable one ("close" → "close the bugs").
 */
import type { Catalog } from './catalog/index.js';
import { lexicon } from './lexicon/index.js';
import { idParts } from './synth/choose.js';
import { phraseNouns } from './synth/qualifiers.js';
import { compareIds } from './text.js';

export interface Ambiguity {
  readonly message: string;
  readonly question: string;
  /** The vague words ("handle", "the usual"). */
  readonly vague: string;
  /** What the goal is about ("the bugs"). */
  readonly object: string;
}

/** Why the goal is ambiguous, or undefined when it can be planned. */
export function ambiguity(english: string, catalog: Catalog): Ambiguity | undefined {
  const lex = lexicon();
  const lower = english.toLowerCase().trim();
  const vagueVerb = lex.vagueVerbs
    .filter((v) => lower === v || lower.startsWith(`${v} `) || lower.startsWith(`please ${v} `))
    .sort((a, b) => b.length - a.length)[0];
  const usual = /\bthe usual\b|\bas usual\b|\bthe same as (?:last|before)\b/.exec(lower);
  const rest =
    vagueVerb !== undefined
      ? lower
          .replace(/^please\s+/, '')
          .slice(vagueVerb.length)
          .trim()
      : lower;
  if (vagueVerb === undefined && usual === null) return undefined;
  // Only a vague verb needs another one (most goals have neither: their words are not
  // split by this Unicode pattern, ~0.5 ms to compile, ADR 0040).
  const otherVerb = () =>
    rest.split(/[^\p{L}\p{N}_'-]+/u).some((w) => {
      const v = lex.verbs.get(w);
      return (
        v !== undefined &&
        !lex.vagueVerbs.includes(w) &&
        !['report', 'order', 'text', 'message', 'record', 'set', 'new', 'post'].includes(w)
      );
    });
  if (vagueVerb !== undefined && usual === null && otherVerb()) return undefined;
  const object = rest.length > 0 ? rest : 'it';
  const options = verbsFor(object, catalog);
  const vague = usual !== null ? usual[0] : (vagueVerb ?? '');
  const message =
    usual !== null
      ? `the goal is ambiguous: "${usual[0]}" refers to something the planner does not know`
      : `the goal is ambiguous: "${vagueVerb ?? ''}" does not say what to do with ${object}`;
  const question =
    options.length > 0
      ? `What should I do with ${object}? For example: ${options.join(', ')}.`
      : `What exactly should I do (${vague} ${object})? Say it with an action and what it acts on.`;
  return { message, question, vague, object };
}

/** The verbs of catalog capabilities about the object's nouns ("list, close, comment"). */
function verbsFor(object: string, catalog: Catalog): string[] {
  const lex = lexicon();
  const nouns = phraseNouns(object).map((n) => lex.nouns.get(n) ?? n);
  const out: string[] = [];
  for (const e of [...catalog.entries].sort((a, b) => compareIds(a.id, b.id))) {
    if (e.builtin) continue;
    const p = idParts(e.id);
    const about = [...p.nouns, ...p.service].map((n) => lex.nouns.get(n) ?? n);
    if (p.verb !== undefined && nouns.some((n) => about.includes(n)) && !out.includes(p.verb))
      out.push(p.verb);
  }
  return out.slice(0, 6);
}

/** The goal with the user's answer: a short answer replaces the vague verb, a long one the goal. */
export function clarify(english: string, a: Ambiguity, answer: string): string {
  const ws = answer
    .trim()
    .replace(/[.!]+$/, '')
    .split(/\s+/);
  const short = ws.filter((w) => !/^(?:them|it|those|these|all)$/i.test(w));
  if (ws.length <= 3 && a.object !== 'it') return `${short.join(' ')} ${a.object}`;
  return answer.trim() || english;
}

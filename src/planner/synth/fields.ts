/**
 * What a step's outputs hold, read from their types: lists of records and the fields of
 * their items, numbers, text. Conditions, filters, sorting and per-item binding choose
 * fields through these, by the words of the goal (lexicon hints) and the field names.
 */
import { PRIM, type TypeAst } from '../../types/index.js';
import { lexicon } from '../lexicon/index.js';
import { tokens, words } from '../text.js';
import type { OutInfo } from './shape.js';

export interface Field {
  readonly name: string;
  readonly type: TypeAst;
}

function strip(t: TypeAst): TypeAst {
  return t.kind === 'optional' ? strip(t.inner) : t;
}

export function isNumeric(t: TypeAst): boolean {
  const s = strip(t);
  return s.kind === 'prim' && (s.name === 'int' || s.name === 'float' || s.name === 'number');
}

export function isText(t: TypeAst): boolean {
  const s = strip(t);
  return (
    (s.kind === 'prim' && s.name === 'string') ||
    (s.kind === 'enum' && s.values.every((v) => typeof v === 'string'))
  );
}

export function isBool(t: TypeAst): boolean {
  const s = strip(t);
  return s.kind === 'prim' && s.name === 'bool';
}

export function isList(t: TypeAst): boolean {
  const s = strip(t);
  return (
    s.kind === 'vector' ||
    s.kind === 'list' ||
    (s.kind === 'prim' && (s.name === 'vector' || s.name === 'list'))
  );
}

/** The element type of a list type (`:any` when unknown). */
export function elementOf(t: TypeAst): TypeAst {
  const s = strip(t);
  return s.kind === 'vector' || s.kind === 'list' ? s.element : PRIM.any;
}

/** The fields of a record type (none for anything else). */
export function fieldsOf(t: TypeAst): Field[] {
  const s = strip(t);
  if (s.kind !== 'map') return [];
  return s.entries.map((e) => ({ name: e.key.name, type: e.type }));
}

/** The list outputs of a step, best first: the one named like `nouns`, then in order. */
export function listOutputs(outs: readonly OutInfo[], nouns: readonly string[] = []): OutInfo[] {
  const lists = outs.filter((o) => isList(o.type));
  const named = lists.filter((o) => nouns.some((n) => sameNoun(o.alias, n)));
  return [...named, ...lists.filter((o) => !named.includes(o))];
}

/** `issues` ~ `issue`, `pull_requests` ~ `pull_request` (canonical nouns compared). */
export function sameNoun(a: string, b: string): boolean {
  const ta = tokens(a.replace(/_/g, ' '));
  const tb = tokens(b.replace(/_/g, ' '));
  if (ta.length === 0 || tb.length === 0) return false;
  const lex = lexicon();
  const canon = (t: string): string => lex.nouns.get(t) ?? t;
  const ca = ta.map(canon).join(' ');
  const cb = tb.map(canon).join(' ');
  return ca === cb || ca.endsWith(cb) || cb.endsWith(ca);
}

/**
 * Field names a text hints at, best first: lexicon measure and field hints for its
 * words, then its own words (a field named in the goal).
 */
export function hintedFields(text: string): string[] {
  const lex = lexicon();
  const out: string[] = [];
  const ws = words(text);
  for (const w of ws) {
    for (const f of lex.measureHints.get(w) ?? []) if (!out.includes(f)) out.push(f);
    for (const f of lex.fieldHints.get(w)?.fields ?? []) if (!out.includes(f)) out.push(f);
  }
  for (const w of ws) if (w.length > 2 && !out.includes(w)) out.push(w);
  return out;
}

/** The best field among `fields` for the hints (by rank of the hint, then name overlap). */
export function pickField(fields: readonly Field[], hints: readonly string[]): Field | undefined {
  let best: { f: Field; score: number } | undefined;
  for (const f of fields) {
    let score = 0;
    hints.forEach((h, i) => {
      const weight = 100 - i;
      if (f.name === h) score = Math.max(score, weight * 2);
      else if (f.name.split('_').includes(h) || f.name.startsWith(h) || h.startsWith(f.name))
        score = Math.max(score, weight);
    });
    if (score > 0 && (best === undefined || score > best.score)) best = { f, score };
  }
  return best?.f;
}

/**
 * Where the items of a per-item clause come from, and how an item feeds a step: an
 * earlier step's list output named like the clause's nouns (or whose items have a
 * field named like them: `customer` ← `customer_email`), else a list capability of
 * the menu whose output lists those nouns ("close all wontfix issues" →
 * `github.list_issues`). An input of a per-item step takes the item's field of the
 * same name, `<noun>_id` the item's `id`, `email` a `…_email` field, and so on.
 */
import { lexicon } from '../lexicon/index.js';
import { compareIds, tokens } from '../text.js';
import type { MenuEntry } from '../types.js';
import { idParts, isDataName } from './choose.js';
import { type Field, elementOf, fieldsOf, isList, isText, sameNoun } from './fields.js';
import { type Built, type OutInfo, shapeOf } from './shape.js';
import { singular } from './qualifiers.js';

export interface ListSource {
  readonly built: Built;
  readonly out: OutInfo;
}

/** The fields of the items of a list output. */
export function itemFields(out: OutInfo): Field[] {
  return fieldsOf(elementOf(out.type));
}

/** A name for the item variable: the singular of the list (`issues` → `issue`). */
export function itemName(out: OutInfo): string {
  const parts = out.alias.split('_');
  const last = parts.pop() ?? '';
  const base =
    out.alias === '.' || out.alias === 'result' ? 'item' : [...parts, singular(last)].join('_');
  const clean = base.replace(/[^a-z0-9_]/gi, '_').toLowerCase();
  return /^[a-z]/.test(clean) && !RESERVED.has(clean) ? clean : 'item';
}

const RESERVED = new Set([
  'fn',
  'let',
  'if',
  'do',
  'def',
  'step',
  'call',
  'get',
  'str',
  'count',
  'first',
  'map',
  'list',
  'vector',
  'set',
  'key',
  'name',
  'type',
  'result',
  'x',
  'r',
]);

function nounMatches(out: OutInfo, id: string, nouns: readonly string[]): number {
  if (nouns.length === 0) return 0;
  if (nouns.some((n) => sameNoun(out.alias, n))) return 2;
  const fields = itemFields(out).map((f) => f.name);
  if (nouns.some((n) => fields.some((f) => f === n || f.startsWith(`${n}_`)))) return 1;
  const lex = lexicon();
  const idNouns = [...idParts(id).nouns, ...idParts(id).service].map((t) => lex.nouns.get(t) ?? t);
  return nouns.some((n) => idNouns.includes(lex.nouns.get(n) ?? n)) ? 1 : 0;
}

/** The newest earlier list output for the nouns (any list when `nouns` is empty). */
export function previousList(
  built: readonly Built[],
  nouns: readonly string[],
): ListSource | undefined {
  for (let i = built.length - 1; i >= 0; i--) {
    const b = built[i] as Built;
    if (b.each === true) continue;
    for (const o of b.outs.filter((x) => isList(x.type))) {
      if (nouns.length === 0 || nounMatches(o, b.step.capability_id, nouns) > 0)
        return { built: b, out: o };
    }
  }
  return undefined;
}

/** A list capability of the menu for the nouns, best first (undefined when none lists them). */
export function listCapability(
  menu: readonly MenuEntry[],
  nouns: readonly string[],
  canBind: (input: string) => boolean,
): { entry: MenuEntry; out: OutInfo } | undefined {
  let best: { entry: MenuEntry; out: OutInfo; score: number } | undefined;
  for (const m of menu) {
    if (m.id.startsWith('ccos.') || m.id.startsWith('core.')) continue;
    if (m.effects.some((e) => e === 'write' || e === 'human')) continue;
    const verb = idParts(m.id).verb;
    if (verb !== undefined && !['list', 'search', 'get', 'query', 'read'].includes(verb)) continue;
    const shape = shapeOf(m);
    for (const out of shape.outs.filter((o) => isList(o.type))) {
      const match = nounMatches(out, m.id, nouns);
      if (match === 0) continue;
      const missing = shape.inputs.filter((i) => !i.optional && !canBind(i.name)).length;
      const score = match * 2 - missing + (verb === 'list' ? 0.5 : 0);
      if (
        best === undefined ||
        score > best.score ||
        (score === best.score && compareIds(m.id, best.entry.id) < 0)
      )
        best = { entry: m, out, score };
    }
  }
  return best !== undefined ? { entry: best.entry, out: best.out } : undefined;
}

/** Identifier-like inputs: what a per-item step takes from each item. */
export function isIdentifier(name: string): boolean {
  return (
    name === 'id' ||
    name === 'number' ||
    name === 'key' ||
    name === 'sku' ||
    name === 'email' ||
    name === 'path' ||
    name === 'symbol' ||
    /_(?:id|number|key|ref|email)$/.test(name)
  );
}

/** The item field feeding input `name` of a per-item step, if any (see the module comment). */
export function itemFieldFor(
  name: string,
  fields: readonly Field[],
  listAlias: string,
): string | undefined {
  const has = (f: string): boolean => fields.some((x) => x.name === f);
  if (has(name)) return name;
  const noun = singular(listAlias);
  if (name === `${noun}_id` && has('id')) return 'id';
  if (name === 'id' && has(`${noun}_id`)) return `${noun}_id`;
  const suffix = fields.find((f) => f.name.endsWith(`_${name}`));
  if (suffix !== undefined && isIdentifier(name)) return suffix.name;
  const stem = name.replace(/_(?:id|number|key)$/, '');
  if (stem !== name) {
    const f = fields.find(
      (x) => x.name === `${stem}_id` || x.name === `${stem}_number` || x.name === stem,
    );
    if (f !== undefined) return f.name;
  }
  if (name === 'path' && has('name')) return 'name';
  if (isDataName(name)) {
    const text = fields.filter((f) => isText(f.type));
    for (const pref of [
      'body',
      'text',
      'content',
      'message',
      'snippet',
      'summary',
      'excerpt',
      'description',
      'title',
    ])
      if (text.some((f) => f.name === pref)) return pref;
  }
  return undefined;
}

/** The inputs of `m` that items of `fields` supply. */
export function itemInputs(m: MenuEntry, fields: readonly Field[], listAlias: string): string[] {
  return m.required_inputs.filter(
    (i) => isIdentifier(i) && itemFieldFor(i, fields, listAlias) !== undefined,
  );
}

/** True when `m` acts on one thing named by an identifier the goal does not give. */
export function needsItem(m: MenuEntry, given: (input: string) => boolean): boolean {
  return m.required_inputs.some((i) => isIdentifier(i) && !given(i));
}

export function nounTokens(text: string): string[] {
  return tokens(text);
}

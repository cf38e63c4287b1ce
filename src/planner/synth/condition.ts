/**
 * Conditions ("if it will rain", "if there are more than 5 critical issues", "if AAPL
 * drops below 150", "if there are none"): what they compare (a count of items, a
 * number, words in a text), with which operator and value, and the subject they
 * read: the previous result ("it", "there are none") or data the plan must fetch
 * first ("AAPL", "the stock of SKU-123"). `guardFor` turns a condition and the step
 * that holds its subject into a Guard on that step's output.
 */
import type { Value } from '../../data/index.js';
import { type Comparator, lexicon } from '../lexicon/index.js';
import type { Guard } from '../types.js';
import {
  type Field,
  elementOf,
  fieldsOf,
  hintedFields,
  isBool,
  isList,
  isNumeric,
  isText,
  pickField,
} from './fields.js';
import type { OutInfo } from './shape.js';

export interface Condition {
  readonly text: string;
  readonly measure: 'count' | 'number' | 'text' | 'truthy';
  readonly op: Comparator | 'contains' | 'truthy';
  readonly value?: Value;
  /** The subject is the previous result (a pronoun, or nothing named). */
  readonly pronoun: boolean;
  /** The words naming the subject, to fetch it when it is not the previous result. */
  readonly subject: string;
  /** Field names the condition hints at, best first. */
  readonly hints: readonly string[];
}

const PRONOUN = /^(?:it|they|them|this|that|these|those|the result|the results|its|their|there)\b/i;
const FILLER =
  /\b(?:is|are|was|were|will|be|gets?|goes|has|have|had|by|does|do|currently|now|still|already)\b/gi;

/** The comparison phrase and number in `text`, if any ("drops below 150"). */
function comparison(
  text: string,
): { op: Comparator; value: number; at: number; end: number } | undefined {
  for (const { phrase, op } of lexicon().comparators) {
    const re = new RegExp(`\\b${phrase.replace(/ /g, '\\s+')}\\s+\\$?(-?\\d+(?:\\.\\d+)?)`, 'i');
    const m = re.exec(text);
    if (m) return { op, value: Number(m[1]), at: m.index, end: m.index + m[0].length };
  }
  return undefined;
}

function tidy(s: string): string {
  return s.replace(FILLER, ' ').replace(/\s+/g, ' ').trim();
}

/** Reads a condition (see the module comment). */
export function parseCondition(text: string): Condition {
  const lex = lexicon();
  const t = text.trim();
  const hints = hintedFields(t);
  const there =
    /^there\s+(?:are|is|were|will be)\s+(.*)$/i.exec(t) ?? /^(?:any|no)\s+(.*)$/i.exec(t);
  if (there) {
    const rest = there[1] ?? '';
    const first = (rest.split(/\s+/)[0] ?? '').toLowerCase();
    if (lex.noneWords.has(first) || /^no\b/i.test(t)) {
      const subject = rest.replace(/^\S+\s*/, '');
      return {
        text: t,
        measure: 'count',
        op: 'eq',
        value: 0,
        pronoun: subject.length === 0,
        subject,
        hints,
      };
    }
    const c = comparison(rest);
    if (c !== undefined) {
      const subject = tidy(rest.slice(c.end));
      return {
        text: t,
        measure: 'count',
        op: c.op,
        value: c.value,
        pronoun: subject.length === 0,
        subject,
        hints,
      };
    }
    const subject = rest.replace(/^(?:any|some|at least one)\s+/i, '');
    return {
      text: t,
      measure: 'count',
      op: 'gt',
      value: 0,
      pronoun: subject.length === 0,
      subject,
      hints,
    };
  }
  const c = comparison(t);
  if (c !== undefined) {
    const before = tidy(t.slice(0, c.at));
    const subject = before.replace(PRONOUN, '').trim();
    return {
      text: t,
      measure: 'number',
      op: c.op,
      value: c.value,
      pronoun: PRONOUN.test(before) || before.length === 0,
      subject: subject.length > 0 ? subject : before,
      hints,
    };
  }
  for (const w of t.toLowerCase().split(/[^a-z_]+/)) {
    const h = lex.fieldHints.get(w);
    if (h === undefined) continue;
    const subject = tidy(t.replace(new RegExp(`\\b${w}\\b`, 'i'), ''))
      .replace(PRONOUN, '')
      .trim();
    return {
      text: t,
      measure: 'text',
      op: 'contains',
      value: h.text,
      pronoun: PRONOUN.test(t) && subject.length === 0,
      subject,
      hints,
    };
  }
  if (/\b(?:is|are)\s+empty\b/i.test(t))
    return {
      text: t,
      measure: 'count',
      op: 'eq',
      value: 0,
      pronoun: PRONOUN.test(t),
      subject: '',
      hints,
    };
  const subject = tidy(t).replace(PRONOUN, '').trim();
  return { text: t, measure: 'truthy', op: 'truthy', pronoun: PRONOUN.test(t), subject, hints };
}

/** Words that make the subject's fetch clause ("list critical issues in acme/api"). */
export function fetchText(c: Condition): string {
  const lex = lexicon();
  const extra = c.hints.filter((h) => lex.nouns.has(h) || lex.implies.has(h)).slice(0, 2);
  const implied = c.text
    .toLowerCase()
    .split(/[^a-z]+/)
    .flatMap((w) => lex.implies.get(w) ?? [])
    .slice(0, 2);
  const verb = c.measure === 'count' ? 'list' : 'get';
  return [verb, c.subject, ...extra, ...implied].join(' ').replace(/\s+/g, ' ').trim();
}

function compareOp(op: Condition['op']): Guard['op'] {
  return op;
}

/** A guard for `c` on the outputs `outs` of step `step`, or undefined when none fits. */
export function guardFor(c: Condition, step: string, outs: readonly OutInfo[]): Guard | undefined {
  const base = {
    step,
    text: c.text,
    op: compareOp(c.op),
    ...(c.value !== undefined ? { value: c.value } : {}),
  };
  const lists = outs.filter((o) => isList(o.type));
  if (c.measure === 'count') {
    const list = lists[0];
    // "if any pull request is a draft": some item's flag, not the number of items.
    const words = new Set(c.text.toLowerCase().split(/[^a-z_]+/));
    const flag =
      list !== undefined && c.op === 'gt' && c.value === 0
        ? fieldsOf(elementOf(list.type)).find((f) => isBool(f.type) && words.has(f.name))
        : undefined;
    if (list !== undefined && flag !== undefined)
      return { ...base, op: 'truthy', output: list.alias, field: flag.name, measure: 'any' };
    if (list !== undefined) return { ...base, output: list.alias, measure: 'count' };
    const n = outs.find((o) => isNumeric(o.type));
    return n !== undefined ? { ...base, output: n.alias, measure: 'value' } : undefined;
  }
  const want = (t: Field['type']): boolean =>
    c.measure === 'number' ? isNumeric(t) : c.measure === 'text' ? isText(t) : true;
  // A scalar output of the step ("temperature"), then a field of a record output, then of list items.
  const scalars: Field[] = outs
    .filter((o) => want(o.type) && !isList(o.type))
    .map((o) => ({ name: o.alias, type: o.type }));
  const scalar = pickField(scalars, c.hints) ?? (scalars.length === 1 ? scalars[0] : undefined);
  if (scalar !== undefined) return { ...base, output: scalar.name, measure: 'value' };
  for (const o of outs) {
    const fs = fieldsOf(o.type).filter((f) => want(f.type));
    const f = pickField(fs, c.hints) ?? (fs.length === 1 ? fs[0] : undefined);
    if (f !== undefined) return { ...base, output: o.alias, field: f.name, measure: 'value' };
  }
  for (const o of lists) {
    const fs = fieldsOf(elementOf(o.type)).filter((f) => want(f.type));
    const f = pickField(fs, c.hints) ?? (fs.length === 1 ? fs[0] : undefined);
    if (f !== undefined) return { ...base, output: o.alias, field: f.name, measure: 'any' };
  }
  if (c.measure === 'truthy') {
    const b = outs.find((o) => isBool(o.type)) ?? outs[0];
    if (b !== undefined) return { ...base, output: b.alias, measure: 'value' };
  }
  if (c.measure === 'text') {
    // No field of text: test the whole result's printed form.
    const o = outs[0];
    if (o !== undefined) return { ...base, output: o.alias, measure: 'value' };
  }
  return undefined;
}

/**
 * A small deterministic pretty-printer for plan forms (until the project formatter
 * lands): a form that fits in the width is printed on one line with `printValue`;
 * otherwise a list breaks after its head (and after the first argument of `step`,
 * `defcapability`, `fn`, `let`), one argument per line indented by two, a map one
 * entry per line, a vector one item per line. `:keyword value` pairs in the argument
 * list of `plan` stay on one line. `read(printPlanForm(f))` gives `f` back.
 */
import { type Value, Keyword, RList, RMap, RVector, Sym, printValue } from '../data/index.js';

const WIDTH = 100;

/** Heads that keep their first N arguments on the head line. */
const KEEP: Readonly<Record<string, number>> = {
  step: 1,
  defcapability: 1,
  fn: 1,
  let: 1,
  if: 1,
  call: 1,
  plan: 0,
};

function pad(n: number): string {
  return ' '.repeat(n);
}

function printList(items: readonly Value[], indent: number): string {
  const head = items[0];
  const headText = head === undefined ? '' : printValue(head);
  const keep = head instanceof Sym ? (KEEP[head.name] ?? 0) : 0;
  const inner = indent + 2;
  let s = `(${headText}`;
  let i = 1;
  for (; i <= keep && i < items.length; i++) s += ` ${printForm(items[i] as Value, inner)}`;
  const isPlan = head instanceof Sym && head.name === 'plan';
  while (i < items.length) {
    const item = items[i] as Value;
    if (isPlan && item instanceof Keyword && i + 1 < items.length) {
      const val = items[i + 1] as Value;
      s += `\n${pad(inner)}${printValue(item)} ${printForm(val, inner + printValue(item).length + 1)}`;
      i += 2;
      continue;
    }
    s += `\n${pad(inner)}${printForm(item, inner)}`;
    i++;
  }
  return `${s})`;
}

/** Prints `v` starting at column `indent` (see the module comment). */
export function printPlanForm(v: Value, indent = 0): string {
  return printForm(v, indent);
}

function printForm(v: Value, indent: number): string {
  const flat = printValue(v);
  if (indent + flat.length <= WIDTH && !isPlanForm(v)) return flat;
  if (v instanceof RList && v.items.length > 0) return printList(v.items, indent);
  if (v instanceof RVector && v.count > 0) {
    const items = v.toArray();
    return `[${items.map((x, i) => (i === 0 ? '' : `\n${pad(indent + 1)}`) + printForm(x, indent + 1)).join('')}]`;
  }
  if (v instanceof RMap && v.size > 0) {
    const parts: string[] = [];
    v.forEach((val, k) => {
      const kt = printValue(k);
      parts.push(`${kt} ${printForm(val, indent + 1 + kt.length + 1)}`);
    });
    return `{${parts.join(`\n${pad(indent + 1)}`)}}`;
  }
  return flat;
}

function isPlanForm(v: Value): boolean {
  return v instanceof RList && v.items[0] instanceof Sym && v.items[0].name === 'plan';
}

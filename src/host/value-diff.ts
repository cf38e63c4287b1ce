/**
 * The first place two values differ, for divergence messages: the path to it (map keys
 * and vector indexes, `:plan :steps 1 :capability_id`) and both sides there, printed
 * and clipped. Maps are compared key by key in printed order, so the answer does not
 * depend on insertion order.
 */
import { type Value, RList, RMap, RVector, equals, printValue } from '../data/index.js';

export interface Difference {
  /** Printed path from the root ('' when the roots differ). */
  readonly path: string;
  /** Printed values at the path; `absent` when one side has no such key or index. */
  readonly recorded: string;
  readonly replayed: string;
}

const ABSENT = 'absent';
const MAX = 120;

export function clipText(text: string, max = MAX): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

const show = (v: Value | undefined): string => (v === undefined ? ABSENT : clipText(printValue(v)));

function items(v: Value): Value[] | undefined {
  if (v instanceof RVector) return v.toArray();
  if (v instanceof RList) return [...v.items];
  return undefined;
}

/** The first difference between `recorded` and `replayed`, or undefined when equal. */
export function firstDifference(recorded: Value, replayed: Value): Difference | undefined {
  const path: string[] = [];
  const walk = (a: Value | undefined, b: Value | undefined): Difference | undefined => {
    if (a !== undefined && b !== undefined && equals(a, b)) return undefined;
    if (a instanceof RMap && b instanceof RMap) {
      const keys = new Map<string, Value>();
      for (const k of [...a.keys(), ...b.keys()]) keys.set(printValue(k), k);
      for (const name of [...keys.keys()].sort()) {
        path.push(name);
        const d = walk(a.get(keys.get(name) as Value), b.get(keys.get(name) as Value));
        if (d !== undefined) return d;
        path.pop();
      }
    }
    const xs = a === undefined ? undefined : items(a);
    const ys = b === undefined ? undefined : items(b);
    if (xs !== undefined && ys !== undefined) {
      for (let i = 0; i < Math.max(xs.length, ys.length); i++) {
        path.push(String(i));
        const d = walk(xs[i], ys[i]);
        if (d !== undefined) return d;
        path.pop();
      }
    }
    return { path: path.join(' '), recorded: show(a), replayed: show(b) };
  };
  return walk(recorded, replayed);
}

/** ` at :a :b: recorded X, replay Y` (`: recorded X, replay Y` when the roots differ). */
export function describeDifference(d: Difference): string {
  return `${d.path === '' ? ':' : ` at ${d.path}:`} recorded ${d.recorded}, replay ${d.replayed}`;
}

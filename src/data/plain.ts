/**
 * RTFS values ↔ plain JSON-like JS values, for providers that run outside the
 * evaluator (the sync bridge, HTTP bodies): maps with keyword or string keys become
 * objects, vectors and lists arrays, keywords their names, floats numbers; back,
 * objects become maps with keyword keys and integral numbers ints.
 */
import type { Value } from './value.js';
import { Keyword } from './keyword.js';
import { RMap } from './map.js';
import { RVector } from './vector.js';
import { float } from './float.js';
import { printValue } from './printer.js';

export type Plain = null | boolean | number | string | Plain[] | { [key: string]: Plain };

export function toPlain(v: Value): Plain {
  if (v === null || typeof v === 'boolean' || typeof v === 'string' || typeof v === 'number')
    return v;
  if (typeof v === 'bigint') return v.toString();
  switch (v.kind) {
    case 'float':
      return v.value;
    case 'keyword':
      return v.name;
    case 'symbol':
      return v.name;
    case 'timestamp':
    case 'uuid':
    case 'resource':
      return v.text;
    case 'vector':
      return v.toArray().map(toPlain);
    case 'list':
      return v.items.map(toPlain);
    case 'map': {
      const o: { [key: string]: Plain } = {};
      v.forEach((x, k) => {
        o[typeof k === 'string' ? k : k instanceof Keyword ? k.name : printValue(k)] = toPlain(x);
      });
      return o;
    }
    case 'fn':
      return `#<fn ${v.name ?? ''}>`;
    case 'error':
      return { message: v.message, code: v.code.name };
  }
}

export function fromPlain(p: unknown): Value {
  if (p === null || p === undefined) return null;
  if (typeof p === 'boolean' || typeof p === 'string') return p;
  if (typeof p === 'number') return Number.isSafeInteger(p) ? p : float(p);
  if (Array.isArray(p)) return RVector.from(p.map(fromPlain));
  if (typeof p === 'object') {
    const flat: Value[] = [];
    for (const [k, x] of Object.entries(p as Record<string, unknown>))
      flat.push(Keyword.of(k), fromPlain(x));
    return RMap.fromFlat(flat);
  }
  return String(p);
}

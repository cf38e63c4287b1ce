/**
 * A small value that matches a type, for dry runs: a simulated capability result that
 * still satisfies the capability's output schema, so the rest of a plan can run.
 * Deterministic; undefined when no value can be made (functions, resources, `never`).
 */
import { type Value, Keyword, RList, RMap, RVector, Sym, float } from '../data/index.js';
import type { TypeAst } from './ast.js';
import { compileValidator } from './compile.js';

function sample(t: TypeAst): Value | undefined {
  switch (t.kind) {
    case 'prim':
      switch (t.name) {
        case 'any':
        case 'nil':
          return null;
        case 'int':
        case 'number':
          return 0;
        case 'float':
          return float(0);
        case 'string':
          return '';
        case 'bool':
          return false;
        case 'keyword':
          return Keyword.of('simulated');
        case 'symbol':
          return Sym.of('simulated');
        case 'list':
          return RList.EMPTY;
        case 'vector':
          return RVector.EMPTY;
        case 'map':
          return RMap.EMPTY;
        case 'never':
        case 'timestamp':
        case 'uuid':
        case 'resource':
        case 'error':
        case 'fn':
          return undefined;
      }
      return undefined;
    case 'optional':
      return null;
    case 'vector':
    case 'map-of':
      return t.kind === 'vector' ? RVector.EMPTY : RMap.EMPTY;
    case 'list':
      return RList.EMPTY;
    case 'tuple': {
      const items = t.elements.map(sample);
      return items.every((x) => x !== undefined) ? RVector.from(items as Value[]) : undefined;
    }
    case 'array':
      return RVector.EMPTY;
    case 'map': {
      const flat: Value[] = [];
      for (const e of t.entries) {
        if (e.optional) continue;
        const v = e.default ?? sample(e.type);
        if (v === undefined) return undefined;
        flat.push(e.key, v);
      }
      return RMap.fromFlat(flat);
    }
    case 'union':
      for (const m of t.members) {
        const v = sample(m);
        if (v !== undefined) return v;
      }
      return undefined;
    case 'and':
      return t.types[0] === undefined ? undefined : sample(t.types[0]);
    case 'enum':
      return t.values[0];
    case 'val':
      return t.value;
    case 'fn':
    case 'resource':
      return undefined;
  }
}

/** A value matching `t`, or undefined. */
export function sampleValue(t: TypeAst): Value | undefined {
  const v = sample(t);
  if (v === undefined) return undefined;
  return compileValidator(t)(v) === undefined ? v : undefined;
}

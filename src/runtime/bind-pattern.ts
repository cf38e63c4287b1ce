/**
 * Runtime half of destructuring: a compiled pattern stores parts of a value into
 * frame slots. As in the RTFS spec (05) and Clojure — not the reference evaluator,
 * which demands exact lengths — a vector pattern binds missing elements to nil and
 * ignores extras, `& rest` is nil when nothing is left, and nil destructures to nils.
 * Vector patterns accept vectors and lists; map patterns accept maps, error values
 * (`:message` …) and nil. (`match` patterns are exact; see match.ts.)
 */
import type { Pattern } from '../analyzer/pattern.js';
import type { Node } from '../analyzer/index.js';
import { type Value, RList, RVector, RMap, printValue, typeName } from '../data/index.js';
import type { Env, Code } from './env.js';
import { RtfsError, RuntimeCodes } from './errors.js';
import { keywordLookup } from './keyword-call.js';

export type Binder = (v: Value, env: Env) => void;

export function compilePattern(p: Pattern, compile: (n: Node) => Code): Binder {
  switch (p.kind) {
    case 'slot': {
      const slot = p.slot;
      return (v, env) => {
        env[slot] = v;
      };
    }
    case 'ignore':
      return () => undefined;
    case 'vector':
      return vectorBinder(p, compile);
    case 'map':
      return mapBinder(p, compile);
  }
}

function vectorBinder(p: Extract<Pattern, { kind: 'vector' }>, compile: (n: Node) => Code): Binder {
  const items = p.items.map((x) => compilePattern(x, compile));
  const rest = p.rest === undefined ? undefined : compilePattern(p.rest, compile);
  const as = p.as;
  const n = items.length;
  const span = p.span;
  return (v, env) => {
    let get: (i: number) => Value;
    let count: number;
    if (v === null) {
      get = () => null;
      count = 0;
    } else if (v instanceof RVector) {
      get = (i) => v.get(i) as Value;
      count = v.count;
    } else if (v instanceof RList) {
      get = (i) => v.items[i] as Value;
      count = v.items.length;
    } else {
      throw new RtfsError(
        RuntimeCodes.type,
        `cannot destructure ${typeName(v)} ${printValue(v)} with a vector pattern`,
        span,
      );
    }
    for (let i = 0; i < n; i++) (items[i] as Binder)(i < count ? get(i) : null, env);
    if (rest !== undefined) {
      const tail: Value[] = [];
      for (let i = n; i < count; i++) tail.push(get(i));
      rest(
        tail.length === 0 ? null : v instanceof RVector ? RVector.from(tail) : new RList(tail),
        env,
      );
    }
    if (as !== undefined) env[as] = v;
  };
}

function mapBinder(p: Extract<Pattern, { kind: 'map' }>, compile: (n: Node) => Code): Binder {
  const entries = p.entries.map((e) => ({
    key: e.key,
    bind: compilePattern(e.pattern, compile),
    dflt: e.default === undefined ? undefined : compile(e.default),
  }));
  const { rest, as, span } = p;
  return (v, env) => {
    const isMap = v instanceof RMap;
    const isError = typeof v === 'object' && v !== null && v.kind === 'error';
    if (!isMap && !isError && v !== null) {
      throw new RtfsError(
        RuntimeCodes.type,
        `cannot destructure ${typeName(v)} ${printValue(v)} with a map pattern`,
        span,
      );
    }
    for (const e of entries) {
      let x: Value | undefined;
      if (isMap) x = (v as RMap).get(e.key);
      else if (isError && typeof e.key === 'object' && e.key !== null && e.key.kind === 'keyword')
        x = keywordLookup(e.key, v, null);
      if (x === undefined) x = e.dflt !== undefined ? e.dflt(env) : null;
      e.bind(x, env);
    }
    if (rest !== undefined) {
      let m = isMap ? (v as RMap) : RMap.EMPTY;
      for (const e of entries) m = m.dissoc(e.key);
      env[rest] = m;
    }
    if (as !== undefined) env[as] = v;
  };
}

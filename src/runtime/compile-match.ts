import type { Node } from '../analyzer/index.js';
import type { MatchPattern } from '../analyzer/match-pattern.js';
import { type Value, RList, RVector, RMap, equals, printValue } from '../data/index.js';
import type { Code, Env } from './env.js';
import { RtfsError, RuntimeCodes } from './errors.js';

type MatchNode = Extract<Node, { kind: 'match' }>;
type Matcher = (v: Value, env: Env) => boolean;

function seqOf(v: Value): { get: (i: number) => Value; count: number; list: boolean } | undefined {
  if (v instanceof RVector) return { get: (i) => v.get(i) as Value, count: v.count, list: false };
  if (v instanceof RList)
    return { get: (i) => v.items[i] as Value, count: v.items.length, list: true };
  return undefined;
}

function compileMatcher(p: MatchPattern): Matcher {
  switch (p.kind) {
    case 'any':
      return () => true;
    case 'bind': {
      const slot = p.slot;
      return (v, env) => {
        env[slot] = v;
        return true;
      };
    }
    case 'lit': {
      const lit = p.value;
      return (v) => equals(v, lit);
    }
    case 'as': {
      const slot = p.slot;
      const inner = compileMatcher(p.pattern);
      return (v, env) => {
        env[slot] = v;
        return inner(v, env);
      };
    }
    case 'vector': {
      const items = p.items.map(compileMatcher);
      const rest = p.rest === undefined ? undefined : compileMatcher(p.rest);
      const n = items.length;
      return (v, env) => {
        const s = seqOf(v);
        if (s === undefined || (rest === undefined ? s.count !== n : s.count < n)) return false;
        for (let i = 0; i < n; i++) if (!(items[i] as Matcher)(s.get(i), env)) return false;
        if (rest === undefined) return true;
        const tail: Value[] = [];
        for (let i = n; i < s.count; i++) tail.push(s.get(i));
        return rest(s.list ? new RList(tail) : RVector.from(tail), env);
      };
    }
    case 'map': {
      const entries = p.entries.map((e) => ({ key: e.key, match: compileMatcher(e.pattern) }));
      const rest = p.rest;
      return (v, env) => {
        if (!(v instanceof RMap)) return false;
        for (const e of entries) {
          const x = v.get(e.key);
          if (x === undefined || !e.match(x, env)) return false;
        }
        if (rest !== undefined) {
          let m = v;
          for (const e of entries) m = m.dissoc(e.key);
          env[rest] = m;
        }
        return true;
      };
    }
  }
}

export function compileMatch(n: MatchNode, compile: (n: Node) => Code): Code {
  const target = compile(n.target);
  const clauses = n.clauses.map((c) => ({
    match: compileMatcher(c.pattern),
    guard: c.guard === undefined ? undefined : compile(c.guard),
    body: compile(c.body),
  }));
  const span = n.span;
  return (env) => {
    const v = target(env);
    for (const c of clauses) {
      if (!c.match(v, env)) continue;
      if (c.guard !== undefined) {
        const g = c.guard(env);
        if (g === null || g === false) continue;
      }
      return c.body(env);
    }
    throw new RtfsError(RuntimeCodes.noMatch, `no match clause matches ${printValue(v)}`, span, v);
  };
}

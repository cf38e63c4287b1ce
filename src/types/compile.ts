/**
 * `compileValidator`: TypeAst → a closure tree, compiled once per type.
 *
 * Every node compiles to two functions: `test(v)`, a boolean check that allocates
 * nothing, and `explain(v)`, called only after `test` failed, which finds the first
 * offending part and builds the {@link Mismatch} (path, expected, actual). A
 * validator is `v => test(v) ? undefined : explain(v)`, so values that match cost
 * no allocation. Why not zod: docs/adr/0004-type-validators.md.
 */
import { type Value, type RMap, type RVector, Keyword, equals, printValue } from '../data/index.js';
import type { Predicate, PrimName, TypeAst } from './ast.js';
import { describeValue, formatType, type Mismatch } from './format.js';
import { predicateTest } from './predicate-test.js';

/** Checks a value: undefined when it matches, otherwise where and why it does not. */
export type Validator = (v: Value) => Mismatch | undefined;

/** A mismatch under construction: the path is collected innermost-first. */
interface Fail {
  readonly rev: (string | number)[];
  expected: string;
  actual: string;
}

interface Node {
  readonly test: (v: Value) => boolean;
  /** Only called when `test(v)` is false. */
  readonly explain: (v: Value) => Fail;
}

/** Named types are shared leaves, so their nodes are built once. */
const primNodes = new Map<PrimName, Node>();

/**
 * Compiles a type to a validator. Compile each annotation once (at analysis time)
 * and keep the validator: compiling is cheap (microseconds) but not free.
 */
export function compileValidator(type: TypeAst): Validator {
  const { test, explain } = node(type);
  return (x: Value) => (test(x) ? undefined : finish(explain(x)));
}

/** Compiles a type to a boolean test (no mismatch details), e.g. for dispatch. */
export function compileTest(type: TypeAst): (v: Value) => boolean {
  return node(type).test;
}

function finish(f: Fail): Mismatch {
  return { path: f.rev.reverse(), expected: f.expected, actual: f.actual };
}

function node(t: TypeAst): Node {
  if (t.kind !== 'prim') return build(t);
  let n = primNodes.get(t.name);
  if (n === undefined) {
    n = build(t);
    primNodes.set(t.name, n);
  }
  return n;
}

/** A leaf failure at the current position: expected `t`, got `v`. */
function failHere(t: TypeAst, v: Value): Fail {
  return { rev: [], expected: formatType(t), actual: describeValue(v) };
}

function leaf(t: TypeAst, test: (v: Value) => boolean): Node {
  return { test, explain: (v) => failHere(t, v) };
}

function isVector(v: Value): v is RVector {
  return typeof v === 'object' && v !== null && v.kind === 'vector';
}

function isMap(v: Value): v is RMap {
  return typeof v === 'object' && v !== null && v.kind === 'map';
}

/** The path step for a map key: keyword and string keys by name, integers as numbers. */
function keyStep(k: Value): string | number {
  if (k instanceof Keyword) return k.name;
  if (typeof k === 'string' || typeof k === 'number') return k;
  return printValue(k);
}

function build(t: TypeAst): Node {
  switch (t.kind) {
    case 'prim':
      return leaf(t, primTest(t.name));
    case 'optional': {
      const inner = node(t.inner);
      const test = inner.test;
      // A value of the inner type's shape (a list for `[:list T]?`) is explained inside.
      return {
        test: (v) => v === null || test(v),
        explain: (v) => (outerAccepts(t.inner, v) ? inner.explain(v) : failHere(t, v)),
      };
    }
    case 'vector':
      return seqNode(t, t.element, 'vector');
    case 'list':
      return seqNode(t, t.element, 'list');
    case 'tuple':
      return tupleNode(t, t.elements);
    case 'array':
      return arrayNode(t, t.element, t.shape);
    case 'map':
      return recordNode(t, t);
    case 'map-of':
      return mapOfNode(t, t.key, t.value);
    case 'union':
      return unionNode(t, t.members);
    case 'and':
      return andNode(t, t.types, t.predicates);
    case 'enum': {
      const values = t.values;
      return leaf(t, (v) => {
        for (let i = 0; i < values.length; i++) if (equals(v, values[i] as Value)) return true;
        return false;
      });
    }
    case 'val': {
      const want = t.value;
      return leaf(t, (v) => equals(v, want));
    }
    case 'fn':
      return leaf(t, primTest('fn'));
    case 'resource':
      return leaf(t, primTest('resource'));
  }
}

const isIntV = (v: Value) => typeof v === 'number' || typeof v === 'bigint';
const isNumberV = (v: Value) =>
  typeof v === 'number' ||
  typeof v === 'bigint' ||
  (typeof v === 'object' && v !== null && v.kind === 'float');

function kindTest(kind: string): (v: Value) => boolean {
  return (v) => typeof v === 'object' && v !== null && v.kind === kind;
}

function primTest(name: PrimName): (v: Value) => boolean {
  switch (name) {
    case 'any':
      return () => true;
    case 'never':
      return () => false;
    case 'int':
      return isIntV;
    case 'float':
    case 'number':
      return isNumberV;
    case 'string':
      return (v) => typeof v === 'string';
    case 'bool':
      return (v) => typeof v === 'boolean';
    case 'nil':
      return (v) => v === null;
    case 'keyword':
    case 'symbol':
    case 'timestamp':
    case 'uuid':
    case 'resource':
    case 'error':
    case 'list':
    case 'vector':
    case 'map':
    case 'fn':
      return kindTest(name);
  }
}

function seqNode(t: TypeAst, element: TypeAst, kind: 'vector' | 'list'): Node {
  const el = node(element);
  const et = el.test;
  const anyElement = element.kind === 'prim' && element.name === 'any';
  if (kind === 'vector') {
    const test = (v: Value): boolean => {
      if (!isVector(v)) return false;
      if (anyElement) return true;
      const n = v.count;
      for (let i = 0; i < n; i++) if (!et(v.get(i) as Value)) return false;
      return true;
    };
    return {
      test,
      explain: (v) => {
        if (isVector(v)) {
          for (let i = 0; i < v.count; i++) {
            const x = v.get(i) as Value;
            if (!et(x)) return at(el.explain(x), i);
          }
        }
        return failHere(t, v);
      },
    };
  }
  const test = (v: Value): boolean => {
    if (typeof v !== 'object' || v === null || v.kind !== 'list') return false;
    if (anyElement) return true;
    const xs = v.items;
    for (let i = 0; i < xs.length; i++) if (!et(xs[i] as Value)) return false;
    return true;
  };
  return {
    test,
    explain: (v) => {
      if (typeof v === 'object' && v !== null && v.kind === 'list') {
        for (let i = 0; i < v.items.length; i++) {
          const x = v.items[i] as Value;
          if (!et(x)) return at(el.explain(x), i);
        }
      }
      return failHere(t, v);
    },
  };
}

function at(f: Fail, step: string | number): Fail {
  f.rev.push(step);
  return f;
}

function tupleNode(t: TypeAst, elements: readonly TypeAst[]): Node {
  const els = elements.map(node);
  const n = els.length;
  return {
    test: (v) => {
      if (!isVector(v) || v.count !== n) return false;
      for (let i = 0; i < n; i++) if (!(els[i] as Node).test(v.get(i) as Value)) return false;
      return true;
    },
    explain: (v) => {
      if (isVector(v) && v.count === n) {
        for (let i = 0; i < n; i++) {
          const x = v.get(i) as Value;
          const e = els[i] as Node;
          if (!e.test(x)) return at(e.explain(x), i);
        }
      }
      return failHere(t, v);
    },
  };
}

function arrayNode(t: TypeAst, element: TypeAst, shape: readonly (number | null)[]): Node {
  const el = node(element);
  const last = shape.length - 1;
  const test = (v: Value, d: number): boolean => {
    if (!isVector(v)) return false;
    const dim = shape[d];
    const n = v.count;
    if (dim !== null && dim !== undefined && n !== dim) return false;
    if (d === last) {
      for (let i = 0; i < n; i++) if (!el.test(v.get(i) as Value)) return false;
    } else {
      for (let i = 0; i < n; i++) if (!test(v.get(i) as Value, d + 1)) return false;
    }
    return true;
  };
  const explain = (v: Value, d: number): Fail | undefined => {
    if (!isVector(v)) return undefined;
    const dim = shape[d];
    if (dim !== null && dim !== undefined && v.count !== dim) return undefined;
    for (let i = 0; i < v.count; i++) {
      const x = v.get(i) as Value;
      if (d === last) {
        if (!el.test(x)) return at(el.explain(x), i);
      } else if (!test(x, d + 1)) {
        return at(explain(x, d + 1) ?? failHere(t, x), i);
      }
    }
    return undefined;
  };
  return { test: (v) => test(v, 0), explain: (v) => explain(v, 0) ?? failHere(t, v) };
}

function recordNode(t: TypeAst, m: Extract<TypeAst, { kind: 'map' }>): Node {
  const n = m.entries.length;
  const keys = m.entries.map((e) => e.key);
  const names = m.entries.map((e) => e.key.name);
  const optional = m.entries.map((e) => e.optional);
  const els = m.entries.map((e) => node(e.type));
  const rest = m.rest === undefined ? undefined : node(m.rest);
  const declared = new Set<Value>([...keys, ...names]);
  const lookup = (v: RMap, i: number): Value | undefined => {
    const x = v.get(keys[i] as Keyword);
    return x === undefined ? v.get(names[i] as string) : x;
  };
  // Extra-key check without allocating a closure per call; `extrasOk` is saved and
  // restored around each walk, so a re-entrant check stays correct.
  let extrasOk = true;
  const restTest = rest?.test;
  const visit = (x: Value, k: Value): void => {
    if (extrasOk && !declared.has(k) && !(restTest as (v: Value) => boolean)(x)) extrasOk = false;
  };
  return {
    test: (v) => {
      if (!isMap(v)) return false;
      for (let i = 0; i < n; i++) {
        const x = lookup(v, i);
        if (x === undefined) {
          if (!optional[i]) return false;
        } else if (!(els[i] as Node).test(x)) return false;
      }
      if (restTest === undefined) return true;
      const saved = extrasOk;
      extrasOk = true;
      v.forEach(visit);
      const ok = extrasOk;
      extrasOk = saved;
      return ok;
    },
    explain: (v) => {
      if (!isMap(v)) return failHere(t, v);
      for (let i = 0; i < n; i++) {
        const x = lookup(v, i);
        const e = els[i] as Node;
        if (x === undefined) {
          if (!optional[i])
            return {
              rev: [names[i] as string],
              expected: formatType((m.entries[i] as { type: TypeAst }).type),
              actual: `nothing (missing key :${names[i] as string})`,
            };
        } else if (!e.test(x)) return at(e.explain(x), names[i] as string);
      }
      if (rest !== undefined) {
        for (const [k, x] of v.entries()) {
          if (!declared.has(k) && !rest.test(x)) return at(rest.explain(x), keyStep(k));
        }
      }
      return failHere(t, v);
    },
  };
}

function mapOfNode(t: TypeAst, keyType: TypeAst, valueType: TypeAst): Node {
  const kn = node(keyType);
  const vn = node(valueType);
  let ok = true;
  const visit = (x: Value, k: Value): void => {
    if (ok && !(kn.test(k) && vn.test(x))) ok = false;
  };
  return {
    test: (v) => {
      if (!isMap(v)) return false;
      const saved = ok;
      ok = true;
      v.forEach(visit);
      const r = ok;
      ok = saved;
      return r;
    },
    explain: (v) => {
      if (isMap(v)) {
        for (const [k, x] of v.entries()) {
          if (!kn.test(k)) {
            const f = at(kn.explain(k), keyStep(k));
            f.expected = `map key ${f.expected}`;
            return f;
          }
          if (!vn.test(x)) return at(vn.explain(x), keyStep(k));
        }
      }
      return failHere(t, v);
    },
  };
}

function unionNode(t: TypeAst, members: readonly TypeAst[]): Node {
  const ns = members.map(node);
  const tests = ns.map((m) => m.test);
  const n = tests.length;
  return {
    test: (v) => {
      for (let i = 0; i < n; i++) if ((tests[i] as (v: Value) => boolean)(v)) return true;
      return false;
    },
    explain: (v) => {
      // When exactly one member has the value's outer shape (`[:union :nil [:map …]]`
      // given a map), its explanation points inside the value; otherwise the whole
      // union is reported here.
      let only: Node | undefined;
      for (let i = 0; i < n; i++) {
        if (outerAccepts(members[i] as TypeAst, v)) {
          if (only !== undefined) return failHere(t, v);
          only = ns[i];
        }
      }
      return only === undefined ? failHere(t, v) : only.explain(v);
    },
  };
}

/** Whether `v` has the outer shape of `t` (the right kind of collection, say). */
function outerAccepts(t: TypeAst, v: Value): boolean {
  switch (t.kind) {
    case 'vector':
    case 'tuple':
    case 'array':
      return isVector(v);
    case 'list':
      return typeof v === 'object' && v !== null && v.kind === 'list';
    case 'map':
    case 'map-of':
      return isMap(v);
    case 'optional':
      return v === null || outerAccepts(t.inner, v);
    case 'union':
      return t.members.some((m) => outerAccepts(m, v));
    case 'and':
      return t.types.every((m) => outerAccepts(m, v));
    case 'prim':
    case 'enum':
    case 'val':
    case 'fn':
    case 'resource':
      return node(t).test(v);
  }
}

function andNode(t: TypeAst, types: readonly TypeAst[], predicates: readonly Predicate[]): Node {
  const tns = types.map(node);
  const preds = predicates.map(predicateTest);
  const test = (v: Value): boolean => {
    for (let i = 0; i < tns.length; i++) if (!(tns[i] as Node).test(v)) return false;
    for (let i = 0; i < preds.length; i++)
      if (!(preds[i] as (v: Value) => boolean)(v)) return false;
    return true;
  };
  return {
    test,
    explain: (v) => {
      // A failing part type explains itself (with its inner path); a failing
      // predicate is reported against the whole [:and …] type.
      for (const n of tns) if (!n.test(v)) return n.explain(v);
      return failHere(t, v);
    },
  };
}

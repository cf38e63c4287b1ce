/** The sub-nodes of an analyzed node, including the defaults (`:or`) of its patterns. */
import type { Node } from './nodes.js';
import type { Pattern } from './pattern.js';

/** The default expressions (`:or`) inside a destructuring pattern. */
function defaults(p: Pattern | undefined): Node[] {
  if (p === undefined) return [];
  switch (p.kind) {
    case 'slot':
    case 'ignore':
      return [];
    case 'vector':
      return [...p.items.flatMap(defaults), ...defaults(p.rest)];
    case 'map':
      return p.entries.flatMap((e) => [...(e.default ? [e.default] : []), ...defaults(e.pattern)]);
  }
}

export function children(n: Node): readonly Node[] {
  switch (n.kind) {
    case 'const':
    case 'local':
    case 'global':
    case 'context':
    case 'step-result':
      return [];
    case 'plan':
      return [n.body];
    case 'if':
      return [n.test, n.then, n.else];
    case 'do':
      return n.body;
    case 'let':
      return [...n.bindings.flatMap((b) => [b.init, ...defaults(b.pattern)]), n.body];
    case 'loop':
      return [...n.inits, ...n.destructure.flatMap((d) => defaults(d.pattern)), n.body];
    case 'recur':
      return n.args;
    case 'fn':
      return n.arities.flatMap((a) => [
        ...a.destructure.flatMap((d) => defaults(d.pattern)),
        a.body,
      ]);
    case 'def':
      return [n.init];
    case 'call':
      return [n.fn, ...n.args];
    case 'and':
    case 'or':
      return n.items;
    case 'try':
      return [n.body, ...n.catches.map((c) => c.body), ...(n.finally ? [n.finally] : [])];
    case 'throw':
      return [n.value];
    case 'step':
      return [...(n.params ? [n.params.init] : []), ...n.items];
    case 'for':
      return [
        ...n.clauses.flatMap((c) => {
          switch (c.kind) {
            case 'each':
              return [c.coll, ...defaults(c.pattern)];
            case 'when':
            case 'while':
              return [c.test];
            case 'let':
              return c.bindings.flatMap((b) => [b.init, ...defaults(b.pattern)]);
          }
        }),
        n.body,
      ];
    case 'dotimes':
      return [n.count, n.body];
    case 'capability':
      return [n.id, ...n.args];
    case 'defcapability':
      return [n.id, n.spec, n.impl];
    case 'check':
      return [n.expr];
    case 'match':
      return [n.target, ...n.clauses.flatMap((c) => (c.guard ? [c.guard, c.body] : [c.body]))];
    case 'vector':
    case 'map':
      return n.items;
  }
}

/** Every node of a tree, parents before children. */
export function* walk(n: Node): Generator<Node> {
  const stack: Node[] = [n];
  for (let x = stack.pop(); x !== undefined; x = stack.pop()) {
    yield x;
    const kids = children(x);
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i] as Node);
  }
}

/**
 * `match` → a labelled block of `if`s: each clause's pattern is a boolean expression
 * that binds as it goes (as the evaluator's matchers do), then the guard, then the
 * body; falling off the end is `runtime/no-match`.
 */
import type { Node } from '../analyzer/index.js';
import type { MatchPattern } from '../analyzer/match-pattern.js';
import { type Emitter, type Sink, slotVar } from './emitter.js';

type MatchNode = Extract<Node, { kind: 'match' }>;

export function emitMatch(e: Emitter, n: MatchNode, sink: Sink): void {
  const v = e.materialize(e.expr(n.target));
  const label = e.label();
  e.emit(`${label}: {`);
  for (const c of n.clauses) {
    const test = matcher(e, c.pattern, v);
    e.emit(`if (${test}) {`);
    let open = 0;
    if (c.guard !== undefined) {
      const g = e.truthy(e.expr(c.guard));
      e.emit(`if (${g}) {`);
      open++;
    }
    e.tail(c.body, sink);
    if (!sink.terminal) e.emit(`break ${label};`);
    for (let i = 0; i <= open; i++) e.emit('}');
  }
  e.emit(`throw ${e.h('noMatch')}(${v}, ${e.span(n.span)});`);
  e.emit('}');
}

/** A JavaScript boolean expression that matches `v` against `p`, binding slots. */
function matcher(e: Emitter, p: MatchPattern, v: string): string {
  const level = e.fn.level;
  switch (p.kind) {
    case 'any':
      return 'true';
    case 'bind':
      return `(${slotVar(level, p.slot)} = ${v}, true)`;
    case 'lit':
      return `${e.h('equals')}(${v}, ${e.constant(p.value)})`;
    case 'as':
      return `(${slotVar(level, p.slot)} = ${v}, ${matcher(e, p.pattern, v)})`;
    case 'vector': {
      const s = e.temp();
      const n = p.items.length;
      const parts = [`(${s} = ${e.h('matchSeq')}(${v})) !== undefined`];
      parts.push(p.rest === undefined ? `${s}.length === ${n}` : `${s}.length >= ${n}`);
      p.items.forEach((item, i) => {
        const x = e.temp();
        parts.push(`(${x} = ${s}[${i}], ${matcher(e, item, x)})`);
      });
      if (p.rest !== undefined) {
        const r = e.temp();
        parts.push(`(${r} = ${e.h('matchRest')}(${v}, ${s}, ${n}), ${matcher(e, p.rest, r)})`);
      }
      return `(${parts.join(' && ')})`;
    }
    case 'map': {
      const parts = [`${e.h('isMap')}(${v})`];
      for (const entry of p.entries) {
        const x = e.temp();
        parts.push(
          `(${x} = (${v}).get(${e.constant(entry.key)})) !== undefined && ${matcher(e, entry.pattern, x)}`,
        );
      }
      if (p.rest !== undefined) {
        const keys = p.entries.map((en) => e.constant(en.key)).join(', ');
        parts.push(`(${slotVar(level, p.rest)} = ${e.h('withoutKeys')}(${v}, [${keys}]), true)`);
      }
      return `(${parts.join(' && ')})`;
    }
  }
}

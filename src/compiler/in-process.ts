/**
 * The compiler as an engine inside this process: each analyzed top-level form becomes
 * JavaScript source, turned into a function with `new Function` and linked to the live
 * objects it refers to (cells, constants, spans, the host). `Runtime` runs it exactly
 * where it would run the evaluator's closure (see `jsCompiler`).
 */
import type { Node, Globals } from '../analyzer/index.js';
import type { Code, Host } from '../runtime/index.js';
import { compileValidator } from '../types/index.js';
import { PlanStack } from '../runtime/compile-plan.js';
import { Emitter, RETURN, type EmitOptions } from './emitter.js';
import { Linker, type Link } from './linker.js';
import * as support from './support/index.js';

/** Compiles `node` (analyzed with a top-level frame of `frameSize` slots). */
export function emitTopLevel(
  node: Node,
  frameSize: number,
  linker = new Linker(),
  options: EmitOptions = {},
): { fn: string; helpers: Set<string> } {
  const e = new Emitter(linker, 0, options);
  e.tail(node, RETURN);
  const decl = e.fn.declarations(frameSize, []);
  const fn = `function () {\n${decl}\n${e.fn.lines.join('\n')}\n}`;
  return { fn, helpers: e.helpers };
}

/** The live object behind a link, in this process. */
export function liveLink(link: Link, host: Host, plans: PlanStack): unknown {
  switch (link.kind) {
    case 'const':
    case 'json':
      return link.value;
    case 'cell':
      return link.cell;
    case 'builtin': {
      const b = link.cell.value as support.Fn & Record<string, unknown>;
      return link.impl === 'fn' ? b : b[link.impl];
    }
    case 'span':
      return link.span;
    case 'validator':
      return compileValidator(link.type);
    case 'type':
      return link.type;
    case 'exports':
      return link.exports;
    case 'host':
      return host;
    case 'plans':
      return plans;
  }
}

/** The source `new Function('$rt', '$links', …)` runs. */
export function inProcessSource(
  fn: string,
  links: readonly Link[],
  helpers: Iterable<string>,
): string {
  // `var`, not `const`: the compiled function reads these from its closure's context,
  // and a `const` there is checked for the hole (its temporal dead zone) at every read,
  // in optimised code too; nothing ever assigns them (docs/adr/0042).
  const lines: string[] = [];
  for (const h of helpers) lines.push(`var $$${h} = $rt.${h};`);
  links.forEach((_, i) => lines.push(`var $L${i} = $links[${i}];`));
  lines.push(`return ${fn};`);
  lines.unshift("'use strict';");
  return lines.join('\n');
}

/** A node compiler for `Runtime` that compiles to JavaScript (the `compile` engine). */
export function jsCompiler(
  host: Host,
  core?: Globals,
  options: EmitOptions = {},
): (n: Node, frameSize?: number) => Code {
  const opts: EmitOptions =
    core === undefined ? options : { isCore: (c) => core.own(c.name) === c, ...options };
  const plans = new PlanStack();
  return (node, frameSize = 1) => {
    const linker = new Linker();
    const { fn, helpers } = emitTopLevel(node, frameSize, linker, opts);
    const source = inProcessSource(fn, linker.links, helpers);
    const make = new Function('$rt', '$links', source) as (
      rt: typeof support,
      links: unknown[],
    ) => () => ReturnType<Code>;
    const run = make(
      support,
      linker.links.map((l) => liveLink(l, host, plans)),
    );
    return () => run();
  };
}

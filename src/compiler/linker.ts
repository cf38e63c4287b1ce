/**
 * What compiled code refers to that is not JavaScript syntax: RTFS constants, global
 * cells, spans, validators, the host. The emitter asks for a name (`$L3`); how the
 * name gets its object depends on the output — an array passed to `new Function`
 * (in-process) or an expression that rebuilds it when an ES module starts
 * (see module-linker.ts).
 */
import type { Span } from '../source/index.js';
import type { Value } from '../data/index.js';
import type { Var } from '../analyzer/index.js';
import type { TypeAst } from '../types/index.js';
import type { StepExport } from '../analyzer/nodes.js';

export type Link =
  /** An RTFS value (a constant, a pattern key). */
  | { readonly kind: 'const'; readonly value: Value }
  /** Plain JSON-compatible data (catch selectors). */
  | { readonly kind: 'json'; readonly value: unknown }
  | { readonly kind: 'cell'; readonly cell: Var }
  /** What `cell` held at compile time (a builtin), or one of its implementations. */
  | { readonly kind: 'builtin'; readonly cell: Var; readonly impl: 'fn' | 'f' | 'f1' | 'f2' }
  | { readonly kind: 'span'; readonly span: Span }
  /** `form`: the type expression as written, when printing `type` would lose something. */
  | { readonly kind: 'validator'; readonly type: TypeAst; readonly form?: Value }
  /** A type expression itself (plan input schemas: defaults, required keys). */
  | { readonly kind: 'type'; readonly type: TypeAst; readonly form?: Value }
  /** A declarative step's `:output` exports. */
  | { readonly kind: 'exports'; readonly exports: readonly StepExport[] }
  | { readonly kind: 'host' }
  /** The runtime's stack of running plans (step results, plan inputs). */
  | { readonly kind: 'plans' };

/** Hands out one name per distinct link, in order. */
export class Linker {
  readonly links: Link[] = [];
  private readonly byKey = new Map<unknown, string>();
  private readonly byBuiltin = new Map<Var, Map<string, string>>();

  ref(link: Link): string {
    if (link.kind === 'builtin') {
      let m = this.byBuiltin.get(link.cell);
      if (m === undefined) this.byBuiltin.set(link.cell, (m = new Map()));
      const known = m.get(link.impl);
      if (known !== undefined) return known;
      const name = this.add(link);
      m.set(link.impl, name);
      return name;
    }
    const key = linkKey(link);
    if (key === undefined) return this.add(link);
    const known = this.byKey.get(key);
    if (known !== undefined) return known;
    const name = this.add(link);
    this.byKey.set(key, name);
    return name;
  }

  private add(link: Link): string {
    const name = `$L${this.links.length}`;
    this.links.push(link);
    return name;
  }
}

/** Identity used to share one name between equal links (undefined: never shared). */
function linkKey(link: Exclude<Link, { kind: 'builtin' }>): unknown {
  switch (link.kind) {
    case 'const':
    case 'json':
      return typeof link.value === 'object' && link.value !== null ? link.value : undefined;
    case 'cell':
      return link.cell;
    case 'span':
      return link.span;
    case 'validator':
      return link.type;
    case 'type':
      return undefined;
    case 'exports':
      return link.exports;
    case 'host':
      return HOST_KEY;
    case 'plans':
      return PLANS_KEY;
  }
}

const HOST_KEY = { host: true };
const PLANS_KEY = { plans: true };

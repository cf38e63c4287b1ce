/**
 * Symbols in expression position: a local, a global (through an import alias first), or
 * an unbound-symbol error with the best hint; and `(get :k)`, the reference's
 * one-argument `get` (a local or global named k, else the host's context value).
 */
import type { Span } from '../source/index.js';
import { nearest } from '../diagnostics/index.js';
import type { Keyword, Sym } from '../data/index.js';
import type { Node, Var } from './nodes.js';
import type { BlockScope } from './scope.js';
import { AnalysisCodes, fail, type Ctx } from './context.js';
import { splitGlued } from './annotations.js';
import { misplacedAnnotation } from './analyze-defs.js';
import { unsupportedHint } from './unsupported-names.js';

/**
 * `(get :k)`: the local or global named k, else the host's context value k, else nil
 * (the reference's one-argument `get`).
 */
export function getShorthand(
  k: Keyword,
  span: Span | undefined,
  scope: BlockScope,
  ctx: Ctx,
): Node {
  const local = scope.resolve(k.name);
  if (local !== undefined) return { kind: 'local', ref: local, name: k.name, span };
  const cell = ctx.globals.lookup(k.name);
  if (cell !== undefined) return { kind: 'global', cell, span };
  return { kind: 'context', name: k.name, optional: true, span };
}

export function analyzeSymbol(s: Sym, span: Span | undefined, scope: BlockScope, ctx: Ctx): Node {
  const local = scope.resolve(s.name);
  if (local !== undefined) {
    // A `let` local bound to a literal reads as that literal (ADR 0050).
    const known = scope.constant(s.name);
    if (known !== undefined) return { kind: 'const', value: known.value, span, local: s.name };
    return { kind: 'local', ref: local, name: s.name, span };
  }
  // `alias/name` through an import comes before a global spelled the same (`str/join`).
  const cell =
    s.ns !== null && ctx.globals.aliases.has(s.ns)
      ? qualified(s, span, ctx)
      : ctx.globals.lookup(s.name);
  if (cell !== undefined) return { kind: 'global', cell, span };
  if (s.name.endsWith(':')) return misplacedAnnotation(s, span);
  const glued = splitGlued(s);
  if (glued !== undefined) {
    return fail(
      AnalysisCodes.unbound,
      `unbound symbol '${s.name}'; a type annotation such as '${s.name}' follows only a parameter, a let binding or a def name`,
      span,
    );
  }
  const why = unsupportedHint(s.name);
  if (why !== undefined)
    return fail(AnalysisCodes.unbound, `unbound symbol '${s.name}': ${why}`, span);
  const hint = nearest(s.name, [...scope.visibleNames(), ...ctx.globals.names()]);
  return fail(
    AnalysisCodes.unbound,
    `unbound symbol '${s.name}'${hint ? `; did you mean '${hint}'?` : ''}`,
    span,
  );
}

/** `alias/name` through an `(import m :as alias)`; unexported names are an error. */
function qualified(s: Sym, span: Span | undefined, ctx: Ctx): Var | undefined {
  if (s.ns === null) return undefined;
  const mod = ctx.globals.aliases.get(s.ns);
  if (mod === undefined) return undefined;
  const cell = mod.own(s.local);
  if (cell === undefined) {
    return fail(AnalysisCodes.unbound, `module ${mod.name} has no '${s.local}'`, span);
  }
  if (!mod.isExported(s.local)) {
    return fail(
      AnalysisCodes.notExported,
      `'${s.local}' is not exported by module ${mod.name}`,
      span,
    );
  }
  return cell;
}

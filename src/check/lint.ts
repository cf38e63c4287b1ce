/**
 * The lint pass of `rtfs check`, over analyzed code: calls with a number of arguments
 * the called function never takes, literals that can never match a declared type, and
 * capability ids nobody provides.
 */
import type { Span } from '../source/index.js';
import { diagnostic, nearest, type Diagnostic } from '../diagnostics/index.js';
import type { Value } from '../data/index.js';
import type { FnArity, Node, Var } from '../analyzer/index.js';
import { Builtin } from '../runtime/index.js';
import { describeValue, formatType, matchesType, type TypeAst } from '../types/index.js';
import { CheckCodes } from './codes.js';
import { walk } from '../analyzer/index.js';

export interface LintOptions {
  /** Capability ids that exist (built in, defined in the program, or in a catalog). */
  readonly capabilities: ReadonlySet<string>;
  /** Whether an unknown capability is an error (a catalog was given) or a warning. */
  readonly strictCapabilities: boolean;
}

type Arity = { readonly fixed: number; readonly rest: boolean };

export function lint(nodes: readonly Node[], opts: LintOptions): Diagnostic[] {
  const fns = new Map<Var, readonly FnArity[]>();
  for (const root of nodes) {
    for (const n of walk(root)) {
      if (n.kind !== 'def' || n.macro) continue;
      const init = n.init.kind === 'check' ? n.init.expr : n.init;
      if (init.kind === 'fn') fns.set(n.cell, init.arities);
    }
  }
  const out: Diagnostic[] = [];
  for (const root of nodes) {
    for (const n of walk(root)) {
      if (n.kind === 'call') out.push(...checkCall(n.fn, n.args, n.span, fns));
      else if (n.kind === 'check') out.push(...checkLiteral(n.expr, n.type, n.context, n.span));
      else if (n.kind === 'capability') out.push(...checkCapability(n.id, n.span, opts));
    }
  }
  return out;
}

function callee(
  fn: Node,
  fns: ReadonlyMap<Var, readonly FnArity[]>,
): { name: string; arities: readonly Arity[]; user?: readonly FnArity[] } | undefined {
  if (fn.kind === 'fn')
    return { name: fn.name ?? 'anonymous fn', arities: paramsOf(fn.arities), user: fn.arities };
  if (fn.kind !== 'global') return undefined;
  const user = fns.get(fn.cell);
  if (user !== undefined) return { name: fn.cell.name, arities: paramsOf(user), user };
  const v = fn.cell.value;
  if (v instanceof Builtin) {
    const arities: Arity[] = [];
    if (v.max === Infinity) arities.push({ fixed: v.min, rest: true });
    else for (let k = v.min; k <= v.max; k++) arities.push({ fixed: k, rest: false });
    return { name: fn.cell.name, arities };
  }
  return undefined;
}

function paramsOf(arities: readonly FnArity[]): Arity[] {
  return arities.map((a) => a.params);
}

function accepts(a: Arity, n: number): boolean {
  return a.rest ? n >= a.fixed : n === a.fixed;
}

function checkCall(
  fn: Node,
  args: readonly Node[],
  span: Span | undefined,
  fns: ReadonlyMap<Var, readonly FnArity[]>,
): Diagnostic[] {
  const c = callee(fn, fns);
  if (c === undefined || span === undefined) return [];
  const n = args.length;
  const arity = c.user?.find((a) => accepts(a.params, n));
  if (!c.arities.some((a) => accepts(a, n))) {
    const expected = c.arities.map((a) => (a.rest ? `${a.fixed} or more` : `${a.fixed}`));
    const message = `wrong number of arguments to ${c.name}: expected ${expected.join(' or ')}, got ${n}`;
    return [diagnostic(CheckCodes.arity, 'analysis', message, span)];
  }
  return arity === undefined ? [] : checkArguments(c.name, arity, args);
}

/** Literal arguments against the parameter types of the arity that will run. */
function checkArguments(name: string, arity: FnArity, args: readonly Node[]): Diagnostic[] {
  const types = new Map<number, TypeAst>();
  const body = arity.body;
  for (const x of body.kind === 'do' ? body.body : []) {
    if (x.kind === 'check' && x.expr.kind === 'local' && x.expr.ref.depth === 0) {
      types.set(x.expr.ref.slot, x.type);
    }
  }
  const out: Diagnostic[] = [];
  for (let i = 0; i < Math.min(args.length, arity.params.fixed); i++) {
    const type = types.get(arity.paramSlots[i] as number);
    const arg = args[i] as Node;
    if (type === undefined) continue;
    const context = `argument ${i + 1} of ${name}`;
    out.push(...checkLiteral(arg, type, context, arg.span));
  }
  return out;
}

function checkLiteral(
  expr: Node,
  type: TypeAst,
  context: string,
  span: Span | undefined,
): Diagnostic[] {
  if (expr.kind !== 'const' || expr.local !== undefined || span === undefined) return [];
  const v: Value = expr.value;
  if (matchesType(type, v)) return [];
  const message = `${context}: expected ${formatType(type)}, got ${describeValue(v)}`;
  return [diagnostic(CheckCodes.type, 'type', message, expr.span ?? span)];
}

function checkCapability(id: Node, span: Span | undefined, opts: LintOptions): Diagnostic[] {
  if (id.kind !== 'const' || id.local !== undefined || typeof id.value !== 'string') return [];
  if (span === undefined) return [];
  if (opts.capabilities.has(id.value)) return [];
  const hint = nearest(id.value, [...opts.capabilities]);
  const message =
    `unknown capability '${id.value}'` +
    (hint ? `; did you mean '${hint}'?` : '') +
    (opts.strictCapabilities ? ' (not built in, defined, or in the catalog)' : '');
  const d = diagnostic(CheckCodes.unknownCapability, 'capability', message, id.span ?? span);
  return [opts.strictCapabilities ? d : { ...d, severity: 'warning' }];
}

/** Capability ids the program defines with `(defcapability "id" …)`. */
export function definedCapabilities(nodes: readonly Node[]): string[] {
  const ids: string[] = [];
  for (const root of nodes) {
    for (const n of walk(root)) {
      if (
        n.kind === 'defcapability' &&
        n.id.kind === 'const' &&
        n.id.local === undefined &&
        typeof n.id.value === 'string'
      ) {
        ids.push(n.id.value);
      }
    }
  }
  return ids;
}

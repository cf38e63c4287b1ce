/**
 * Top-level `(module name (:exports [..]) form…)` and `(import name :as a :only [..])`.
 * A module's definitions live in its own namespace; other code sees them through an
 * alias (`a/f`) or `:only`, and only if exported. Modules load once; an import cycle
 * is reported with the whole chain.
 */
import type { Span } from '../source/index.js';
import { diagnostic, type Diagnostic } from '../diagnostics/index.js';
import { type Value, Keyword, RList, RVector, Sym } from '../data/index.js';
import { childSpan } from '../source/index.js';
import { Globals } from '../analyzer/index.js';

export const ModuleCodes = {
  badForm: 'module/bad-form',
  notFound: 'module/not-found',
  cycle: 'module/import-cycle',
  nameMismatch: 'module/name-mismatch',
  notExported: 'analysis/not-exported',
} as const;

export type TopResult =
  | { readonly ok: true; readonly value: Value }
  | { readonly ok: false; readonly diagnostics: Diagnostic[] }
  | { readonly ok: false; readonly error: unknown };

export interface ModuleHost {
  readonly core: Globals;
  /** Loads (once) and returns the namespace of module `name`. */
  loadModule(
    name: string,
    fromUri: string | undefined,
    span: Span | undefined,
    fromModule?: string,
  ): Globals | Diagnostic[];
  /** Evaluates one form in `ns`. */
  evalForm(form: Value, span: Span | undefined, ns: Globals, uri: string): TopResult;
}

function bad(message: string, span: Span | undefined): Diagnostic[] {
  if (span === undefined) throw new Error(`module error without position: ${message}`);
  return [diagnostic(ModuleCodes.badForm, 'analysis', message, span)];
}

export function isHead(form: Value, name: string): form is RList {
  return form instanceof RList && form.items[0] instanceof Sym && form.items[0].name === name;
}

function moduleName(v: Value): string | undefined {
  if (v instanceof Sym) return v.name;
  if (typeof v === 'string') return v;
  return undefined;
}

/** `(module name (:exports [..]) form…)`: evaluates the forms in a fresh namespace. */
export function evalModule(
  form: RList,
  span: Span | undefined,
  host: ModuleHost,
  uri: string,
  expected?: string,
): { ns: Globals } | { diagnostics: Diagnostic[] } | { error: unknown } {
  const name = moduleName(form.items[1] ?? null);
  if (name === undefined)
    return { diagnostics: bad('a module needs a name: (module my.app/math …)', span) };
  if (expected !== undefined && name !== expected) {
    const at = childSpan(form.span, 1) ?? span;
    return {
      diagnostics: [
        diagnostic(
          ModuleCodes.nameMismatch,
          'analysis',
          `file for module ${expected} declares module ${name}`,
          at ?? (span as Span),
        ),
      ],
    };
  }
  const ns = new Globals(name, host.core);
  for (let i = 2; i < form.count; i++) {
    const f = form.items[i] as Value;
    const fs = childSpan(form.span, i) ?? span;
    if (f instanceof RList && f.items[0] === Keyword.of('exports')) {
      const names = f.items[1];
      if (!(names instanceof RVector) || ![...names].every((n) => n instanceof Sym)) {
        return { diagnostics: bad('(:exports [name …]) takes a vector of symbols', fs) };
      }
      ns.exports = new Set([...names].map((n) => (n as Sym).name));
      continue;
    }
    const r = host.evalForm(f, fs, ns, uri);
    if (!r.ok) return 'diagnostics' in r ? { diagnostics: r.diagnostics } : { error: r.error };
  }
  for (const e of ns.exports ?? []) {
    if (ns.own(e) === undefined)
      return { diagnostics: bad(`module ${name} exports '${e}' but does not define it`, span) };
  }
  return { ns };
}

/** `(import name :as alias :only [f g])` into `into`. */
export function evalImport(
  form: RList,
  span: Span | undefined,
  into: Globals,
  host: ModuleHost,
  uri: string,
): Diagnostic[] | undefined {
  const name = moduleName(form.items[1] ?? null);
  if (name === undefined)
    return bad('import needs a module name: (import my.app/math :as m)', span);
  let alias: string | undefined;
  let only: string[] | undefined;
  for (let i = 2; i < form.count; i += 2) {
    const opt = form.items[i];
    const val = form.items[i + 1];
    const os = childSpan(form.span, i) ?? span;
    if (opt === Keyword.of('as') && val instanceof Sym) alias = val.name;
    else if (
      (opt === Keyword.of('only') || opt === Keyword.of('refer')) &&
      val instanceof RVector &&
      [...val].every((x) => x instanceof Sym)
    ) {
      only = [...val].map((x) => (x as Sym).name);
    } else return bad('import options are :as alias and :only [name …]', os);
  }
  const mod = host.loadModule(name, uri, span, into.name);
  if (Array.isArray(mod)) return mod;
  into.aliases.set(alias ?? name, mod);
  for (const n of only ?? []) {
    const cell = mod.own(n);
    if (cell === undefined)
      return [
        diagnostic(
          ModuleCodes.notExported,
          'analysis',
          `module ${name} has no '${n}'`,
          span as Span,
        ),
      ];
    if (!mod.isExported(n))
      return [
        diagnostic(
          ModuleCodes.notExported,
          'analysis',
          `'${n}' is not exported by module ${name}`,
          span as Span,
        ),
      ];
    into.refers.set(n, cell);
  }
  return undefined;
}

/**
 * The top-level forms every engine treats alike: `(do …)` runs form by form (so a `def`
 * inside it is visible to the forms after it, as in Clojure), `(module …)` defines a
 * namespace in `modules`, `(import …)` binds one in `ns`. Anything else goes to `leaf`.
 */
export function evalTopLevel(
  form: Value,
  span: Span | undefined,
  ns: Globals,
  uri: string,
  host: ModuleHost,
  modules: Map<string, Globals>,
  leaf: (form: Value, span: Span | undefined) => TopResult,
): TopResult {
  if (isHead(form, 'do') && ns.lookup('do') === undefined) {
    let last: Value = null;
    for (let i = 1; i < form.count; i++) {
      const t = host.evalForm(form.items[i] as Value, childSpan(form.span, i) ?? span, ns, uri);
      if (!t.ok) return t;
      last = t.value;
    }
    return { ok: true, value: last };
  }
  if (isHead(form, 'module')) {
    const m = evalModule(form, span, host, uri);
    if ('ns' in m) {
      modules.set(m.ns.name, m.ns);
      return { ok: true, value: null };
    }
    return 'diagnostics' in m
      ? { ok: false, diagnostics: m.diagnostics }
      : { ok: false, error: m.error };
  }
  if (isHead(form, 'import')) {
    const d = evalImport(form, span, ns, host, uri);
    return d === undefined ? { ok: true, value: null } : { ok: false, diagnostics: d };
  }
  return leaf(form, span);
}

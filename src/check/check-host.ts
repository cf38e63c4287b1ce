/**
 * The top level of `rtfs check`: every form of a file is analyzed (not run), and
 * analysis goes on after a form fails, so one pass reports every problem. It mirrors
 * Runtime.evalForm (top-level `do`, `module`, `import`), using the runtime's own
 * module functions with this class as their host:
 *
 * - a form that analyzes is kept for the lint pass (lint.ts); a `def`'s name is bound
 *   to an {@link Unevaluated} placeholder so later forms resolve it;
 * - `defmacro` forms are evaluated, since later forms need the macro to expand;
 * - a form that fails is analyzed again, with the unbound symbol bound to a placeholder
 *   or the faulty sub-form replaced by nil (patch.ts), so every problem of the form is
 *   reported, not just the first;
 * - modules named by `import` are loaded from the module path and checked the same way.
 */
import { childSpan, type Span } from '../source/index.js';
import { diagnostic, type Diagnostic } from '../diagnostics/index.js';
import { type Value, RList, Sym } from '../data/index.js';
import { analyzeTop, AnalysisCodes, Globals, type Node, type Var } from '../analyzer/index.js';
import {
  evalImport,
  evalModule,
  isHead,
  type ModuleHost,
  type TopResult,
} from '../runtime/modules.js';
import { loadModuleFile } from '../runtime/module-file.js';
import type { Runtime } from '../runtime/index.js';
import { EXPANSION_BUDGET, withBudget } from '../runtime/budget.js';
import { Unevaluated } from './placeholder.js';
import { walk } from '../analyzer/index.js';
import { withNilAt } from './patch.js';
import { splitGlued } from '../analyzer/annotations.js';

/** An analyzed top-level form, for the lint pass. */
export interface Analyzed {
  readonly node: Node;
}

const DEFINERS = new Set(['def', 'defn', 'defmacro', 'defstruct']);
const MAX_RETRIES = 50;

export class CheckHost implements ModuleHost {
  readonly diagnostics: Diagnostic[] = [];
  readonly analyzed: Analyzed[] = [];
  private readonly modules = new Map<string, Globals>();
  private readonly loading: string[] = [];

  constructor(private readonly rt: Runtime) {}

  get core(): Globals {
    return this.rt.core;
  }

  /** Checks every form of an already read file in the runtime's user namespace. */
  checkForms(forms: readonly Value[], spans: readonly (Span | undefined)[], uri: string): void {
    forms.forEach((f, i) => this.evalForm(f, spans[i], this.rt.globals, uri));
  }

  evalForm(form: Value, span: Span | undefined, ns: Globals, uri: string): TopResult {
    const ok: TopResult = { ok: true, value: null };
    if (isHead(form, 'do') && ns.lookup('do') === undefined) {
      for (let i = 1; i < form.count; i++) {
        this.evalForm(form.items[i] as Value, childSpan(form.span, i) ?? span, ns, uri);
      }
      return ok;
    }
    if (isHead(form, 'module')) {
      const m = evalModule(form, span, this, uri);
      if ('ns' in m) this.modules.set(m.ns.name, m.ns);
      else this.record(m, span);
      return ok;
    }
    if (isHead(form, 'import')) {
      this.diagnostics.push(...(evalImport(form, span, ns, this, uri) ?? []));
      return ok;
    }
    this.analyze(form, span, ns, uri);
    return ok;
  }

  /** Analyzes one form (and runs its macros) within the expansion budget. */
  private analyze(form: Value, span: Span | undefined, ns: Globals, uri: string): void {
    withBudget(EXPANSION_BUDGET, () => this.analyzeForm(form, span, ns, uri));
  }

  private analyzeForm(form: Value, span: Span | undefined, ns: Globals, uri: string): void {
    let scope = ns;
    let current = form;
    const reported = new Set<string>();
    for (let attempt = 0; attempt < MAX_RETRIES; attempt++) {
      const a = analyzeTop(current, span, scope);
      if (a.node !== undefined) {
        if (scope === ns && current === form) this.keep(a.node, form, span, ns, uri);
        else {
          this.analyzed.push({ node: a.node });
          bindName(form, ns);
        }
        return;
      }
      const d = a.diagnostics[0] as Diagnostic;
      const key = `${d.span.start}:${d.span.end}`;
      // A problem where an earlier one was patched out is a consequence of the patch.
      if (reported.has(key)) break;
      reported.add(key);
      this.diagnostics.push(...a.diagnostics);
      const name = unboundName(d);
      if (name !== undefined) {
        // Analyze again with the unbound name defined, to find the next problem.
        if (scope === ns) {
          scope = new Globals(ns.name, ns);
          for (const [alias, mod] of ns.aliases) scope.aliases.set(alias, mod);
        }
        scope.intern(name).value = new Unevaluated(name);
        continue;
      }
      // Analyze again with the faulty sub-form replaced by nil.
      const patched = d.span.source === span?.source ? withNilAt(current, d.span) : undefined;
      if (patched === undefined) break;
      current = patched;
    }
    bindName(form, ns);
  }

  private keep(node: Node, form: Value, span: Span | undefined, ns: Globals, uri: string): void {
    this.analyzed.push({ node });
    if (node.kind === 'def' && node.macro) {
      // Macros run at analysis time: define them for real.
      const r = this.rt.evalForm(form, span, ns, uri);
      if (!r.ok) this.record(r, span);
      return;
    }
    // Every def, nested ones too ((step "s" (def x …))), is visible to later forms.
    for (const n of walk(node)) {
      if (n.kind === 'def' && n.cell.value === undefined)
        n.cell.value = new Unevaluated(n.cell.name);
    }
  }

  private record(r: { diagnostics: Diagnostic[] } | { error: unknown }, span: Span | undefined) {
    if ('diagnostics' in r) {
      this.diagnostics.push(...r.diagnostics);
      return;
    }
    const e = r.error as { code?: string; message?: string; span?: Span };
    const at = e.span ?? span;
    if (at === undefined || e.code === undefined) throw r.error;
    this.diagnostics.push(diagnostic(e.code, 'runtime', e.message ?? String(r.error), at));
  }

  loadModule(
    name: string,
    fromUri: string | undefined,
    span: Span | undefined,
    fromModule?: string,
  ) {
    const files = { modules: this.modules, loading: this.loading, loader: this.rt.loader };
    return loadModuleFile(this, files, name, { uri: fromUri, module: fromModule }, span, {
      // Forms outside the module form record their own diagnostics (evalForm).
      failed: (f, _fail, at) => {
        this.record(f, at);
        return 'stop';
      },
    });
  }
}

/** The symbol an `analysis/unbound-symbol` diagnostic is about (not `alias/name`). */
function unboundName(d: Diagnostic): string | undefined {
  if (d.code !== AnalysisCodes.unbound) return undefined;
  const m = /^unbound symbol '([^']+)'/.exec(d.message);
  return m?.[1];
}

/** Binds the name a failed `def`/`defn`/… would have defined, so that later forms
 * using it do not report it as unbound too. */
function bindName(form: Value, ns: Globals): void {
  if (!(form instanceof RList)) return;
  const [head, written] = form.items;
  // `(def x:int …)` defines x.
  const name = splitGlued(written)?.name ?? written;
  if (!(head instanceof Sym) || !DEFINERS.has(head.name) || !(name instanceof Sym)) return;
  const cell: Var = ns.intern(name.name);
  if (cell.value === undefined) cell.value = new Unevaluated(name.name);
}

/**
 * Loading a module file, shared by every {@link ModuleHost} (the evaluator, the
 * compiler's program builder, `rtfs check`): the cache, the cycle check, the loader,
 * reading, and running the file's forms — the `(module …)` form into its namespace,
 * any other form into a scratch namespace. Hosts differ only in what a failed form
 * means to them ({@link LoadPolicy}).
 */
import type { Span } from '../source/index.js';
import { diagnostic, type Diagnostic } from '../diagnostics/index.js';
import type { Value } from '../data/index.js';
import { read } from '../syntax/index.js';
import { Globals } from '../analyzer/index.js';
import type { ModuleLoader } from './module-loader.js';
import { evalModule, isHead, ModuleCodes, type ModuleHost } from './modules.js';

/** The loading state a host keeps. */
export interface ModuleFiles {
  /** Namespaces of the modules loaded so far, by name. */
  readonly modules: Map<string, Globals>;
  /** Modules being loaded, outermost first (for the cycle message). */
  readonly loading: string[];
  readonly loader: ModuleLoader | undefined;
}

/** A form of the file that failed: its diagnostics, or the error it raised. */
export type FormFailure = { readonly diagnostics: Diagnostic[] } | { readonly error: unknown };

/** An analysis diagnostic at the importing form (or a bug, without a position). */
export type Fail = (code: string, message: string) => Diagnostic[];

export interface LoadPolicy {
  /**
   * What a failed form means: diagnostics end the load with them, `'stop'` ends it
   * with the namespace built so far, `'continue'` goes on to the next form.
   */
  failed(f: FormFailure, fail: Fail, span: Span | undefined): Diagnostic[] | 'stop' | 'continue';
}

/**
 * Loads module `name` (once) for `host`, reading it through `files.loader`; `from` is
 * the importing file and the module it declares, if any.
 */
export function loadModuleFile(
  host: ModuleHost,
  files: ModuleFiles,
  name: string,
  from: { readonly uri: string | undefined; readonly module?: string | undefined },
  span: Span | undefined,
  policy: LoadPolicy,
): Globals | Diagnostic[] {
  const done = files.modules.get(name);
  if (done !== undefined) return done;
  const fail: Fail = (code, message) => {
    if (span === undefined) throw new Error(message);
    return [diagnostic(code, 'analysis', message, span)];
  };
  const { loading, loader } = files;
  if (loading.includes(name)) {
    const chain = [...loading.slice(loading.indexOf(name)), name].join(' → ');
    return fail(ModuleCodes.cycle, `import cycle: ${chain}`);
  }
  if (loader === undefined)
    return fail(ModuleCodes.notFound, `cannot load module ${name}: no module path is configured`);
  const found = loader.load(name, from.uri, from.module);
  if ('error' in found) return fail(ModuleCodes.notFound, found.error);
  const r = read(found.text, found.uri);
  if (r.diagnostics.length > 0) return r.diagnostics;
  const idx = r.forms.findIndex((f) => isHead(f, 'module'));
  if (idx < 0) return fail(ModuleCodes.notFound, `${found.uri} does not define module ${name}`);
  loading.push(name);
  try {
    const ns = new Globals(name, host.core);
    for (let i = 0; i < r.forms.length; i++) {
      const f = r.forms[i] as Value;
      let failure: FormFailure | undefined;
      if (i !== idx) {
        const t = host.evalForm(f, r.spans[i], ns, found.uri);
        if (!t.ok) failure = 'diagnostics' in t ? t : { error: t.error };
      } else {
        const m = evalModule(f as never, r.spans[i], host, found.uri, name);
        if ('ns' in m) files.modules.set(name, m.ns);
        else failure = m;
      }
      if (failure === undefined) continue;
      const next = policy.failed(failure, fail, r.spans[i]);
      if (next === 'continue') continue;
      if (next === 'stop') break;
      return next;
    }
    return files.modules.get(name) ?? ns;
  } finally {
    loading.pop();
  }
}

/**
 * Running RTFS: read → analyze each top-level form → compile to closures → run.
 * Each top-level form is analyzed after the previous one ran, so a `def` is visible
 * to the forms that follow it.
 */
import { read } from '../syntax/index.js';
import type { Diagnostic } from '../diagnostics/index.js';
import type { Value } from '../data/index.js';
import { analyzeTop, Globals } from '../analyzer/index.js';
import type { Fn } from './fn.js';
import { macroBuiltins } from './macro-support.js';
import { makeCompiler } from './compile-node.js';
import { PureHost, type Host } from './host.js';
import { Env } from './env.js';
import { RtfsError, RuntimeCodes } from './errors.js';

export type EvalOutcome =
  | { readonly ok: true; readonly value: Value }
  | { readonly ok: false; readonly diagnostics: Diagnostic[] }
  | { readonly ok: false; readonly error: RtfsError; readonly diagnostics?: undefined };

export class Runtime {
  readonly globals = new Globals();

  private readonly compile: ReturnType<typeof makeCompiler>;

  /** A runtime whose global environment holds `builtins` (see src/create-runtime.ts). */
  constructor(
    builtins: readonly Fn[],
    readonly host: Host = new PureHost(),
  ) {
    this.compile = makeCompiler(host);
    for (const b of [...macroBuiltins(this.globals), ...builtins]) {
      this.globals.intern(b.name as string).value = b;
    }
  }

  /** Reads and evaluates every form of `text`; the outcome of the last one. */
  evalString(text: string, uri = '<eval>'): EvalOutcome {
    const r = read(text, uri);
    if (r.diagnostics.length > 0) return { ok: false, diagnostics: r.diagnostics };
    let last: Value = null;
    for (let i = 0; i < r.forms.length; i++) {
      const a = analyzeTop(r.forms[i] as Value, r.spans[i], this.globals);
      if (a.node === undefined) return { ok: false, diagnostics: a.diagnostics };
      const code = this.compile(a.node);
      try {
        last = code(new Env(new Array<Value>(a.frameSize), undefined));
      } catch (e) {
        if (e instanceof RtfsError) return { ok: false, error: e };
        if (e instanceof RangeError) {
          return {
            ok: false,
            error: new RtfsError(
              RuntimeCodes.stackDepth,
              'stack depth exceeded (recursion too deep)',
              r.spans[i],
            ),
          };
        }
        throw e;
      }
    }
    return { ok: true, value: last };
  }
}

/**
 * evaluator-loader.ts as the runtime of compiled modules has it (ADR 0059): the analyzer
 * and the closure compiler are in dist/runtime-lazy.cjs, which the first form a program
 * evaluates (a macro's expansion, a child plan, a module it loads) loads. A compiled
 * program that evaluates nothing never creates their functions.
 */
import type * as Parts from './evaluator-parts.js';

let parts: typeof Parts | undefined;

function load(): typeof Parts {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- in the lazy bundle, loaded on first use
  return (parts ??= require('./evaluator-parts.js') as typeof Parts);
}

export const analyzeTop: typeof Parts.analyzeTop = (form, span, globals) =>
  load().analyzeTop(form, span, globals);

export const makeCompiler: typeof Parts.makeCompiler = (host, jit) =>
  load().makeCompiler(host, jit);

/**
 * The analyzer and the closure compiler as runtime/evaluate.ts links them: imported with
 * the rest from source, in the ES module builds and in the CLI's bundle. The runtime of
 * compiled modules (dist/runtime.cjs) has evaluator-loader.runtime.ts instead: a compiled
 * program evaluates a form only for a macro, a child plan or a module it loads (ADR 0059).
 */
export { analyzeTop, makeCompiler } from './evaluator-parts.js';

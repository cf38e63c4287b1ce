/**
 * What {@link Runtime} needs to evaluate a form it reads: the analyzer and the closure
 * compiler. Runtime imports them through evaluator-loader.ts, which the runtime of
 * compiled modules swaps for evaluator-loader.runtime.ts (ADR 0059).
 */
export { analyzeTop } from '../analyzer/analyze.js';
export { makeCompiler } from './compile-node.js';

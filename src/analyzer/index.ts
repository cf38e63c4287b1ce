export { analyzeTop, AnalysisCodes, specialFormNames, type AnalyzeResult } from './analyze.js';
export { Globals } from './globals.js';
export type {
  Node,
  NodeKind,
  Var,
  LocalRef,
  FnArity,
  Params,
  CatchSelector,
  CatchClause,
} from './nodes.js';
export { nearest } from '../diagnostics/index.js';
export { children, walk } from './children.js';
export { linearAccumulator } from './linear-acc.js';
export type { SlotRange } from './fresh-frames.js';

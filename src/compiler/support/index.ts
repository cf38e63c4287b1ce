/**
 * Everything compiled code calls at run time, by the names the emitter uses
 * (`e.h('name')`). In-process code receives this object; emitted ES modules import
 * the same names from the runtime entry (`rtfs-ts/runtime`, dist/runtime.js).
 */
export { Fn } from '../../runtime/fn.js';
export { meter, refuel, shortenChunk, enterBudget, leaveBudget } from '../../runtime/budget.js';
export { CompiledFn, type CompiledArity, type ArityBody } from './compiled-fn.js';
export { call1, call2, callN, locate, locateIn, direct1, direct2, unbound } from './calls.js';
export {
  thrown,
  vector,
  appendOwned,
  flatItems,
  map,
  check,
  capabilityId,
  defineCapability,
  stepFailed,
  stepLoopLimit,
  stepTruthy,
  iterable,
  dotimesCount,
  caught,
  catches,
} from './forms.js';
export {
  destructureSeq,
  destructureRest,
  destructureMap,
  destructureKey,
  withoutKeys,
  equals,
  matchSeq,
  matchRest,
  isMap,
  noMatch,
} from './patterns.js';
export {
  planContext,
  planInputs,
  planInput,
  planPush,
  planOutput,
  stepResult,
  stepValue,
  stepRecord,
} from './plans.js';

export { Runtime, type EvalOutcome } from './evaluate.js';
export { RtfsError, RuntimeCodes, type Frame } from './errors.js';
export { Fn, Builtin } from './fn.js';
export { Closure } from './closure.js';

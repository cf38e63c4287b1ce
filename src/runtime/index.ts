export { Runtime, evaluator, type EvalOutcome, type NodeCompiler } from './evaluate.js';
export { applyFn, call1, call2, isCallable } from './apply.js';
export { newFrame, parentOf, type Env, type Code } from './env.js';
export { RtfsError, RuntimeCodes, type Frame } from './errors.js';
export { Fn, Builtin } from './fn.js';
export { Closure } from './closure.js';
export { type Host, PureHost } from './host.js';
export { PlanCodes } from './compile-plan.js';
export { interruptFlag } from './interrupt.js';
export {
  DEFAULT_JIT_THRESHOLD,
  CapturingJitClosure,
  JitClosure,
  expectCalls,
  jitFailures,
  type FnJit,
  type JitFn,
} from './jit.js';
export { DEFAULT_LOOP_THRESHOLD, type LoopJit, type LoopCode } from './loop-jit.js';
export {
  type Budget,
  withBudget,
  charge,
  checkBudget,
  stepsUsed,
  STACK_OVERFLOWS_CAUGHT,
} from './budget.js';

/**
 * Plans in compiled code use exactly what the evaluator uses (runtime/plan-support.ts).
 */
export {
  planContext,
  planInputs,
  planInput,
  planPush,
  planOutput,
  stepResult,
  stepValue,
  stepRecord,
} from '../../runtime/plan-support.js';

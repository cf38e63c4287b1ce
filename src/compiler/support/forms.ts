/**
 * Runtime halves of special forms in compiled code, each the evaluator's behaviour
 * (runtime/compile-*.ts) as a function the emitted JavaScript calls.
 */
import type { Span } from '../../source/index.js';
import type { CatchSelector } from '../../analyzer/index.js';
import { type Value, RVector, RMap, typeName } from '../../data/index.js';
import { typeErrorMessage, TypeCodes, type Validator } from '../../types/index.js';
import { RtfsError, RuntimeCodes, errorFromThrown } from '../../runtime/errors.js';
import { Fn } from '../../runtime/fn.js';
import type { Host } from '../../runtime/host.js';
import { asRtfsError } from '../../runtime/compile-try.js';
import { stepTruthy, iterable, STEP_LOOP_MAX } from '../../runtime/compile-step.js';
import { keywordLookup } from '../../runtime/keyword-call.js';

export { stepTruthy, iterable, keywordLookup };

/** `(throw v)` */
export function thrown(v: Value, span: Span | undefined): RtfsError {
  return errorFromThrown(v, span);
}

export function vector(items: Value[]): Value {
  return RVector.from(items);
}

/**
 * Appends `x` in place to `v` when it is a vector (a loop's own `conj` result, see
 * compiler/emit-owned.ts) and says whether it did.
 */
export function appendOwned(v: Value, x: Value): boolean {
  if (!(v instanceof RVector)) return false;
  v.appendOwned(x);
  return true;
}

/**
 * The array of `v` when it is a flat vector, else undefined: read at `i` below the
 * vector's `count` by a loop that never rebinds `v` (compiler/vector-reads.ts).
 */
export function flatItems(v: Value): readonly Value[] | undefined {
  return v instanceof RVector ? v.flatItems() : undefined;
}

export function map(flat: Value[]): Value {
  return RMap.fromFlat(flat);
}

/** A type annotation's check. */
export function check(
  validate: Validator,
  v: Value,
  context: string,
  span: Span | undefined,
): Value {
  const m = validate(v);
  if (m !== undefined)
    throw new RtfsError(TypeCodes.mismatch, typeErrorMessage(context, m), span, v);
  return v;
}

export { capabilityId } from '../../runtime/capability-id.js';

export function defineCapability(
  host: Host,
  cap: string,
  spec: Value,
  fn: Value,
  span: Span | undefined,
): Value {
  if (!(fn instanceof Fn)) {
    throw new RtfsError(
      RuntimeCodes.type,
      `defcapability ${cap}: the implementation must be a function`,
      span,
    );
  }
  host.defineCapability(cap, spec, fn, span);
  return cap;
}

/** A step body threw: report RTFS errors to the host, then rethrow. */
export function stepFailed(host: Host, id: string, e: unknown): never {
  const err = asRtfsError(e);
  if (err !== undefined) host.stepFailed(id, err);
  throw err ?? e;
}

/** The iteration limit of `step-loop`. */
export function stepLoopLimit(i: number, span: Span | undefined): void {
  if (i >= STEP_LOOP_MAX) {
    throw new RtfsError(
      RuntimeCodes.loopLimit,
      `step-loop ran ${STEP_LOOP_MAX} iterations without its test becoming false`,
      span,
    );
  }
}

/** `dotimes` count. */
export function dotimesCount(c: Value, span: Span | undefined): number {
  if (typeof c !== 'number') {
    throw new RtfsError(
      RuntimeCodes.type,
      `dotimes expects an integer count, got ${typeName(c)}`,
      span,
    );
  }
  return c;
}

/** What a `catch` clause sees: an RTFS error (with the `try`'s span if it had none), or a rethrow. */
export function caught(e: unknown, span: Span | undefined): RtfsError {
  const err = asRtfsError(e);
  if (err === undefined) throw e;
  if (err.span === undefined) err.span = span;
  // Ctrl-C, an exhausted budget: no handler may swallow them (runtime/budget.ts).
  if (err.fatal) throw err;
  return err;
}

export function catches(sel: CatchSelector, code: string): boolean {
  if (sel.kind === 'all') return true;
  if (sel.full !== undefined) return code === sel.full;
  const slash = code.lastIndexOf('/');
  return (slash < 0 ? code : code.slice(slash + 1)) === sel.local;
}

/**
 * Evaluation budgets (ADR 0016): fuel (a step limit), a deadline, Ctrl-C in the REPL,
 * and the guard against programs that keep overflowing the stack, all tested in one
 * place.
 *
 * Every function call (each iteration of a closure's body loop, so every `recur` too),
 * `loop` iteration, and `dotimes`/`for` step runs `if (--meter[0] < 0) refuel()`: a
 * decrement and a compare on a typed array the optimising compiler embeds. The meter
 * holds the steps left in the current chunk (at most {@link CHUNK}); only when a chunk
 * is used up does {@link refuel} look at the interrupt flag, the clock and the step
 * limit, and grant the next chunk. Builtins that build large results in one go charge
 * their size with {@link charge}, so a run of big builtin work still meets the clock.
 *
 * Budgets nest ({@link withBudget}): a plan's own `:max-steps`, macro expansion during
 * analysis, a child plan. The inner limit is the smaller of its own and what the
 * enclosing budget has left; its steps count against the enclosing one too.
 *
 * The numbers of a budget live in a Float64Array (finite doubles only, `NONE` for no
 * limit) so their representation never changes under optimised code that inlines
 * `refuel`. The first `refuel` from an optimised function costs one deoptimisation
 * (the call had no feedback yet); ADR 0016 has the measurements.
 */
import { RtfsError, RuntimeCodes } from './errors.js';
import { interruptFlag, interrupted } from './interrupt.js';

/** Steps between two slow checks (interrupt flag, clock, step limit). */
export const CHUNK = 1 << 14;

/**
 * Element 0: steps left in the current chunk (below 0: call {@link refuel}). Element 1:
 * stack overflows seen in the current budget (compiled `catch` blocks count them inline,
 * where there may be no stack left to call anything).
 */
export const meter: Int32Array = new Int32Array(new SharedArrayBuffer(8));
meter[0] = CHUNK;

export interface Budget {
  /** Most steps (function calls and loop iterations, plus builtin work); none when absent. */
  readonly maxSteps?: number;
  /** Wall-clock limit in milliseconds, from when the budget starts; none when absent. */
  readonly timeoutMs?: number;
  /**
   * Who set it, for the errors: `plan p` gives "plan p :max-steps"; without it the
   * errors name the command-line options `--max-steps` and `--timeout`.
   */
  readonly source?: string;
  /** What set the limits, used verbatim in the errors instead of `source` (defaults). */
  readonly label?: string;
}

/**
 * The budget of macro expansion (and compile-time evaluation) while `rtfs check` and
 * `rtfs compile` analyze one top-level form: generous for any real macro, but
 * `(defmacro m [] (loop [] (recur))) (m)` cannot hang the tools.
 */
export const EXPANSION_BUDGET: Budget = {
  maxSteps: 10_000_000,
  timeoutMs: 30_000,
  label: 'the default budget of analysis and macro expansion',
};

/** The default budget of loading an RTFS rewriter and of each of its calls. */
export const REWRITER_BUDGET: Budget = {
  maxSteps: 10_000_000,
  timeoutMs: 30_000,
  label: 'the default budget of an RTFS rewriter',
};

/**
 * After this many stack overflows in one budget, the evaluation ends with a stack-depth
 * error that cannot be caught (each overflow may be counted at a few frames while it
 * unwinds, so this allows dozens of caught overflows).
 */
export const STACK_OVERFLOWS_CAUGHT = 1000;

/** No limit (a finite number, so the state array only ever holds finite doubles). */
const NONE = Number.MAX_SAFE_INTEGER;

// Indices into Active.n.
const USED = 0; // steps of earlier chunks
const GRANT = 1; // size of the current chunk
const MAX = 2; // the step limit
const DEADLINE = 3; // performance.now() at which time is up
const TIMEOUT = 4; // the time limit in ms (for the message)
const OVERFLOWS = 5; // meter[1] of this budget while an inner one runs

interface Active {
  readonly n: Float64Array;
  readonly stepsSource: string;
  readonly timeSource: string;
  /** Set once the budget is exhausted: every later step raises it again. */
  dead: RtfsError | undefined;
  readonly parent: Active | undefined;
}

const clock = (): number => performance.now();

function state(max: number, deadline: number, timeout: number): Float64Array {
  const n = new Float64Array(6);
  n[MAX] = max;
  n[DEADLINE] = deadline;
  n[TIMEOUT] = timeout;
  return n;
}

let active: Active = {
  n: state(NONE, NONE, NONE),
  stepsSource: '',
  timeSource: '',
  dead: undefined,
  parent: undefined,
};
active.n[GRANT] = CHUNK;

/** Steps consumed by `a` so far (its current chunk included). */
function consumed(a: Active): number {
  return a.n[USED]! + (a.n[GRANT]! - meter[0]!);
}

function grantNext(a: Active): void {
  const g = Math.max(0, Math.min(CHUNK, a.n[MAX]! - a.n[USED]!));
  a.n[GRANT] = g;
  meter[0] = g;
}

function fatal(code: string, message: string): RtfsError {
  const e = new RtfsError(code, message);
  e.fatal = true;
  return e;
}

/** Ends `a`: every later step raises `e` again. */
function kill(a: Active, e: RtfsError): RtfsError {
  a.dead = e;
  a.n[USED] = consumed(a);
  a.n[GRANT] = 0;
  meter[0] = 0;
  return e;
}

function overflowing(): RtfsError {
  return fatal(
    RuntimeCodes.stackDepth,
    `stack depth exceeded ${STACK_OVERFLOWS_CAUGHT} times in one evaluation (the program keeps recursing after catching it); stopped`,
  );
}

/**
 * The slow path of a step: the chunk is used up (or a builtin charged more than was
 * left). Raises Ctrl-C, an exhausted budget or a timeout; otherwise grants a new chunk.
 *
 * Written as one function, its helpers' work inline, so that its bytecode stays above
 * V8's limit for inlining (460 bytes in Node 20): every compiled function and loop calls
 * it from its step check, and TurboFan, which has type feedback for that call (ADR 0042),
 * would otherwise inline this whole rarely taken path into each of them, compiling
 * hot loops more slowly and into bigger code (ADR 0053: vectors row −42M instructions).
 */
export function refuel(): void {
  const a = active;
  const n = a.n;
  n[USED] = n[USED]! + (n[GRANT]! - meter[0]!);
  n[GRANT] = 0;
  meter[0] = 0;
  if (interruptFlag[0] !== 0) {
    const g = Math.max(0, Math.min(CHUNK, n[MAX]! - n[USED]!));
    n[GRANT] = g;
    meter[0] = g;
    throw interrupted();
  }
  if (a.dead !== undefined) throw a.dead;
  let end: RtfsError | undefined = undefined;
  if (meter[1]! > STACK_OVERFLOWS_CAUGHT && a.parent !== undefined) {
    end = new RtfsError(
      RuntimeCodes.stackDepth,
      `stack depth exceeded ${STACK_OVERFLOWS_CAUGHT} times in one evaluation (the program keeps recursing after catching it); stopped`,
    );
  } else if (n[USED]! > n[MAX]!) {
    end = new RtfsError(
      RuntimeCodes.stepLimit,
      `the evaluation took more than ${n[MAX]!.toLocaleString('en-US')} steps (function calls and loop iterations; ${a.stepsSource})`,
    );
  } else if (n[DEADLINE]! !== NONE && clock() > n[DEADLINE]!) {
    end = new RtfsError(
      RuntimeCodes.timeout,
      `the evaluation took longer than ${n[TIMEOUT]! / 1000} s (${a.timeSource})`,
    );
  }
  if (end !== undefined) {
    // As `kill(a, fatal(…))`: the chunk is already accounted and empty.
    end.fatal = true;
    a.dead = end;
    throw end;
  }
  const g = Math.max(0, Math.min(CHUNK, n[MAX]! - n[USED]!));
  n[GRANT] = g;
  meter[0] = g;
}

/**
 * Ends the current chunk after at most `k` more steps (the steps counted stay exact: the
 * rest of the chunk is granted again by the next {@link refuel}, as after any chunk).
 * The loop tier calls it when a loop switches to compiled code, so that the compiled
 * loop's own `refuel` call runs once while V8 still interprets it: a call that has never
 * run has no type feedback, and V8's optimised loop would deoptimise at its first
 * `refuel` and compile again. Compiled code calls it before a counted loop of 1,000+
 * iterations (ADR 0056) for the same reason.
 */
export function shortenChunk(k: number): void {
  const n = active.n;
  const left = meter[0]!;
  if (left <= k) return;
  n[USED] = n[USED]! + (n[GRANT]! - left);
  n[GRANT] = k;
  meter[0] = k;
}

/** Charges `n` steps at once (a builtin that builds or walks `n` items). */
export function charge(n: number): void {
  meter[0] = meter[0]! - Math.min(n, 1 << 30);
  if (meter[0]! < 0) refuel();
}

/** Checks the clock and the interrupt flag now (before a capability call, say). */
export function checkBudget(): void {
  const a = active;
  if (a.dead !== undefined) throw a.dead;
  if (interruptFlag[0] !== 0 || (a.n[DEADLINE]! !== NONE && clock() > a.n[DEADLINE]!)) {
    meter[0] = meter[0]! - CHUNK - 1;
    refuel();
  }
}

/**
 * A stack overflow became an RTFS error: after {@link STACK_OVERFLOWS_CAUGHT} of them
 * in one budget the evaluation ends with a fatal one, so a program that recurses again
 * in its handler (`(defn f [] (try (f) (finally (f))))`, exponential otherwise) stops.
 */
export function noteStackOverflow(e: RtfsError): RtfsError {
  const a = active;
  if (a.dead !== undefined) return a.dead;
  // Outside any evaluation's budget (a bare library call) there is nothing to end.
  if (++meter[1]! > STACK_OVERFLOWS_CAUGHT && a.parent !== undefined) {
    const dead = kill(a, overflowing());
    dead.span = e.span;
    return dead;
  }
  return e;
}

/**
 * Starts `budget`, nested in the current one; returns what {@link leaveBudget} needs.
 * (Compiled plans call the pair around their body; everything else {@link withBudget}.)
 */
export function enterBudget(budget: Budget): unknown {
  const outer = active;
  const on = outer.n;
  on[USED] = consumed(outer);
  on[GRANT] = meter[0]!;
  const outerLeft = on[MAX]! - on[USED]!;
  const own = budget.maxSteps ?? NONE;
  const ownDeadline = budget.timeoutMs === undefined ? NONE : clock() + budget.timeoutMs;
  on[OVERFLOWS] = meter[1]!;
  meter[1] = 0;
  const ownSteps = own <= outerLeft;
  const ownTime = ownDeadline <= on[DEADLINE]!;
  const source = budget.source;
  const label = budget.label;
  active = {
    n: state(
      Math.min(own, Math.max(0, outerLeft)),
      Math.min(ownDeadline, on[DEADLINE]!),
      ownTime ? (budget.timeoutMs ?? NONE) : on[TIMEOUT]!,
    ),
    stepsSource: ownSteps
      ? label !== undefined
        ? label
        : source === undefined
          ? '--max-steps'
          : `${source} :max-steps`
      : outer.stepsSource,
    timeSource: ownTime
      ? label !== undefined
        ? label
        : source === undefined
          ? '--timeout'
          : `${source} :timeout`
      : outer.timeSource,
    dead: undefined,
    parent: outer,
  };
  grantNext(active);
  return outer;
}

/** Ends the budget {@link enterBudget} started: its steps count against the outer one. */
export function leaveBudget(token: unknown): void {
  const outer = token as Active;
  const spent = consumed(active);
  active = outer;
  meter[1] = outer.n[OVERFLOWS]!;
  // The enclosing budget pays for these steps; if that exhausts it, its next step fails.
  outer.n[USED] = outer.n[USED]! + spent;
  grantNext(outer);
}

/** Runs `body` under `budget` (nested in the current one). */
export function withBudget<T>(budget: Budget, body: () => T): T {
  const token = enterBudget(budget);
  try {
    return body();
  } finally {
    leaveBudget(token);
  }
}

/** Steps used by the current budget so far (tests, the REPL's :time). */
export function stepsUsed(): number {
  return consumed(active);
}

/**
 * V8's tier-up budget per command (ADR 0031). V8 optimises a function (TurboFan, on
 * background threads) once it has spent an "interrupt budget" of bytecode; the default
 * suits long-running programs. The toolchain's own batch commands (plan, fmt, check, …)
 * run a large body of code a few times each and exit within a second: at the default
 * budget V8 optimises hundreds of lukewarm functions it never runs long enough to repay,
 * and that compilation was about a quarter of `rtfs plan`'s CPU time. Commands that run the
 * user's program (run, eval, repl) or live long (lsp) keep V8's default. Batch commands also
 * grow the young generation faster (BATCH_SEMI_SPACE_GROWTH).
 */
import type * as v8 from 'node:v8';

/** Bytecode budget before V8 considers optimising a function (V8 11's default is 132 KB). */
export const BATCH_INTERRUPT_BUDGET = 1_000_000;

/**
 * How much V8 grows the young generation when a scavenge finds it too small (V8's default
 * is 2). A batch command allocates its working set within a second: growing by 8 takes the
 * young generation to its maximum after three scavenges instead of six, so `rtfs plan` runs
 * 6 scavenges and no full collection instead of 9 and one (ADR 0036: −7% instructions,
 * −9% CPU). Programs that `rtfs run` keep the default: the maps workload got slower with it.
 */
export const BATCH_SEMI_SPACE_GROWTH = 8;

const BATCH_COMMANDS: ReadonlySet<string> = new Set([
  'plan',
  'fmt',
  'check',
  'read',
  'chain',
  'compile',
]);

/** True when `command` (the CLI's first argument) is one of the toolchain's batch commands. */
export function isBatchCommand(command: string): boolean {
  return BATCH_COMMANDS.has(command);
}

/**
 * Raises the tier-up budget for a batch command; true when it did. Must run before the CLI's code is
 * compiled: the code cache records V8's flags, so a command always runs with the same ones.
 * `RTFS_V8_DEFAULTS=1` keeps V8's defaults (for measuring). `loadV8` loads node:v8 (1–5 ms with
 * what it pulls in), so only a batch command loads it.
 */
export function tuneTierUp(
  command: string,
  env: NodeJS.ProcessEnv,
  loadV8: () => Pick<typeof v8, 'setFlagsFromString'>,
): boolean {
  if (!isBatchCommand(command) || env.RTFS_V8_DEFAULTS === '1') return false;
  const v8 = loadV8();
  v8.setFlagsFromString(`--interrupt-budget=${BATCH_INTERRUPT_BUDGET}`);
  v8.setFlagsFromString(`--semi-space-growth-factor=${BATCH_SEMI_SPACE_GROWTH}`);
  return true;
}

/**
 * The code cache's key for `command`: V8 rejects a cache made under other flags, so a
 * batch command run with V8's defaults keeps a cache of its own.
 */
export function cacheKey(command: string, tuned: boolean): string {
  return isBatchCommand(command) && !tuned ? `${command}.v8defaults` : command;
}

/**
 * The rewriters of `rtfs plan` (`--rewrite NAME[=ARG]`, `--rewriter FILE.rtfs[=ARG]`),
 * built from the command line; mistakes are usage errors.
 */
import { existsSync, readFileSync } from 'node:fs';
import { RMap } from '../data/index.js';
import {
  rewriterFromSpec,
  rtfsRewriter,
  REWRITER_BUDGET_MS,
  type Rewriter,
} from '../meta/index.js';
import { UsageError } from './exit-codes.js';
import type { Ordered } from './options.js';
import { inputValue } from './plan-inputs.js';

/** The rewriter flags of `rtfs plan`. */
export interface RewriterFlags {
  readonly rewrite?: readonly Ordered[];
  readonly rewriter?: readonly Ordered[];
  readonly rewriterBudget?: string;
}

/**
 * The rewriters, in command-line order (`--rewrite` and `--rewriter` interleaved as
 * given). `--rewriter FILE.rtfs=ARG` passes ARG (an RTFS literal, or else a string) to
 * the rewrite function as its params.
 */
export function rewriters(flags: RewriterFlags): Rewriter[] {
  const budget = Number(flags.rewriterBudget ?? REWRITER_BUDGET_MS);
  if (!Number.isSafeInteger(budget) || budget < 1)
    throw new UsageError(
      `--rewriter-budget takes milliseconds, got '${flags.rewriterBudget ?? ''}'`,
    );
  const all = [
    ...(flags.rewrite ?? []).map((o) => ({ ...o, file: false })),
    ...(flags.rewriter ?? []).map((o) => ({ ...o, file: true })),
  ].sort((a, b) => a.at - b.at);
  return all.map(({ value, file }) => {
    if (!file) {
      const r = rewriterFromSpec(value);
      if ('error' in r) throw new UsageError(r.error);
      return r;
    }
    const m = existsSync(value) ? undefined : /^(.+?\.rtfs)=(.*)$/s.exec(value);
    const path = m?.[1] ?? value;
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (e) {
      throw new UsageError(`cannot read rewriter ${path}: ${(e as Error).message}`);
    }
    const params = m?.[2] === undefined ? RMap.EMPTY : inputValue(m[2]);
    const r = rtfsRewriter(text, path, params, budget);
    if ('error' in r) throw new UsageError(r.error);
    return r;
  });
}

/**
 * The evaluator's compiled tier (jit-tier.ts) as create-runtime.ts links it. From source
 * and in the CLI's single bundle it is imported with the rest; the ES module build swaps
 * this file for jit-loader.lazy.ts, which loads `dist/jit-tier.js` when the first
 * function or loop gets hot (ADR 0039).
 */
import type { JitTier } from './jit-tier.js';

export { fnJit, loopJit } from './jit-tier.js';

/** Installs the tier where it is loaded lazily; here it is linked already. */
export function setJitTier(tier: JitTier): void {
  void tier;
}

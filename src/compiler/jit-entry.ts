/**
 * Build entry for `dist/jit-tier.js`: the evaluator's compiled tier, which the ES module
 * build loads when the first function or loop gets hot (jit-loader.lazy.ts, ADR 0039).
 * `rtfs compile --bundle` calls {@link installJitTier} instead.
 */
import { fnJit, loopJit } from './jit-tier.js';
import { setJitTier } from './jit-loader.js';

export { fnJit, loopJit };

export function installJitTier(): void {
  setJitTier({ fnJit, loopJit });
}

/**
 * jit-loader.ts as the single CommonJS bundles have it (the CLI's, ADR 0024, and the
 * runtime of compiled modules, ADR 0052): the tier and the compiler's emitter are inside
 * the bundle (one data model), and esbuild runs their module code on the first `require`,
 * when the first function or loop gets hot.
 */
import type { JitTier } from './jit-tier.js';
import { tierOnFirstUse } from './jit-on-first-use.js';

let tier: JitTier | undefined;

/** Installs `t` instead of the bundled tier (the interface of every jit-loader). */
export function setJitTier(t: JitTier): void {
  tier = t;
}

function load(): JitTier {
  if (tier === undefined) {
    // The CLI's launcher then keeps a code cache with the tier's bytecode (ADR 0061).
    (globalThis as Record<symbol, unknown>)[Symbol.for('rtfs.jitTierLoaded')] = true;
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- bundled, initialised on first use
    tier = require('./jit-tier.js') as JitTier;
  }
  return tier;
}

/** jit-tier.ts's `fnJit` and `loopJit`, made on the first function or loop that gets hot. */
export const { fnJit, loopJit } = tierOnFirstUse(load);

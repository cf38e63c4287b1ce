/**
 * jit-loader.ts as the ES module build has it (ADR 0039): the tier and the compiler's
 * emitter are not parsed at start-up (a compiled program, or a run whose functions never
 * get hot, does not use them). `dist/jit-tier.js` sits next to every bundle file, and
 * `require` of an ES module shares module instances with `import` (one data model).
 * `rtfs compile --bundle` installs the tier instead (a bundle has no files beside it).
 */
import { createRequire } from 'node:module';
import type { JitTier } from './jit-tier.js';
import { tierOnFirstUse } from './jit-on-first-use.js';

let tier: JitTier | undefined;

export function setJitTier(t: JitTier): void {
  tier = t;
}

function load(): JitTier {
  return (tier ??= createRequire(import.meta.url)('./jit-tier.js') as JitTier);
}

/** jit-tier.ts's `fnJit` and `loopJit`, made on the first function or loop that gets hot. */
export const { fnJit, loopJit } = tierOnFirstUse(load);

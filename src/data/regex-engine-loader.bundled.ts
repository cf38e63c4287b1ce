/**
 * regex-engine-loader.ts as the CLI's single CommonJS bundle has it (ADR 0024): re2js
 * is inside the bundle, and esbuild runs its module code on this first `require`.
 */
import type { RE2JS } from 're2js';

export function loadRegexEngine(): typeof RE2JS {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- bundled, initialised on first use
  return (require('./regex-engine.js') as { RE2JS: typeof RE2JS }).RE2JS;
}

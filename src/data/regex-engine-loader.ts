/**
 * Loads re2js on the first regex compiled (src/data/linear-regex.ts). In the ES module
 * build, `dist/regex-engine.js` sits next to every bundle file; from source (tests,
 * tsx) it is the package itself. The CLI's single CommonJS bundle (ADR 0024) replaces
 * this file with regex-engine-loader.bundled.ts.
 */
import { createRequire } from 'node:module';
import type { RE2JS } from 're2js';

export function loadRegexEngine(): typeof RE2JS {
  const load = createRequire(import.meta.url);
  try {
    return (load('./regex-engine.js') as { RE2JS: typeof RE2JS }).RE2JS;
  } catch (e) {
    if ((e as { code?: unknown }).code !== 'MODULE_NOT_FOUND') throw e;
    return (load('re2js') as { RE2JS: typeof RE2JS }).RE2JS;
  }
}

/**
 * Build entry for `dist/regex-engine.js`: re2js alone, loaded on the first regex a
 * program compiles (src/data/linear-regex.ts), so start-up does not parse it.
 */
export { RE2JS } from 're2js';

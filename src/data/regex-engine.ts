/**
 * Build entry for `dist/regex-engine.js`: re2js alone, loaded on the first regex a
 * program compiles (src/data/linear-regex.ts), so start-up does not parse it.
 * `rtfs compile --bundle` calls {@link installRegexEngine} instead (a bundle has no
 * files beside it to load).
 */
import { RE2JS } from 're2js';
import { setRegexEngine } from './linear-regex.js';

export { RE2JS };

export function installRegexEngine(): void {
  setRegexEngine(RE2JS);
}

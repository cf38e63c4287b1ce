/**
 * `rtfs-ts/full`: the public API with the Chevrotain reader installed eagerly (no lazy
 * `require` on first invalid input). Everything in `rtfs-ts` is re-exported.
 */
import { setFullReader } from './syntax/index.js';
import { chevrotainRead } from './full-reader.js';

setFullReader(chevrotainRead);

export * from './index.js';
export { chevrotainRead };

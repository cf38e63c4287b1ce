/**
 * Entry point that installs the Chevrotain reader eagerly (library users, tests).
 * The CLI instead installs it lazily from a separate bundle (src/cli/lazy-reader.ts).
 */
import { setFullReader } from './read.js';
import { chevrotainRead } from './chevrotain-reader.js';

setFullReader(chevrotainRead);

export { chevrotainRead };
export * from './index.js';

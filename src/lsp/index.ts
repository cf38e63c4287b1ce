/**
 * The language server (`rtfs lsp`), a front end beside cli/ over the same modules:
 * the reader, the checker, the formatter, the docs of the core library.
 */
export { startServer } from './server.js';
export {
  outline,
  type Outline,
  type Definition,
  type Local,
  type Step,
  type Plan,
} from './outline.js';

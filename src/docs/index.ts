/**
 * What the REPL's `:doc` and the language server's hover say about functions:
 * signatures of `defn` forms, builtin arities and summaries (docs/stdlib.md).
 */
export {
  type Signature,
  builtinArity,
  builtinDocs,
  coreDefn,
  defnSignatures,
  formatSignature,
  isAnnotated,
} from './signatures.js';

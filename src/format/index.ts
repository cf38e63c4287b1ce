export {
  formatSource,
  formatForms,
  printDoc,
  DEFAULT_WIDTH,
  type FormatOptions,
  type FormatResult,
} from './format.js';
export { parseCst, type CstRoot, type CstNode, type CstItem } from './cst.js';
export { printRoot } from './print-doc.js';

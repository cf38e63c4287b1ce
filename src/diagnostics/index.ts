export {
  type Diagnostic,
  type Phase,
  type Severity,
  diagnostic,
  formatDiagnosticLine,
  renderDiagnostic,
  diagnosticToJson,
} from './diagnostic.js';
export { SyntaxCodes, type SyntaxCode } from './codes.js';
export { nearest } from './suggest.js';

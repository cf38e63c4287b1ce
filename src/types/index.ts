/**
 * RTFS type expressions (docs/types.md): parse type-expression data to a TypeAst,
 * compile it once to a validator, and report mismatches with a path.
 */
export {
  type TypeAst,
  type TypeKind,
  type PrimName,
  type MapEntryType,
  type Predicate,
  type CompareOp,
  type SizeOp,
  PRIM,
} from './ast.js';
export {
  parseTypeExpr,
  parseTypeExprSharing,
  isTypeExpr,
  TypeCodes,
  type ParseTypeResult,
} from './type-expr.js';
export { compileValidator, compileTest, type Validator } from './compile.js';
export { predicateTest } from './predicate-test.js';
export { checkValue, matchesType } from './check.js';
export {
  type Mismatch,
  formatType,
  formatPredicate,
  formatPath,
  formatMismatch,
  typeErrorMessage,
  argumentContext,
  restArgumentContext,
  returnContext,
  letContext,
  defContext,
  describeValue,
  printBounded,
} from './format.js';

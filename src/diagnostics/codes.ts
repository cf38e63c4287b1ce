/**
 * Stable syntax diagnostic codes. Each one is documented with cause and fix in
 * docs/errors.md; tests assert them. Never renumber or rename a released code.
 */
export const SyntaxCodes = {
  unexpectedCharacter: 'syntax/unexpected-character',
  unterminatedString: 'syntax/unterminated-string',
  unterminatedComment: 'syntax/unterminated-comment',
  unclosedDelimiter: 'syntax/unclosed-delimiter',
  unexpectedCloser: 'syntax/unexpected-closing-delimiter',
  mismatchedDelimiter: 'syntax/mismatched-delimiter',
  oddMapEntries: 'syntax/odd-map-entries',
  invalidNumber: 'syntax/invalid-number',
  integerOutOfRange: 'syntax/integer-out-of-range',
  invalidEscape: 'syntax/invalid-escape',
  invalidKeyword: 'syntax/invalid-keyword',
  invalidSymbol: 'syntax/invalid-symbol',
  invalidTimestamp: 'syntax/invalid-timestamp',
  invalidSpecialValue: 'syntax/invalid-special-value',
  invalidMetadata: 'syntax/invalid-metadata',
  metadataTarget: 'syntax/metadata-target',
  invalidDelegation: 'syntax/invalid-delegation',
  nestedAnonFn: 'syntax/nested-anonymous-fn',
  invalidAnonFnArg: 'syntax/invalid-anonymous-fn-arg',
  missingForm: 'syntax/missing-form',
  missingFormAtEnd: 'syntax/missing-form-at-end',
  unknownDispatch: 'syntax/unknown-dispatch',
  tooDeep: 'syntax/nesting-too-deep',
  tooLarge: 'syntax/source-too-large',
} as const;

export type SyntaxCode = (typeof SyntaxCodes)[keyof typeof SyntaxCodes];

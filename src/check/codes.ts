/** Diagnostic codes of `rtfs check` (docs/errors.md, "Check"). */
export const CheckCodes = {
  /** A call to a known function with a number of arguments none of its arities takes. */
  arity: 'check/arity-mismatch',
  /** A literal that can never match the type declared for it. */
  type: 'check/type-mismatch',
  /** `(call "id" …)` with an id that is neither built in, defined, nor in a catalog. */
  unknownCapability: 'check/unknown-capability',
} as const;

export type CheckCode = (typeof CheckCodes)[keyof typeof CheckCodes];

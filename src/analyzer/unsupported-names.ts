/**
 * clojure.core names RTFS deliberately lacks, with what to write instead: the
 * `analysis/unbound-symbol` message for them says why, instead of guessing a
 * similarly spelled name.
 */

const SETS =
  'RTFS has no sets; use a vector with distinct (membership: (some #(= x %) v)), or a map whose keys are the members (membership: contains?)';

const RANDOM =
  'RTFS builtins are deterministic, so a run replays from the causal chain to the same result; pass random values in (a plan input or a capability result) and choose with nth or sort-by';

const BY_NAME: ReadonlyMap<string, string> = new Map([
  ...['set', 'hash-set', 'sorted-set', 'sorted-set-by', 'set?', 'disj', 'disj!'].map(
    (n) => [n, SETS] as const,
  ),
  ...['rand', 'rand-int', 'rand-nth', 'shuffle', 'random-uuid', 'random-sample'].map(
    (n) => [n, RANDOM] as const,
  ),
]);

/** Why `name` is not bound and what to use instead, for names RTFS leaves out on purpose. */
export function unsupportedHint(name: string): string | undefined {
  const direct = BY_NAME.get(name);
  if (direct !== undefined) return direct;
  if (name.startsWith('clojure.set/') || name.startsWith('set/')) return SETS;
  return undefined;
}

/**
 * Byte-level damage for the property tests of the chain's body scanners (scan-body,
 * result-split): a character changed, removed or inserted at a position. Each test adds
 * the structural damage of its own format (a key repeated, escaped, …) around it.
 */
import fc from 'fast-check';

export type ByteDamage = 'flip' | 'drop' | 'insert';

/** `text` with `ch` written over, removed at or inserted before position `at` (mod length). */
export function byteDamaged(text: string, at: number, how: ByteDamage, ch: string): string {
  const i = text.length === 0 ? 0 : at % text.length;
  switch (how) {
    case 'flip':
      return text.slice(0, i) + ch + text.slice(i + 1);
    case 'drop':
      return text.slice(0, i) + text.slice(i + 1);
    case 'insert':
      return text.slice(0, i) + ch + text.slice(i);
  }
}

/**
 * `[position, how, character]` for a test's `damaged(text, …)`: no damage three times in
 * ten or so, a byte-level one, or one of the test's own `structural` damages.
 */
export function damageArb(
  structural: readonly string[],
  chars: readonly string[],
): fc.Arbitrary<[number, string, string]> {
  return fc.tuple(
    fc.nat(),
    fc.constantFrom('none', 'none', 'none', 'flip', 'drop', 'insert', ...structural),
    fc.constantFrom(...chars),
  );
}

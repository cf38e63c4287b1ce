/**
 * `str`'s entry for a direct call (compiled code calls a builtin's `f` with its
 * arguments spread, ADR 0033). A rest parameter would allocate an array per call only
 * for `Array.join` to read it; up to four arguments are taken as parameters instead:
 * two are concatenated, three or four joined through an array kept for that length.
 * Joining strings and JS numbers runs no RTFS code, so no call can start while a
 * scratch array is in use. Anything else takes {@link strChecked} with the arguments
 * collected, as before: same result, steps and errors.
 */
import type { Value } from '../data/index.js';
import { charge } from '../runtime/budget.js';
import { MAX_STRING, strChecked } from './support.js';

/** The most characters a JS number prints as (as in support.ts). */
const NUMBER_CHARS = 25;

/** Reused join arrays, by argument count (3–4); packed, and emptied after each use. */
const SCRATCH: readonly unknown[][] = [[], [], [], ['', '', ''], ['', '', '', '']];

/** Characters at most of a string or a JS number, or -1 for any other value. */
function bound(x: Value | undefined): number {
  return typeof x === 'string' ? x.length : typeof x === 'number' ? NUMBER_CHARS : -1;
}

/**
 * `(str a b c d …)`: arguments past the last one given are undefined (never a value:
 * nil is null), so the count is where they stop.
 */
export function strFew(a?: Value, b?: Value, c?: Value, d?: Value, ...more: Value[]): string {
  if (more.length === 0) {
    const n =
      d !== undefined ? 4 : c !== undefined ? 3 : b !== undefined ? 2 : a !== undefined ? 1 : 0;
    if (n >= 2) {
      const la = bound(a);
      const lb = bound(b);
      const lc = n > 2 ? bound(c) : 0;
      const ld = n > 3 ? bound(d) : 0;
      if (la >= 0 && lb >= 0 && lc >= 0 && ld >= 0 && la + lb + lc + ld <= MAX_STRING) {
        charge(n);
        // Two parts concatenate (no join array; the same text: both convert a number
        // with ToString, ADR 0045); a join builds longer ones flat in one pass.
        if (n === 2) return `${a as string | number}${b as string | number}`;
        const s = SCRATCH[n] as unknown[];
        s[0] = a;
        s[1] = b;
        s[2] = c;
        if (n > 3) s[3] = d;
        const out = s.join('');
        s[0] = '';
        s[1] = '';
        s[2] = '';
        if (n > 3) s[3] = '';
        return out;
      }
    }
    const args: Value[] = [];
    if (n > 0) args.push(a as Value);
    if (n > 1) args.push(b as Value);
    if (n > 2) args.push(c as Value);
    if (n > 3) args.push(d as Value);
    return strChecked('str', args);
  }
  return strChecked('str', [a as Value, b as Value, c as Value, d as Value, ...more]);
}

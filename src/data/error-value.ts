import type { Value } from './value.js';
import type { Keyword } from './keyword.js';

/**
 * An RTFS error value, as bound by `catch` and built by `ex-info`. It behaves like a
 * map with `:message`, `:code` and `:data` (keyword lookup works on it).
 */
export class RErrorValue {
  readonly kind = 'error' as const;
  constructor(
    readonly message: string,
    /** A stable error code keyword such as `:runtime/division-by-zero`. */
    readonly code: Keyword,
    readonly data: Value,
  ) {}
}

/**
 * Error values. `ex-info` and `Exception.` build an error value without raising it
 * (raise it with the `throw` special form); `error` builds and raises in one step.
 * An error's code is the `:code` keyword of its data map when there is one, else
 * `:user/thrown`, so `(catch :not-found e …)` can select `(ex-info "…" {:code :not-found})`.
 */
import { type Value, Keyword, RErrorValue, RMap, printDisplay } from '../data/index.js';
import type { Builtin } from '../runtime/fn.js';
import { RuntimeCodes, errorFromThrown } from '../runtime/errors.js';
import { def, typeError } from './support.js';

const CODE = Keyword.of('code');

function exInfo(msg: Value, data: Value = null): RErrorValue {
  const code = data instanceof RMap ? data.get(CODE) : undefined;
  return new RErrorValue(
    typeof msg === 'string' ? msg : printDisplay(msg),
    code instanceof Keyword ? code : Keyword.of(RuntimeCodes.thrown),
    data,
  );
}

function isError(v: Value): v is RErrorValue {
  return v instanceof RErrorValue;
}

export const exceptionBuiltins: readonly Builtin[] = [
  ...def('ex-info', 1, 3, (msg, data) => exInfo(msg, data ?? null)),
  ...def('Exception.', 1, Infinity, (msg, data) => exInfo(msg, data ?? null)),
  ...def('ex-message', 1, 1, (e) => (isError(e) ? e.message : null)),
  ...def('getMessage', 1, 1, (e) => {
    if (!isError(e)) throw typeError('getMessage', 'an error', e);
    return e.message;
  }),
  ...def('ex-data', 1, 1, (e) => (isError(e) ? e.data : null)),
  ...def('ex-code', 1, 1, (e) => (isError(e) ? e.code : null)),
  ...def('error', 1, 2, (msg, data) => {
    throw errorFromThrown(exInfo(msg, data ?? null), undefined);
  }),
];

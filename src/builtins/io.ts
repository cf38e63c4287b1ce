/**
 * Output through the host's builtin context (never directly to the process): `println`
 * and `print` write strings raw and other values readably (nil as `nil`), separated by
 * spaces; `prn` and `pr` write everything readably. `log` (`tool/log`, `tool.log`) writes
 * one line to the log channel. All return nil.
 */
import { type Value, printValue } from '../data/index.js';
import type { Builtin } from '../runtime/fn.js';
import type { BuiltinContext } from './context.js';
import { def } from './support.js';

function display(xs: readonly Value[]): string {
  return xs.map((x) => (typeof x === 'string' ? x : printValue(x))).join(' ');
}

function readable(xs: readonly Value[]): string {
  return xs.map(printValue).join(' ');
}

export function ioBuiltins(ctx: BuiltinContext): Builtin[] {
  const out =
    (render: (xs: readonly Value[]) => string, end: string) =>
    (...xs: Value[]): Value => {
      ctx.out(render(xs) + end);
      return null;
    };
  return [
    ...def('println', 0, Infinity, out(display, '\n')),
    ...def('print', 0, Infinity, out(display, '')),
    ...def('prn', 0, Infinity, out(readable, '\n')),
    ...def('pr', 0, Infinity, out(readable, '')),
    ...def(['log', 'tool/log', 'tool.log'], 0, Infinity, (...xs) => {
      ctx.log(`${display(xs)}\n`);
      return null;
    }),
  ];
}

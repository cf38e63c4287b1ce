/**
 * Printing values in the REPL: exactly `printValue`, with colours when the terminal
 * has them (strings green, numbers yellow, keywords cyan, nil and booleans magenta,
 * functions and other opaque values dim). Without colour the text is `printValue`'s.
 */
import { type Value, printValue, printValueStyled } from '../../index.js';
import type { Colors } from '../color.js';

export function formatValue(v: Value, colors: Colors): string {
  if (!colors.isColorSupported) return printValue(v);
  return printValueStyled(v, (leaf, text) => paint(leaf, text, colors));
}

function paint(v: Value, text: string, c: Colors): string {
  if (v === null || typeof v === 'boolean') return c.magenta(text);
  if (typeof v === 'number' || typeof v === 'bigint') return c.yellow(text);
  if (typeof v === 'string') return c.green(text);
  switch (v.kind) {
    case 'float':
      return c.yellow(text);
    case 'keyword':
      return c.cyan(text);
    case 'fn':
    case 'error':
      return c.dim(text);
    default:
      return text;
  }
}

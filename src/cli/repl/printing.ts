/**
 * Printing values in the REPL: exactly `printValue`, with colours when the terminal
 * has them (strings green, numbers yellow, keywords cyan, nil and booleans magenta,
 * functions and other opaque values dim). Without colour the text is `printValue`'s.
 */
import { type Value, printValue } from '../../index.js';
import type { Colors } from '../color.js';

export function formatValue(v: Value, colors: Colors): string {
  if (!colors.isColorSupported) return printValue(v);
  const out: string[] = [];
  paint(v, out, colors);
  return out.join('');
}

function paint(v: Value, out: string[], c: Colors): void {
  if (v === null || typeof v === 'boolean') {
    out.push(c.magenta(printValue(v)));
    return;
  }
  if (typeof v === 'number' || typeof v === 'bigint') {
    out.push(c.yellow(printValue(v)));
    return;
  }
  if (typeof v === 'string') {
    out.push(c.green(printValue(v)));
    return;
  }
  switch (v.kind) {
    case 'float':
      out.push(c.yellow(printValue(v)));
      return;
    case 'keyword':
      out.push(c.cyan(printValue(v)));
      return;
    case 'list':
      seq('(', ')', v.items, out, c);
      return;
    case 'vector':
      seq('[', ']', [...v], out, c);
      return;
    case 'map': {
      out.push('{');
      let first = true;
      v.forEach((val, key) => {
        if (!first) out.push(' ');
        first = false;
        paint(key, out, c);
        out.push(' ');
        paint(val, out, c);
      });
      out.push('}');
      return;
    }
    case 'symbol':
    case 'timestamp':
    case 'uuid':
    case 'resource':
      out.push(printValue(v));
      return;
    case 'fn':
    case 'error':
      out.push(c.dim(printValue(v)));
      return;
  }
}

function seq(open: string, close: string, items: readonly Value[], out: string[], c: Colors): void {
  out.push(open);
  items.forEach((x, i) => {
    if (i > 0) out.push(' ');
    paint(x, out, c);
  });
  out.push(close);
}

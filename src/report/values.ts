/**
 * The decoded inputs and outputs shown in the report, stored once each: a run passes
 * the same maps from step to step (a call's result is its step's result, the next
 * step's input …), so the page keeps one table of formatted values and the tree refers
 * to entries by index. The browser fills a value in when its node is first opened.
 */
import { type Value, printValue } from '../data/index.js';
import { formatForms } from '../format/index.js';
import { clip } from './html.js';

/** Values longer than this are folded (shown after a click) in the tree. */
export const FOLD_CHARS = 1200;

export interface ValueRef {
  readonly index: number;
  /** One-line preview. */
  readonly preview: string;
  /** Length of the formatted text. */
  readonly size: number;
}

export class ValueTable {
  private readonly texts: string[] = [];
  private readonly byText = new Map<string, number>();

  /** The formatted value's entry (added once per distinct text). */
  add(v: Value): ValueRef {
    const text = formatValue(v);
    let index = this.byText.get(text);
    if (index === undefined) {
      index = this.texts.length;
      this.texts.push(text);
      this.byText.set(text, index);
    }
    return { index, preview: clip(text, 110), size: text.length };
  }

  get entries(): readonly string[] {
    return this.texts;
  }
}

/** A value as formatted RTFS data (80 columns), or its one-line print if it cannot be formatted. */
export function formatValue(v: Value): string {
  try {
    return formatForms([v], { width: 80 }).replace(/\n$/, '');
  } catch {
    return printValue(v);
  }
}

/** Option helpers shared by several commands. */

/** commander collector for a repeatable option (`--path a --path b`). */
export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

/** A repeatable option's value, with its position among all options collected in order. */
export interface Ordered {
  readonly value: string;
  readonly at: number;
}

let position = 0;

/**
 * commander collector that keeps the command-line order across several options
 * (`--rewrite a --rewriter f.rtfs --rewrite b` → a, f.rtfs, b): commander calls
 * parsers in argument order.
 */
export function collectInOrder(value: string, previous: Ordered[] = []): Ordered[] {
  return [...previous, { value, at: position++ }];
}

/** Option helpers shared by several commands. */

/** commander collector for a repeatable option (`--path a --path b`). */
export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

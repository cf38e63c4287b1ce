/** Finds the source of a module by name (the runtime never touches files itself). */
export interface ModuleLoader {
  /**
   * The text of module `name` (e.g. `my.app/math`), looked up relative to the file
   * that imports it (`fromUri`, which declares module `fromModule` when the import is
   * inside a `(module …)` form), or an error message naming where it looked.
   */
  load(
    name: string,
    fromUri: string | undefined,
    fromModule?: string,
  ): { uri: string; text: string } | { error: string };
}

/** The relative file path of a module: `my.app/math` → `my/app/math.rtfs`. */
export function modulePath(name: string): string {
  return `${name.replace(/\./g, '/')}.rtfs`;
}

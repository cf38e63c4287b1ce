import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { modulePath, type ModuleLoader } from '../runtime/module-loader.js';

/** The `stdlib/` directory shipped with the package (from src/ or from dist/). */
export function stdlibDir(): string {
  return resolve(dirname(fileURLToPath(import.meta.url)), '..', 'stdlib');
}

/**
 * Loads modules from files: `my.app/math` is `my/app/math.rtfs`, searched in the
 * importing file's directory, then each `--path` directory, then `stdlib/`.
 */
export class FsModuleLoader implements ModuleLoader {
  constructor(private readonly paths: readonly string[] = []) {}

  load(
    name: string,
    fromUri: string | undefined,
  ): { uri: string; text: string } | { error: string } {
    const rel = modulePath(name);
    const dirs = [
      ...(fromUri && existsSync(fromUri) ? [dirname(fromUri)] : []),
      ...this.paths,
      stdlibDir(),
    ];
    for (const d of dirs) {
      const file = join(d, rel);
      if (existsSync(file)) return { uri: file, text: readFileSync(file, 'utf8') };
    }
    return { error: `module ${name} not found: looked for ${rel} in ${dirs.join(', ')}` };
  }
}

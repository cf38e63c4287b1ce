import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { modulePath, type ModuleLoader } from '../runtime/module-loader.js';

let stdlibCache: string | undefined;

/**
 * The `stdlib/` directory shipped with the package: the nearest ancestor of this
 * module's directory that has `stdlib/core.rtfs` (this file runs from src/modules/ in
 * development and from the bundle in dist/ when installed).
 */
export function stdlibDir(): string {
  if (stdlibCache !== undefined) return stdlibCache;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    const candidate = join(dir, 'stdlib');
    if (existsSync(join(candidate, 'core.rtfs'))) return (stdlibCache = candidate);
    dir = resolve(dir, '..');
  }
  throw new Error('rtfs: cannot find the stdlib/ directory of the package');
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

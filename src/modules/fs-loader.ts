import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, normalize, relative, resolve, sep } from 'node:path';
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
 * importing file's directory, then the root its own module name implies (`app.main`
 * in `src/app/main.rtfs` finds `math.utils` in `src/math/utils.rtfs`, as a Clojure
 * source root does), then each `--path` directory, then `stdlib/`.
 */
export class FsModuleLoader implements ModuleLoader {
  constructor(private readonly paths: readonly string[] = []) {}

  load(
    name: string,
    fromUri: string | undefined,
    fromModule?: string,
  ): { uri: string; text: string } | { error: string } {
    const rel = modulePath(name);
    const here = fromUri && existsSync(fromUri) ? [dirname(fromUri)] : [];
    const root = fromUri && fromModule ? sourceRoot(fromUri, fromModule) : undefined;
    const dirs = [
      ...here,
      ...(root !== undefined && root !== here[0] ? [root] : []),
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

/**
 * The directory `file` sits in as module `module` (`/p/app/main.rtfs`, `app.main` → `/p`),
 * relative when `file` is.
 */
function sourceRoot(file: string, module: string): string | undefined {
  const abs = resolve(file);
  const rel = normalize(modulePath(module));
  if (!abs.endsWith(sep + rel)) return undefined;
  const root = abs.slice(0, abs.length - rel.length - 1) || sep;
  return isAbsolute(file) ? root : relative(process.cwd(), root) || '.';
}

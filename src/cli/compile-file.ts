/** The body of `rtfs compile` (loaded on demand, like evaluate.ts for `run`). */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Source } from '../index.js';
import { compileProgram } from '../compiler/index.js';
import { ExitCode, UsageError } from './exit-codes.js';
import type { CliContext } from './io.js';
import { formatDiagnostic } from './color.js';
import type { CompileFlags } from './commands/compile.js';
import { bundleModule } from './compile-bundle.js';

export async function compileFile(
  source: Source,
  flags: CompileFlags,
  ctx: CliContext,
): Promise<ExitCode> {
  if (flags.sourcemap === true && flags.output === undefined)
    throw new UsageError('--sourcemap needs --output (the map is written next to it)');
  if (flags.sourcemap === true && flags.bundle === true)
    throw new UsageError('--sourcemap cannot be combined with --bundle');
  const out = flags.output === undefined ? undefined : resolve(flags.output);
  const runtime =
    flags.runtime ??
    (flags.bundle === true ? pathToFileURL(runtimeFile()).href : runtimeSpecifier(out, ctx));
  const outcome = compileProgram(source.text, source.uri, {
    runtime,
    paths: [...(flags.path ?? []), ...(existsSync(source.uri) ? [dirname(source.uri)] : [])],
    ...(out !== undefined && flags.sourcemap === true ? { sourceMap: { file: `${out}.map` } } : {}),
  });
  if (!outcome.ok) {
    const colors = ctx.colors('stderr');
    if (outcome.diagnostics)
      for (const d of outcome.diagnostics) ctx.io.stderr.write(`${formatDiagnostic(d, colors)}\n`);
    else ctx.io.stderr.write(`${outcome.error.render()}\n`);
    return ExitCode.inputErrors;
  }
  const code =
    flags.bundle === true
      ? await bundleModule(outcome.code, runtimeFile(), source.uri)
      : `${outcome.code}\n`;
  if (out === undefined) {
    ctx.io.stdout.write(code);
    return ExitCode.ok;
  }
  writeOutput(out, code);
  if (outcome.map !== undefined) writeOutput(`${out}.map`, outcome.map);
  return ExitCode.ok;
}

function writeOutput(file: string, text: string): void {
  try {
    writeFileSync(file, text);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'no such directory'
        : code === 'EISDIR'
          ? 'it is a directory'
          : code === 'EACCES'
            ? 'permission denied'
            : (e as Error).message;
    throw new UsageError(`cannot write '${file}': ${why}`);
  }
}

/**
 * How the module imports the runtime: by package name (`rtfs-ts/runtime`) when the
 * package resolves from the output's directory (or the current one, for stdout), so
 * the module keeps working wherever the package is installed; otherwise by a path to
 * this package's dist/runtime.js (relative with -o, a file URL on stdout), with a
 * warning that such a module does not move (`--bundle` makes one that does).
 */
function runtimeSpecifier(out: string | undefined, ctx: CliContext): string {
  const from = out === undefined ? join(process.cwd(), 'stdout.mjs') : out;
  try {
    createRequire(from).resolve(PACKAGE_RUNTIME);
    return PACKAGE_RUNTIME;
  } catch {
    // not installed where the module goes
  }
  const file = runtimeFile();
  ctx.io.stderr.write(
    `warning: ${PACKAGE_RUNTIME} does not resolve from ${dirname(from)}: the module imports ${file} by path and runs only where that file is (--bundle writes a module that runs anywhere)\n`,
  );
  if (out === undefined) return pathToFileURL(file).href;
  const rel = relative(dirname(out), file).split(sep).join('/');
  return rel.startsWith('.') ? rel : `./${rel}`;
}

const PACKAGE_RUNTIME = 'rtfs-ts/runtime';

/** dist/runtime.js of the package this code belongs to (bundled in dist/, or run from src/). */
function runtimeFile(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && /"name":\s*"rtfs-ts"/.test(readFileSync(pkg, 'utf8')))
      return join(dir, 'dist', 'runtime.js');
    const up = dirname(dir);
    if (up === dir) return join(dirname(fileURLToPath(import.meta.url)), 'runtime.js');
    dir = up;
  }
}

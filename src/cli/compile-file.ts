/** The body of `rtfs compile` (loaded on demand, like evaluate.ts for `run`). */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Source } from '../index.js';
import { compileProgram } from '../compiler/index.js';
import { ExitCode, UsageError } from './exit-codes.js';
import type { CliContext } from './io.js';
import { formatDiagnostic } from './color.js';
import type { CompileFlags } from './commands/compile.js';

export function compileFile(source: Source, flags: CompileFlags, ctx: CliContext): ExitCode {
  if (flags.sourcemap === true && flags.output === undefined)
    throw new UsageError('--sourcemap needs --output (the map is written next to it)');
  const out = flags.output === undefined ? undefined : resolve(flags.output);
  const runtime = flags.runtime ?? runtimeSpecifier(out);
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
  if (out === undefined) {
    ctx.io.stdout.write(`${outcome.code}\n`);
    return ExitCode.ok;
  }
  writeOutput(out, `${outcome.code}\n`);
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

/** A relative path from the output's directory to this package's dist/runtime.js. */
function runtimeSpecifier(out: string | undefined): string {
  const file = runtimeFile();
  if (out === undefined) return pathToFileURL(file).href;
  const rel = relative(dirname(out), file).split(sep).join('/');
  return rel.startsWith('.') ? rel : `./${rel}`;
}

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

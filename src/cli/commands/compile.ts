/**
 * `rtfs compile FILE [-o OUT.mjs] [--sourcemap]`: compiles an RTFS program to a
 * standalone ES module that imports only the runtime module; `node OUT.mjs` prints
 * what `rtfs run FILE` prints (`node OUT.mjs --allow 'core.data.*' --chain DIR --input k=v`).
 */
import { Option } from 'commander';
import type { RegisterCommand } from '../command.js';
import { EXIT_CODES_HELP } from '../exit-codes.js';
import { readSources } from '../io.js';
import { collect } from '../options.js';

export interface CompileFlags {
  readonly output?: string;
  readonly sourcemap?: boolean;
  readonly runtime?: string;
  readonly bundle?: boolean;
  readonly path?: readonly string[];
}

const EXAMPLES = `
Examples:
  rtfs compile examples/fib.rtfs -o fib.mjs && node fib.mjs
  rtfs compile plan.rtfs -o plan.mjs --sourcemap   also writes plan.mjs.map
  node plan.mjs --allow 'core.data.*'              capabilities are denied unless granted
  rtfs compile app.rtfs --runtime rtfs-ts/runtime  import the runtime as a package
  rtfs compile app.rtfs -o app.mjs --bundle        one file that runs with node anywhere`;

export const registerCompile: RegisterCommand = (program, host) => {
  program
    .command('compile')
    .description('compile an RTFS program to a JavaScript module (run it with node)')
    .argument('<file>', "the program ('-' for standard input)")
    .addOption(new Option('-o, --output <file>', 'write the module here (default: stdout)'))
    .addOption(new Option('--sourcemap', 'also write <output>.map (needs --output)'))
    .addOption(
      new Option(
        '--runtime <specifier>',
        'how the module imports the runtime (default: rtfs-ts/runtime when installed where the output goes, else a path)',
      ),
    )
    .addOption(
      new Option(
        '--bundle',
        'write one self-contained module (the runtime inlined, tree-shaken; needs esbuild)',
      ),
    )
    .addOption(
      new Option('-p, --path <dir>', 'add a module directory (repeatable)').argParser(collect),
    )
    .addHelpText('after', `${EXAMPLES}\n${EXIT_CODES_HELP}`)
    .action((file: string, flags: CompileFlags) =>
      host.run(async (ctx) => {
        const [source] = await readSources([file], ctx.io);
        const { compileFile } = await import('../compile-file.js');
        return compileFile(source as NonNullable<typeof source>, flags, ctx);
      }),
    );
};

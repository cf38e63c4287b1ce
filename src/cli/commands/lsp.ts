/**
 * `rtfs lsp`: the language server, speaking LSP (JSON-RPC) on stdin/stdout, for
 * editors (editors/vscode, Neovim, Emacs, Helix: README "Editor support").
 */
import type { RegisterCommand } from '../command.js';

export const registerLsp: RegisterCommand = (program) => {
  program
    .command('lsp')
    .description('run the language server on stdin/stdout (for editors)')
    .option('--stdio', 'use stdin/stdout (the default and only transport)')
    .addHelpText(
      'after',
      `
Settings (initializationOptions, or the "rtfs" section of workspace/didChangeConfiguration):
  {"catalogs": ["caps.rtfs"], "paths": ["lib"]}   paths relative to the workspace root`,
    )
    .action(async () => {
      const { startServer } = await import('../../lsp/index.js');
      startServer(process.stdin, process.stdout);
    });
};

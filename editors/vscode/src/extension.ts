/**
 * The RTFS extension: starts `rtfs lsp` (the workspace's node_modules/.bin/rtfs, the
 * `rtfs.server.path` setting, or rtfs on the PATH) as the language server of `.rtfs`
 * files, and passes it the `rtfs.catalogs` and `rtfs.paths` settings.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { type ExtensionContext, workspace } from 'vscode';
import {
  LanguageClient,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';

let client: LanguageClient | undefined;

function serverCommand(): string {
  const configured = workspace.getConfiguration('rtfs').get<string>('server.path', '');
  if (configured !== '') return configured;
  for (const folder of workspace.workspaceFolders ?? []) {
    const local = join(folder.uri.fsPath, 'node_modules', '.bin', 'rtfs');
    if (existsSync(local)) return local;
  }
  return 'rtfs';
}

function settings(): { catalogs: string[]; paths: string[] } {
  const c = workspace.getConfiguration('rtfs');
  return { catalogs: c.get<string[]>('catalogs', []), paths: c.get<string[]>('paths', []) };
}

export async function activate(context: ExtensionContext): Promise<void> {
  const command = serverCommand();
  const server: ServerOptions = {
    command,
    args: ['lsp'],
    options: { shell: process.platform === 'win32' },
  };
  const options: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'rtfs' },
      { scheme: 'untitled', language: 'rtfs' },
    ],
    initializationOptions: settings(),
    synchronize: { configurationSection: 'rtfs' },
  };
  client = new LanguageClient('rtfs', 'RTFS language server', server, options);
  context.subscriptions.push({ dispose: () => void client?.stop() });
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}

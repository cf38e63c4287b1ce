// Builds the VS Code extension (editors/vscode) into a .vsix, without publishing:
// esbuild bundles the client (vscode-languageclient inlined, `vscode` external) into
// editors/vscode/dist/extension.js, then @vscode/vsce packages the directory. Works
// offline: nothing is fetched (--no-dependencies: the bundle is self-contained).
//
//   node scripts/build-vsix.mjs [--out FILE.vsix]     (npm run vsix)
import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const ext = join(root, 'editors', 'vscode');
const version = JSON.parse(
  (await import('node:fs')).readFileSync(join(ext, 'package.json'), 'utf8'),
).version;
const at = process.argv.indexOf('--out');
const out = at > 0 ? resolve(process.argv[at + 1]) : join(ext, `rtfs-${version}.vsix`);

await build({
  absWorkingDir: root,
  entryPoints: [join(ext, 'src', 'extension.ts')],
  outfile: join(ext, 'dist', 'extension.js'),
  bundle: true,
  platform: 'node',
  target: 'node18',
  format: 'cjs',
  external: ['vscode'],
  minify: true,
  logLevel: 'warning',
});

const vsce = join(root, 'node_modules', '@vscode', 'vsce', 'vsce');
execFileSync(
  process.execPath,
  [vsce, 'package', '--no-dependencies', '--allow-missing-repository', '--out', out],
  { cwd: ext, stdio: ['ignore', 'inherit', 'inherit'] },
);
console.log(`${out}: ${statSync(out).size} bytes`);

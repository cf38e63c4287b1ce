/**
 * Vitest global setup: the CLI tests run `node bin/rtfs.js`, which imports dist/. Build
 * once before the run when dist/ is missing or older than the sources it is built from
 * (after `npm ci` it is already fresh, so this costs nothing).
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

function newestMtime(path: string): number {
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

function builtAt(): number {
  try {
    return statSync(join(root, 'dist', 'cli.js')).mtimeMs;
  } catch {
    return -1;
  }
}

export default function setup(): void {
  const inputs = ['src', 'scripts/build.mjs', 'package.json'].map((p) => join(root, p));
  if (builtAt() >= Math.max(...inputs.map(newestMtime))) return;
  execFileSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { stdio: 'inherit' });
}

/** Runs the built CLI (`node bin/rtfs.js …`) the way a user would, for the CLI tests. */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('../..', import.meta.url));

export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface RunOptions {
  /** Text piped into stdin (default: empty). */
  readonly input?: string;
  /** Extra environment; colour variables are cleared unless given here. */
  readonly env?: Record<string, string>;
}

export function rtfs(args: readonly string[], options: RunOptions = {}): CliRun {
  const env: Record<string, string | undefined> = { ...process.env };
  for (const name of ['NO_COLOR', 'FORCE_COLOR', 'CI']) delete env[name];
  const r = spawnSync(process.execPath, ['bin/rtfs.js', ...args], {
    cwd: root,
    input: options.input ?? '',
    env: { ...env, ...options.env },
    encoding: 'utf8',
  });
  if (r.error) throw r.error;
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

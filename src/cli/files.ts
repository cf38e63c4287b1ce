/**
 * The `.rtfs` files named on a command line: files as given, directories searched
 * recursively (skipping `node_modules`, `dist`, dot-directories and, for `rtfs fmt`,
 * the paths listed in `.rtfsfmtignore`, one per line, relative to the current
 * directory; `#` starts a comment).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, normalize, relative } from 'node:path';
import { UsageError } from './exit-codes.js';

const SKIPPED_DIRS = new Set(['node_modules', 'dist', 'coverage']);
export const IGNORE_FILE = '.rtfsfmtignore';

export function readIgnoreList(cwd = process.cwd()): string[] {
  let text: string;
  try {
    text = readFileSync(join(cwd, IGNORE_FILE), 'utf8');
  } catch {
    return [];
  }
  return text
    .split('\n')
    .map((l) => l.replace(/#.*/, '').trim())
    .filter((l) => l.length > 0)
    .map((l) => normalize(l).replace(/\/$/, ''));
}

function ignored(path: string, ignore: readonly string[], cwd: string): boolean {
  const rel = relative(cwd, path);
  return ignore.some((i) => rel === i || rel.startsWith(`${i}/`));
}

/** Expands directories into the `.rtfs` files below them (sorted); `-` stays as is.
 * `useIgnoreFile`: skip what `.rtfsfmtignore` lists (rtfs fmt). */
export function expandRtfsFiles(
  paths: readonly string[],
  cwd = process.cwd(),
  useIgnoreFile = true,
): string[] {
  const ignore = useIgnoreFile ? readIgnoreList(cwd) : [];
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
      a.name < b.name ? -1 : 1,
    )) {
      const p = join(dir, entry.name);
      if (ignored(p, ignore, cwd)) continue;
      if (entry.isDirectory()) {
        if (!entry.name.startsWith('.') && !SKIPPED_DIRS.has(entry.name)) walk(p);
      } else if (entry.name.endsWith('.rtfs')) out.push(p);
    }
  };
  for (const p of paths) {
    if (p === '-') {
      out.push(p);
      continue;
    }
    let isDir = false;
    try {
      isDir = statSync(p).isDirectory();
    } catch {
      throw new UsageError(`cannot read '${p}': no such file`);
    }
    if (isDir) walk(p);
    else out.push(p);
  }
  return out;
}

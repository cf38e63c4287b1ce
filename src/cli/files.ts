/**
 * The `.rtfs` files named on a command line: files as given, directories searched
 * recursively, skipping `node_modules`, `dist`, `coverage` and dot-directories, what
 * `.gitignore` files ignore, and, for `rtfs fmt`, what `.rtfsfmtignore` files list.
 * Both take gitignore patterns (globs, `dir/`, `!negation`, `#` comments; matched by
 * the `ignore` package, as prettier and eslint do) and are read from the project root
 * — the nearest directory above the current one with a `.git`, else with a
 * `.rtfsfmtignore`, else the current directory — and from every directory searched,
 * each applying below its own directory.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { UsageError } from './exit-codes.js';

const SKIPPED_DIRS = new Set(['node_modules', 'dist', 'coverage']);
export const IGNORE_FILE = '.rtfsfmtignore';

/** One ignore file's patterns and the directory they are relative to. */
interface Rules {
  readonly base: string;
  readonly ig: Ignore;
}

/** The project root above `cwd` (see the module comment). */
export function projectRoot(cwd = process.cwd()): string {
  let fallback: string | undefined;
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    if (existsSync(join(dir, '.git'))) return dir;
    if (fallback === undefined && existsSync(join(dir, IGNORE_FILE))) fallback = dir;
    if (dirname(dir) === dir) return fallback ?? resolve(cwd);
  }
}

function rulesIn(dir: string, names: readonly string[]): Rules | undefined {
  let text = '';
  for (const name of names) {
    try {
      text += `${readFileSync(join(dir, name), 'utf8')}\n`;
    } catch {
      // no such file here
    }
  }
  return text.trim() === '' ? undefined : { base: dir, ig: ignore().add(text) };
}

function isIgnored(path: string, isDir: boolean, rules: readonly Rules[]): boolean {
  for (const r of rules) {
    const rel = relative(r.base, path).split(sep).join('/');
    if (rel === '' || rel.startsWith('..')) continue;
    if (r.ig.ignores(isDir ? `${rel}/` : rel)) return true;
  }
  return false;
}

/**
 * Expands directories into the `.rtfs` files below them (sorted); `-` and files named
 * explicitly stay as given. `useIgnoreFile`: also skip what `.rtfsfmtignore` lists.
 */
export function expandRtfsFiles(
  paths: readonly string[],
  cwd = process.cwd(),
  useIgnoreFile = true,
): string[] {
  const names = useIgnoreFile ? ['.gitignore', IGNORE_FILE] : ['.gitignore'];
  const root = projectRoot(cwd);
  const rootRules = rulesIn(root, names);
  const out: string[] = [];
  const walk = (dir: string, rules: readonly Rules[]): void => {
    const abs = resolve(cwd, dir);
    const own = abs === root ? undefined : rulesIn(abs, names);
    const active = own === undefined ? rules : [...rules, own];
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
      a.name < b.name ? -1 : 1,
    )) {
      const p = join(dir, entry.name);
      const isDir = entry.isDirectory();
      if (isIgnored(resolve(cwd, p), isDir, active)) continue;
      if (isDir) {
        if (!entry.name.startsWith('.') && !SKIPPED_DIRS.has(entry.name)) walk(p, active);
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
    if (isDir) walk(p, ancestorsRules(resolve(cwd, p), root, rootRules, names));
    else out.push(p);
  }
  return out;
}

/** The rules that apply to `dir`: the root's, and those of the directories between. */
function ancestorsRules(
  dir: string,
  root: string,
  rootRules: Rules | undefined,
  names: readonly string[],
): Rules[] {
  const rules: Rules[] = rootRules ? [rootRules] : [];
  if (!dir.startsWith(root + sep)) return rules;
  const between: string[] = [];
  for (let d = dirname(dir); d.startsWith(root + sep); d = dirname(d)) between.unshift(d);
  for (const d of between) {
    const r = rulesIn(d, names);
    if (r) rules.push(r);
  }
  return rules;
}

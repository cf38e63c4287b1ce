import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as prettier from 'prettier';
import { describe, expect, it } from 'vitest';
import { root, rtfs } from './run-cli.js';

const UGLY = '(defn f [x]   (let [a 1 b 2]\n(+ a b x)))\n';
const PRETTY = '(defn f [x]\n  (let [a 1 b 2]\n    (+ a b x)))\n';

function tempFile(text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'rtfs-fmt-'));
  const file = join(dir, 'plan.rtfs');
  writeFileSync(file, text);
  return file;
}

/** Every dist file a bundle imports statically, itself included. */
function staticClosure(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const code = readFileSync(join(root, 'dist', file), 'utf8');
  for (const m of code.matchAll(/from\s*"\.\/([^"]+)"|import\s*"\.\/([^"]+)"/g)) {
    staticClosure(m[1] ?? m[2] ?? '', seen);
  }
  return seen;
}

describe('rtfs fmt', () => {
  it('prints the formatted text on stdout', () => {
    const r = rtfs(['fmt', tempFile(UGLY)]);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(PRETTY);
    expect(r.code).toBe(0);
  });

  it('formats standard input', () => {
    const r = rtfs(['fmt'], { input: '{:a 1,   :b 2}' });
    expect(r.stdout).toBe('{:a 1 :b 2}\n');
    expect(r.code).toBe(0);
  });

  it('--check lists unformatted files and exits 1; formatted files pass', () => {
    const ugly = tempFile(UGLY);
    const pretty = tempFile(PRETTY);
    const r = rtfs(['fmt', '--check', ugly, pretty]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(`${ugly}\n`);
    expect(r.stderr).toContain('1 file(s) not formatted');
    expect(readFileSync(ugly, 'utf8')).toBe(UGLY);
    expect(rtfs(['fmt', '--check', pretty]).code).toBe(0);
  });

  it('--write rewrites the file in place', () => {
    const file = tempFile(UGLY);
    const r = rtfs(['fmt', '--write', file]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(`formatted ${file}\n`);
    expect(readFileSync(file, 'utf8')).toBe(PRETTY);
  });

  it('--width changes where forms break', () => {
    const r = rtfs(['fmt', '--width', '20'], { input: '(foo alpha beta gamma delta)' });
    expect(r.stdout).toBe('(foo alpha\n     beta\n     gamma\n     delta)\n');
  });

  it('reports syntax errors with file:line:col and code, exit 1, file untouched', () => {
    const file = tempFile('(let [x 1\n');
    const r = rtfs(['fmt', '--write', file]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`error: ${file}:1:6: syntax/unclosed-delimiter:`);
    expect(readFileSync(file, 'utf8')).toBe('(let [x 1\n');
  });

  it('searches directories and skips paths in .rtfsfmtignore', () => {
    const r = rtfs(['fmt', '--check', '.']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });

  it('keeps prettier out of what the libraries load at start-up', () => {
    // prettier/doc is bundled (its printer throws "Unexpected doc …"): not in the static
    // closure of `rtfs-ts/reader` or of compiled modules. (The CLI is one bundle that
    // initialises it on first use; its start-up is measured in ADR 0024.)
    const files = readdirSync(join(root, 'dist')).filter((f) => f.endsWith('.js'));
    const has = (f: string): boolean =>
      readFileSync(join(root, 'dist', f), 'utf8').includes('Unexpected doc');
    expect(files.some(has)).toBe(true);
    for (const entry of ['reader.js', 'runtime.js']) {
      expect([...staticClosure(entry)].some(has)).toBe(false);
    }
  });

  it('takes gitignore globs in .rtfsfmtignore and .gitignore, found from the project root', () => {
    const project = mkdtempSync(join(tmpdir(), 'rtfs-ignore-'));
    const put = (rel: string, text: string): void => {
      mkdirSync(dirname(join(project, rel)), { recursive: true });
      writeFileSync(join(project, rel), text);
    };
    mkdirSync(join(project, '.git'));
    put('.rtfsfmtignore', '# generated code\ngen/**/*.rtfs\n!gen/keep.rtfs\n');
    put('.gitignore', 'build/\n');
    put('src/.rtfsfmtignore', 'legacy-*.rtfs\n');
    put('gen/a/b.rtfs', UGLY);
    put('gen/keep.rtfs', UGLY);
    put('build/out.rtfs', UGLY);
    put('src/legacy-1.rtfs', UGLY);
    put('src/main.rtfs', UGLY);
    // Run from a subdirectory: the root's ignore files still apply.
    const r = spawnSync(process.execPath, [join(root, 'bin', 'rtfs.js'), 'fmt', '--check', '..'], {
      cwd: join(project, 'src'),
      encoding: 'utf8',
    });
    expect(r.status).toBe(1);
    expect(r.stdout.split('\n').filter(Boolean).sort()).toEqual(
      [join('..', 'gen', 'keep.rtfs'), join('..', 'src', 'main.rtfs')].sort(),
    );
    rmSync(project, { recursive: true, force: true });
  });
});

describe('the prettier plugin (rtfs-ts/prettier)', () => {
  const plugin = pathToFileURL(join(root, 'dist', 'prettier.js')).href;

  it('formats like rtfs fmt', async () => {
    const out = await prettier.format(UGLY, { parser: 'rtfs', plugins: [plugin] });
    expect(out).toBe(PRETTY);
  });

  it('is chosen for .rtfs files and honours printWidth', async () => {
    const out = await prettier.format('(foo alpha beta gamma delta)', {
      filepath: 'x.rtfs',
      plugins: [plugin],
      printWidth: 20,
    });
    expect(out).toBe('(foo alpha\n     beta\n     gamma\n     delta)\n');
  });

  it('reports syntax errors with their code and position', async () => {
    await expect(
      prettier.format('(let [x 1', { parser: 'rtfs', plugins: [plugin] }),
    ).rejects.toThrow(/syntax\/unclosed-delimiter.*\(1:6\)/s);
  });

  it('works from the command line: prettier --plugin rtfs-ts/prettier', () => {
    // Spawned like a user would, resolving the package's own export.
    const file = tempFile(UGLY);
    const r = spawn(['--ignore-path', '/dev/null', '--plugin', 'rtfs-ts/prettier', file]);
    expect(r).toBe(PRETTY);
  });
});

function spawn(args: string[]): string {
  return execFileSync(
    process.execPath,
    [join(root, 'node_modules', 'prettier', 'bin', 'prettier.cjs'), ...args],
    { cwd: root, encoding: 'utf8' },
  );
}

/**
 * Every TypeScript sample of docs/api.md and of README.md's "Using it as a library"
 * section is type-checked against the package's own declarations (dist/*.d.ts, found
 * through the `types` conditions of `exports` by the package's self-reference
 * `import … from 'rtfs-ts'`, with skipLibCheck off so the declarations are checked
 * too), then run with node from the repository root. The samples assert their own
 * results (node:assert), so running them is the test.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { codeBlocks, markdownSection } from '../support/markdown.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
// Inside the package (a self-reference resolves only from files of the package), ignored by git.
const dir = join(root, '.rtfs', 'doc-examples');

const samples = [
  ...codeBlocks(readFileSync(join(root, 'docs', 'api.md'), 'utf8'), 'ts').map((code, i) => ({
    name: `api-${i + 1}`,
    code,
  })),
  ...codeBlocks(
    markdownSection(readFileSync(join(root, 'README.md'), 'utf8'), 'Using it as a library'),
    'ts',
  ).map((code, i) => ({ name: `readme-${i + 1}`, code })),
];

describe('docs/api.md and README library samples', () => {
  beforeAll(() => {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    for (const s of samples) writeFileSync(join(dir, `${s.name}.mts`), s.code);
    writeFileSync(
      join(dir, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          target: 'ES2022',
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          strict: true,
          noUncheckedIndexedAccess: true,
          skipLibCheck: false,
          types: ['node'],
          typeRoots: [join(root, 'node_modules', '@types')],
          rootDir: '.',
          outDir: 'out',
          noEmitOnError: true,
        },
        files: samples.map((s) => `${s.name}.mts`),
      }),
    );
    const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
    try {
      execFileSync(process.execPath, [tsc, '-p', dir], { encoding: 'utf8', stdio: 'pipe' });
    } catch (e) {
      throw new Error(`the samples do not type-check:\n${(e as { stdout?: string }).stdout ?? ''}`);
    }
  }, 180_000);

  it('has samples in both documents', () => {
    expect(samples.filter((s) => s.name.startsWith('api-')).length).toBeGreaterThanOrEqual(8);
    expect(samples.filter((s) => s.name.startsWith('readme-')).length).toBeGreaterThanOrEqual(1);
  });

  it.each(samples.map((s) => [s.name]))('%s runs', (name) => {
    const out = execFileSync(process.execPath, [join(dir, 'out', `${name}.mjs`)], {
      cwd: root,
      encoding: 'utf8',
      stdio: 'pipe',
    });
    expect(out).toBeDefined();
  });
});

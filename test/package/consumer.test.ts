/**
 * The package as a user gets it: `npm pack`, installed into a new project with
 * typescript, then an ES module consumer and a CommonJS one are type-checked against
 * the packed declarations (skipLibCheck off) and run with node. The install works
 * offline: the tarball is a local file with no dependencies, and typescript,
 * @types/node and zod come from the npm cache that `npm ci` filled (--prefer-offline).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  devDependencies: Record<string, string>;
};
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

const ESM = `
import assert from 'node:assert/strict';
import { z } from 'zod';
import { createRtfs, defineCapability, runAsync, check, formatSource, printValue, RMap } from 'rtfs-ts';
import { read } from 'rtfs-ts/reader';

// The data model is one set of classes across entry points.
const [m] = read('{:a 1}').forms;
const asMap: RMap | undefined = m instanceof RMap ? m : undefined;
assert.ok(asMap);

const add = defineCapability({
  id: 'app.add',
  input: z.object({ a: z.number(), b: z.number() }),
  output: z.number(),
  impl: ({ a, b }) => a + b,
});
const rtfs = createRtfs({ policy: { allow: ['app.*'] }, capabilities: [add] });
const r = rtfs.run('(call "app.add" {:a 2 :b 3})');
assert.ok(r.ok);
assert.equal(printValue(r.value), '5');

const slow = defineCapability({
  id: 'app.later',
  impl: async (x) => {
    await new Promise((ok) => setTimeout(ok, 10));
    return { echoed: x };
  },
});
const a = await runAsync('(call "app.later" {:n 1})', { policy: { allow: ['app.*'] }, capabilities: [slow] });
assert.ok(a.ok);
assert.equal(printValue(a.value), '{:echoed {:n 1}}');
assert.equal(check('(inc 1 2)')[0]?.code, 'check/arity-mismatch');
const f = formatSource('(defn f [x]\\n(inc x))');
assert.ok(f.ok && f.text === '(defn f [x]\\n  (inc x))\\n');
console.log('esm ok');
`;

const CJS = `
import assert = require('node:assert/strict');
import rtfs = require('rtfs-ts');

const r = rtfs.createRtfs({ policy: { allow: ['ccos.*'] }, log: () => {} }).run('(call "ccos.echo" {:message "hi"})');
assert.ok(r.ok);
const value: rtfs.Value = r.value;
assert.equal(rtfs.printValue(value), '"hi"');
console.log('cjs ok');
`;

let dir = '';

describe('the packed package in a new TypeScript project', () => {
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'rtfs-consumer-'));
    // dist/ is built by the global setup; pack it as is.
    execFileSync(npm, ['pack', '--ignore-scripts', '--pack-destination', dir], {
      cwd: root,
      stdio: 'pipe',
    });
    const tarball = readdirSync(dir).find((f) => f.endsWith('.tgz'));
    if (tarball === undefined) throw new Error('npm pack wrote no tarball');
    writeFileSync(
      join(dir, 'package.json'),
      JSON.stringify({ name: 'consumer', version: '1.0.0', private: true, type: 'module' }),
    );
    const dev = (name: string): string => `${name}@${pkg.devDependencies[name] ?? 'latest'}`;
    execFileSync(
      npm,
      [
        'install',
        '--prefer-offline',
        '--no-audit',
        '--no-fund',
        '--ignore-scripts',
        `./${tarball}`,
        dev('typescript'),
        dev('@types/node'),
        dev('zod'),
      ],
      { cwd: dir, stdio: 'pipe' },
    );
    writeFileSync(join(dir, 'esm.mts'), ESM);
    writeFileSync(join(dir, 'cjs.cts'), CJS);
    writeFileSync(
      join(dir, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          target: 'ES2022',
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          strict: true,
          skipLibCheck: false,
          types: ['node'],
        },
        files: ['esm.mts', 'cjs.cts'],
      }),
    );
  }, 300_000);

  afterAll(() => {
    if (dir !== '') rmSync(dir, { recursive: true, force: true });
  });

  it('installs without dependencies and without source maps', () => {
    const installed = join(dir, 'node_modules', 'rtfs-ts');
    const files = readdirSync(join(installed, 'dist'));
    expect(files.filter((f) => f.endsWith('.map'))).toEqual([]);
    expect(files).toContain('index.d.ts');
    const modules = readdirSync(join(dir, 'node_modules')).filter((f) => !f.startsWith('.'));
    // Only what the consumer asked for: rtfs-ts brings nothing with it.
    expect(modules.sort()).toEqual(
      ['@types', 'rtfs-ts', 'typescript', 'undici-types', 'zod'].sort(),
    );
    expect(statSync(join(installed, 'dist', 'index.js')).size).toBeGreaterThan(0);
  });

  it('type-checks an ES module and a CommonJS consumer', () => {
    const tsc = join(dir, 'node_modules', 'typescript', 'bin', 'tsc');
    try {
      execFileSync(process.execPath, [tsc, '-p', dir], {
        cwd: dir,
        encoding: 'utf8',
        stdio: 'pipe',
      });
    } catch (e) {
      throw new Error(`tsc failed:\n${(e as { stdout?: string }).stdout ?? ''}`);
    }
  }, 120_000);

  it('runs both consumers', () => {
    const run = (file: string): string =>
      execFileSync(process.execPath, [join(dir, file)], { cwd: dir, encoding: 'utf8' });
    expect(run('esm.mjs')).toBe('esm ok\n');
    expect(run('cjs.cjs')).toBe('cjs ok\n');
  });

  it('runs the rtfs command from the installed package', () => {
    const out = execFileSync(
      process.execPath,
      [join(dir, 'node_modules', 'rtfs-ts', 'bin', 'rtfs.js'), 'eval', '(+ 1 2)'],
      { cwd: dir, encoding: 'utf8' },
    );
    expect(out).toBe('3\n');
  });
});

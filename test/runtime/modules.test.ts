import { describe, it, expect, beforeAll } from 'vitest';
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { createRuntime } from '../../src/create-runtime.js';
import { printValue } from '../../src/data/index.js';
import { checkSource } from '../../src/check/index.js';
import { Source } from '../../src/source/index.js';

let dir = '';

function run(src: string, file = 'main.rtfs'): string {
  const o = createRuntime({ paths: [dir] }).evalString(src, join(dir, file));
  if (o.ok) return printValue(o.value);
  if (o.diagnostics) return `!! ${o.diagnostics.map((d) => `${d.code}: ${d.message}`).join('; ')}`;
  return `!! ${o.error.code}: ${o.error.message}`;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'rtfs-mod-'));
  mkdirSync(join(dir, 'my', 'app'), { recursive: true });
  writeFileSync(
    join(dir, 'my', 'app', 'math.rtfs'),
    '(module my.app/math (:exports [add twice])\n  (import my.app/util :as u)\n  (defn add [a b] (+ a b))\n  (defn twice [x] (u/double x))\n  (defn secret [] 42))\n',
  );
  writeFileSync(
    join(dir, 'my', 'app', 'util.rtfs'),
    '(module my.app/util (defn double [x] (* 2 x)))\n',
  );
  writeFileSync(join(dir, 'a.rtfs'), '(module a (import b :as b) (defn f [] 1))\n');
  writeFileSync(join(dir, 'b.rtfs'), '(module b (import a :as a) (defn g [] 2))\n');
  writeFileSync(join(dir, 'wrong.rtfs'), '(module not-wrong (defn f [] 1))\n');
});

describe('modules', () => {
  it('imports with an alias', () => {
    expect(run('(import my.app/math :as m) (m/add 1 2)')).toBe('3');
  });
  it('uses imports inside modules', () => {
    expect(run('(import my.app/math :as m) (m/twice 21)')).toBe('42');
  });
  it('imports names with :only', () => {
    expect(run('(import my.app/math :only [add]) (add 2 3)')).toBe('5');
  });
  it('enforces exports', () => {
    expect(run('(import my.app/math :as m) (m/secret)')).toBe(
      "!! analysis/not-exported: 'secret' is not exported by module my.app/math",
    );
    expect(run('(import my.app/math :only [secret])')).toContain("'secret' is not exported");
  });
  it('reports unknown names and modules', () => {
    expect(run('(import my.app/math :as m) (m/nope)')).toContain(
      "module my.app/math has no 'nope'",
    );
    expect(run('(import no.such/mod :as x)')).toContain(
      'module/not-found: module no.such/mod not found',
    );
  });
  it('reports import cycles with the chain', () => {
    expect(run('(import a :as a)')).toBe('!! module/import-cycle: import cycle: a → b → a');
  });
  it('checks the module name against the file', () => {
    expect(run('(import wrong :as w)')).toContain('module/name-mismatch');
  });
  it('defines a module inline and imports it', () => {
    expect(
      run('(module geo (:exports [area]) (defn area [r] (* r r))) (import geo :as g) (g/area 3)'),
    ).toBe('9');
  });
  it('keeps module definitions out of the importing namespace', () => {
    expect(run('(import my.app/math :as m) (add 1 2)')).toContain('analysis/unbound-symbol');
  });
});

describe('the source root of a module file', () => {
  // app/main.rtfs declares app.main, so its root is the directory above app/: the
  // reference's test_modules/app/main.rtfs imports math.utils from test_modules/math/.
  let root = '';
  const main =
    '(module app.main (:exports [entry]) (import lib.util :as u) (defn entry [] (u/twice 21)))\n(import app.main :as m)\n(m/entry)\n';
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'rtfs-root-'));
    mkdirSync(join(root, 'app'));
    mkdirSync(join(root, 'lib'));
    writeFileSync(join(root, 'app', 'main.rtfs'), main);
    writeFileSync(join(root, 'lib', 'util.rtfs'), '(module lib.util (defn twice [x] (* 2 x)))\n');
    writeFileSync(join(root, 'app', 'other.rtfs'), '(import lib.util :as u)\n(u/twice 1)\n');
  });
  it('is searched for the modules the file imports, without --path', () => {
    const o = createRuntime().evalString(main, join(root, 'app', 'main.rtfs'));
    expect(o.ok ? printValue(o.value) : o).toBe('42');
  });
  it('is found from a relative file name too', () => {
    const o = createRuntime().evalString(
      main,
      relative(process.cwd(), join(root, 'app', 'main.rtfs')),
    );
    expect(o.ok ? printValue(o.value) : o).toBe('42');
  });
  it('is checked the same way by rtfs check', () => {
    const uri = join(root, 'app', 'main.rtfs');
    expect(checkSource(new Source(uri, main)).map((d) => d.message)).toEqual([]);
  });
  it('needs a module declaration: a plain file imports from its own directory', () => {
    const uri = join(root, 'app', 'other.rtfs');
    const o = createRuntime().evalString('(import lib.util :as u)', uri);
    expect(o.ok ? 'ok' : (o.diagnostics?.[0]?.code ?? o.error?.code)).toBe('module/not-found');
  });
});

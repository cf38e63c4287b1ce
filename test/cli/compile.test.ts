/**
 * `rtfs compile`: emitted ES modules run under plain `node` and print what `rtfs run`
 * prints (every example program, with its flags), errors report RTFS positions, and
 * source maps point back into the RTFS file.
 */
import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { rtfs, root } from './run-cli.js';

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'rtfs-compile-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function node(file: string, args: readonly string[] = []) {
  const r = spawnSync(process.execPath, [file, ...args], { cwd: root, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The `;; flags:` line of an example (capability grants). */
/**
 * A `node -r` preload in the test directory that writes the JS expression `json` (a
 * JSON text of what the process loaded) to stderr as the process exits.
 */
function exitProbe(name: string, json: string): string {
  const probe = join(dir, `${name}.cjs`);
  writeFileSync(probe, `process.on('exit', () => process.stderr.write(${json}));`);
  return probe;
}

function flagsOf(file: string): string[] {
  const m = /^;; flags:(.*)$/m.exec(readFileSync(join(root, file), 'utf8'));
  return m ? (m[1] as string).trim().split(/\s+/) : [];
}

describe('rtfs compile', () => {
  // A few examples (each costs three processes): capabilities with grants, recursion,
  // modules, a plan with steps. The golden suite covers the language in-process.
  const examples = ['capabilities', 'fib', 'modules', 'planner-flow'].map(
    (f) => `examples/${f}.rtfs`,
  );

  for (const file of examples) {
    it(`${file}: node OUT.mjs prints what rtfs run prints`, () => {
      const out = join(dir, file.replace(/[/.]/g, '_') + '.mjs');
      const c = rtfs(['compile', file, '-o', out]);
      // rtfs-ts is not installed in the temporary directory: the runtime is imported by path.
      expect(c.stderr).toMatch(/^warning: rtfs-ts\/runtime does not resolve from .*--bundle.*\n$/);
      expect(c.code).toBe(0);
      const flags = flagsOf(file);
      const expected = rtfs(['run', file, ...flags]);
      const got = node(out, flags);
      expect(got.stdout).toBe(expected.stdout);
      expect(got.stderr).toBe(expected.stderr);
      expect(got.code).toBe(expected.code);
    });
  }

  it('reports a runtime error at its RTFS position, with the RTFS stack, and writes a source map', () => {
    const src = join(dir, 'err.rtfs');
    writeFileSync(src, '(defn half [x]\n  (/ x 0))\n(println "before")\n(half 4)\n');
    const out = join(dir, 'err.mjs');
    const c = rtfs(['compile', src, '-o', out, '--sourcemap']);
    expect(c.code).toBe(0);
    const r = node(out);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('before\n');
    expect(r.stderr).toContain(`${src}:2:3: runtime/division-by-zero: division by zero`);
    expect(r.stderr).toContain(`at half (${src}:4:1)`);
    expect(readFileSync(out, 'utf8')).toContain('//# sourceMappingURL=err.mjs.map');
    const map = JSON.parse(readFileSync(`${out}.map`, 'utf8')) as {
      sources: string[];
      mappings: string;
    };
    expect(map.sources).toEqual([src]);
    expect(map.mappings.length).toBeGreaterThan(10);
  });

  it('prints the module on stdout without -o, importing the runtime by package name where it resolves', () => {
    // The current directory is this package: rtfs-ts/runtime resolves (self-reference).
    const c = rtfs(['compile', '-'], { input: '(+ 1 2)' });
    expect(c.code).toBe(0);
    expect(c.stderr).toBe('');
    expect(c.stdout).toContain('from "rtfs-ts/runtime"');
    const out = join(root, '.rtfs', 'stdout.mjs');
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, c.stdout);
    expect(node(out).stdout).toBe('3\n');
  });

  it('binds the meter as a module const and the other helpers and links as var (ADR 0053)', () => {
    const src =
      '(defn f [n] (loop [i 0 acc 0] (if (< i n) (recur (inc i) (+ acc (mod i 7))) acc)))';
    const c = rtfs(['compile', '-'], { input: `${src}\n(f 20)` });
    expect(c.code).toBe(0);
    const lines = c.stdout.split('\n');
    expect(lines).toContain('const $$meter = $$$meter;');
    expect(lines.filter((l) => /^var \$\$\w+ = \$\$\$\w+/.test(l))).toHaveLength(1);
    expect(lines.some((l) => l.startsWith('var $L0 = '))).toBe(true);
    expect(lines.some((l) => l.startsWith('var $m = startProgram('))).toBe(true);
    expect(lines.filter((l) => /^const /.test(l))).toEqual(['const $$meter = $$$meter;']);
    const out = join(root, '.rtfs', 'bindings.mjs');
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, c.stdout);
    expect(node(out).stdout).toBe('57\n');
  });

  it('starts a module without node:crypto, node:worker_threads or the ES facade of node:fs', () => {
    // The runtime bundles reach built-ins through `require`, on first use, and a run
    // without --chain or --trace only counts its records (ADR 0039).
    const out = join(dir, 'lean.mjs');
    expect(rtfs(['compile', '-', '-o', out], { input: '(str (+ 1 2))' }).code).toBe(0);
    const probe = exitProbe(
      'probe',
      'JSON.stringify(process.moduleLoadList.filter((m) => /crypto|worker_threads|fs\\/streams/.test(m)))',
    );
    const r = spawnSync(process.execPath, ['-r', probe, out], { cwd: root, encoding: 'utf8' });
    expect(r.stdout).toBe('"3"\n');
    expect(JSON.parse(r.stderr)).toEqual([]);
    // --trace keeps and hashes the records, as before.
    const t = spawnSync(process.execPath, [out, '--trace'], { cwd: root, encoding: 'utf8' });
    expect(t.stdout).toBe('"3"\n');
    expect(t.stderr).toMatch(/^PlanStarted <stdin> #1\n└─ PlanCompleted → "3" \(\d+ ms\) #2\n$/);
  });

  it('compiles evaluated code that gets hot with the tier inside the runtime bundle, and --bundle holds it', () => {
    // A child plan runs on the evaluator; its loop and function get hot and are compiled
    // by the tier (ADR 0039), which is inside dist/runtime.cjs, the one CommonJS bundle
    // the module's runtime is (ADR 0052): the ES entry dist/jit-tier.js, whose modules
    // would be a second data model, is never loaded. The probe counts the functions
    // made with the Function constructor (the tier's code; none without a hot child plan).
    const src = join(dir, 'hot.rtfs');
    writeFileSync(
      src,
      '(get (call "ccos.plan.execute" {:plan "(defn f [x] (* x 2)) (loop [i 0 acc 0] (if (< i 3000) (recur (inc i) (+ acc (f i))) acc))"}) :result)\n',
    );
    const probe = join(dir, 'jit-probe.cjs');
    writeFileSync(
      probe,
      [
        'let made = 0;',
        'globalThis.Function = new Proxy(Function, { construct: (t, a, n) => (made++, Reflect.construct(t, a, n)), apply: (t, self, a) => (made++, Reflect.apply(t, self, a)) });',
        "process.on('exit', () => process.stderr.write(JSON.stringify([Object.keys(require.cache).filter((f) => f.endsWith('jit-tier.js')).length, made > 0])));",
      ].join('\n'),
    );
    const out = join(dir, 'hot.mjs');
    expect(rtfs(['compile', src, '-o', out]).code).toBe(0);
    const r = spawnSync(process.execPath, ['-r', probe, out, '--allow', 'ccos.*'], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(r.stdout).toBe('8997000\n');
    expect(JSON.parse(r.stderr)).toEqual([0, true]);
    // Without a hot child plan nothing is compiled at run time.
    const cold = join(dir, 'cold.mjs');
    expect(rtfs(['compile', '-', '-o', cold], { input: '(+ 1 2)' }).code).toBe(0);
    const c = spawnSync(process.execPath, ['-r', probe, cold], { cwd: root, encoding: 'utf8' });
    expect(c.stdout).toBe('3\n');
    expect(JSON.parse(c.stderr)).toEqual([0, false]);
    // The bundle installs the tier: a jit-tier.js beside it is never loaded.
    const bundled = join(dir, 'hot.bundle.mjs');
    writeFileSync(join(dir, 'jit-tier.js'), 'module.exports = {};');
    expect(rtfs(['compile', src, '-o', bundled, '--bundle']).code).toBe(0);
    const b = spawnSync(process.execPath, ['-r', probe, bundled, '--allow', 'ccos.*'], {
      cwd: dir,
      encoding: 'utf8',
    });
    expect(b.stdout).toBe('8997000\n');
    expect(JSON.parse(b.stderr)).toEqual([0, true]);
  });

  it('keeps the causal chain only for --chain or --trace, from the runtime bundle, and --bundle holds it', () => {
    // Without either flag a run only counts its records (ADR 0046; the lean start-up test
    // above checks that it loads no node:crypto). The chain is inside dist/runtime.cjs
    // (ADR 0052): the ES entry dist/program-chain.js is never loaded.
    const out = join(dir, 'chain.mjs');
    expect(rtfs(['compile', '-', '-o', out], { input: '(+ 1 2)' }).code).toBe(0);
    const probe = exitProbe(
      'chain-probe',
      "JSON.stringify(Object.keys(require.cache).filter((f) => f.endsWith('program-chain.js')).length)",
    );
    const run = (file: string, args: readonly string[], cwd = root) =>
      spawnSync(process.execPath, ['-r', probe, file, ...args], { cwd, encoding: 'utf8' });
    const plain = run(out, []);
    expect(plain.stdout).toBe('3\n');
    expect(plain.stderr).toBe('0');
    const traced = run(out, ['--trace']);
    expect(traced.stdout).toBe('3\n');
    expect(traced.stderr).toMatch(
      /^PlanStarted <stdin> #1\n└─ PlanCompleted → 3 \(\d+ ms\) #2\n0$/,
    );
    const chainDir = join(dir, 'chain-dir');
    const chained = run(out, ['--chain', chainDir]);
    expect(chained.stdout).toBe('3\n');
    expect(chained.stderr).toBe('0');
    expect(existsSync(join(chainDir, 'HEAD'))).toBe(true);
    // The bundle installs the chain: a program-chain.js beside it is never loaded.
    const bundled = join(dir, 'chain.bundle.mjs');
    writeFileSync(join(dir, 'program-chain.js'), 'module.exports = {};');
    expect(rtfs(['compile', '-', '-o', bundled, '--bundle'], { input: '(+ 1 2)' }).code).toBe(0);
    const b = run(bundled, ['--trace'], dir);
    expect(b.stdout).toBe('3\n');
    expect(b.stderr).toMatch(/^PlanStarted <stdin> #1\n└─ PlanCompleted → 3 \(\d+ ms\) #2\n0$/);
  });

  it('imports rtfs-ts/runtime by name where the package is installed, so the module can move', () => {
    const project = join(dir, 'project');
    mkdirSync(join(project, 'node_modules'), { recursive: true });
    symlinkSync(root, join(project, 'node_modules', 'rtfs-ts'), 'dir');
    const out = join(project, 'app.mjs');
    const c = rtfs(['compile', 'examples/fib.rtfs', '-o', out]);
    expect(c.stderr).toBe('');
    expect(readFileSync(out, 'utf8')).toContain('from "rtfs-ts/runtime"');
    const moved = join(project, 'sub', 'dir', 'app.mjs');
    mkdirSync(dirname(moved), { recursive: true });
    renameSync(out, moved);
    expect(node(moved).stdout).toBe(rtfs(['run', 'examples/fib.rtfs']).stdout);
  });

  it('--bundle writes one module that runs with plain node in an unrelated directory', () => {
    const out = join(dir, 'bundle.mjs');
    const src = join(dir, 'bundle.rtfs');
    writeFileSync(
      src,
      '(defn sq [x :int] :int (* x x))\n(println (sq 7))\n(call "ccos.echo" {:message "hi"})\n(sq "a")\n',
    );
    const c = rtfs(['compile', src, '-o', out, '--bundle']);
    expect(c.stderr).toBe('');
    expect(c.code).toBe(0);
    const text = readFileSync(out, 'utf8');
    // Only node: modules are imported, if any: the runtime reaches built-ins through a
    // `require` made with process.getBuiltinModule (ADR 0039, 0046), so none need be.
    const imports = [...text.matchAll(/^import .* from "([^"]+)";$/gm)].map((m) => m[1]);
    expect(imports.every((i) => i?.startsWith('node:'))).toBe(true);
    expect(text).not.toMatch(/^\s*(?:import|export)\b[^\n]*\bfrom\s*["'](?!node:)/m);
    expect(text).not.toMatch(/^\s*import\s*["'](?!node:)/m);
    expect(text).toMatch(/process\.getBuiltinModule\(["']node:module["']\)/);
    const elsewhere = mkdtempSync(join(tmpdir(), 'rtfs-moved-'));
    try {
      const moved = join(elsewhere, 'app.mjs');
      renameSync(out, moved);
      const r = spawnSync(process.execPath, [moved, '--allow', 'ccos.*'], {
        cwd: elsewhere,
        encoding: 'utf8',
      });
      expect(r.stdout).toBe('49\n');
      expect(r.stderr).toContain('hi');
      expect(r.stderr).toContain(`${src}:1:11: type/mismatch`);
      expect(r.status).toBe(1);
    } finally {
      rmSync(elsewhere, { recursive: true, force: true });
    }
  });

  it('reports analysis errors at compile time (exit 1) and writes nothing', () => {
    const out = join(dir, 'bad.mjs');
    const c = rtfs(['compile', '-', '-o', out], { input: '(defn f [x] (g x))' });
    expect(c.code).toBe(1);
    expect(c.stderr).toContain('analysis/unbound-symbol');
    expect(existsSync(out)).toBe(false);
  });

  it('uses macros and functions defined earlier in the file, and imported modules', () => {
    const c = rtfs(['compile', '-', '--path', 'test/cli/fixtures'], {
      input: `(import mods/shapes :only [square])
        (defn twice [x] (* 2 x))
        (defmacro unless [t & body] \`(if ~t nil (do ~@body)))
        (def n 4)
        (unless false (twice (square n)))`,
    });
    expect(c.stderr).toBe('');
    // Beside the package (the module imports rtfs-ts/runtime by name).
    const out = join(root, '.rtfs', 'macros.mjs');
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, c.stdout);
    expect(node(out).stdout).toBe('32\n');
  });

  it('a program ending in a module or an import has the value nil, as rtfs run prints', () => {
    const programs = [
      '(module geo (def pi 3.0) (defn area [r] (* pi r r)))',
      '(import mods/shapes :only [square])',
      '(do (def x 1) (module m2 (defn f [] 2)))',
    ];
    const out = join(root, '.rtfs', 'module-last.mjs');
    mkdirSync(dirname(out), { recursive: true });
    for (const input of programs) {
      const expected = rtfs(['run', '-', '--path', 'test/cli/fixtures'], { input });
      expect(expected.stdout).toBe('nil\n');
      const c = rtfs(['compile', '-', '--path', 'test/cli/fixtures'], { input });
      expect(c.stderr).toBe('');
      writeFileSync(out, c.stdout);
      expect(node(out).stdout).toBe(expected.stdout);
    }
  });

  it('rtfs run --engine compile prints what the evaluator prints', () => {
    const input = '(defn f [x] (if (< x 2) x (+ (f (- x 1)) (f (- x 2))))) (println (f 10)) (f 15)';
    const a = rtfs(['run', '-'], { input });
    const b = rtfs(['run', '--engine', 'compile', '-'], { input });
    expect(b).toEqual(a);
    expect(b.stdout).toBe('55\n610\n');
    // (f 15) makes ~2,000 calls: the evaluator's JIT tier compiles f on the way;
    // --no-jit interprets every call. All three print the same.
    expect(rtfs(['run', '--no-jit', '-'], { input })).toEqual(a);
  });

  it('rtfs eval takes --engine and --no-jit too', () => {
    const src = '(defn f [x] (if (< x 2) x (+ (f (- x 1)) (f (- x 2))))) (f 15)';
    for (const extra of [[], ['--engine', 'compile'], ['--no-jit']]) {
      expect(rtfs(['eval', ...extra, src]).stdout).toBe('610\n');
    }
  });
});

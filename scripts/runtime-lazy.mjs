// The runtime of compiled modules as two CommonJS bundles (ADR 0059): dist/runtime.cjs,
// what every compiled program runs as it starts, and dist/runtime-lazy.cjs, the parts a
// program loads on first use only (the analyzer and the closure compiler, the compiled
// tier, the kept causal chain, the Chevrotain reader, re2js's wrapper, the planner),
// which the ES facade runs through a code cache of its own on the first `require`.
//
// Why a file of their own: esbuild hoists every function declaration of the modules it
// bundles to the bundle's top level, initialised on first use or not. In one file, the
// ~560 functions of these parts were created as every program started and were in its
// code cache (about 9M instructions of a compiled `(+ 1 2)`).
//
// One data model: the lazy bundle bundles only the files the main bundle does not have;
// every other file of src/ stays a `require("src/…")` that the facade answers with the
// main bundle's own module (its `__rtfsShared` export), so keywords, classes and module
// state exist once.
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { relative, resolve, sep } from 'node:path';

/** The parts loaded on first use: their entry file and the lazy bundle's export for it. */
const LAZY_ENTRIES = new Map([
  ['src/compiler/jit-tier.ts', 'jitTier'],
  ['src/compiler/program-chain.ts', 'programChain'],
  ['src/full-reader.ts', 'fullReader'],
  ['src/data/regex-engine.ts', 'regexEngine'],
  ['src/planner/index.ts', 'planner'],
  ['src/runtime/evaluator-parts.ts', 'evaluatorParts'],
]);
export const LAZY_FILE = 'runtime-lazy.cjs';
const MAIN_ENTRY = 'rtfs-runtime-main';
const SHARED_TABLE = 'rtfs-runtime-shared';

/**
 * Whether the file of src/ `file` only re-exports (`export { … } from`, a folder's
 * index.ts): the lazy bundle has its own copy, so that a name it re-exports from a file
 * the main bundle does not have is not pulled into the main bundle through it.
 */
function isBarrel(root, file) {
  if (!file.endsWith('/index.ts')) return false;
  const text = readFileSync(`${root}${file}`, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\/\/.*$/gm, '');
  return text
    .split(';')
    .map((t) => t.trim())
    .every(
      (t) =>
        t === '' || /^export\s+(type\s+)?(\*|\{[^}]*\})(\s+as\s+\w+)?\s+from\s+'[^']+'$/.test(t),
    );
}

/** The file of src/ that `args` (an import from a file of src/) names, relative to `root`. */
function sourceFile(root, args) {
  if (!args.importer.startsWith(`${root}src`) || !args.path.startsWith('.')) return undefined;
  // With '/' as esbuild's metafile writes paths, on Windows too.
  return relative(root, resolve(args.resolveDir, args.path.replace(/\.js$/, '.ts')))
    .split(sep)
    .join('/');
}

/**
 * The main bundle's plugin: each lazy entry becomes `require('./runtime-lazy.cjs').<name>`
 * (answered by the facade), and the bundle's entry also exports `__rtfsShared(id)`, the
 * module `id` of the main bundle for the lazy one (`shared`: the files it requires).
 */
function mainPlugin(root, shared) {
  return {
    name: 'runtime-main',
    setup(b) {
      b.onResolve({ filter: new RegExp(`^${MAIN_ENTRY}$|^${SHARED_TABLE}$`) }, (args) => ({
        path: args.path,
        namespace: 'runtime-main',
      }));
      b.onResolve({ filter: /\.js$/ }, (args) => {
        const name = LAZY_ENTRIES.get(sourceFile(root, args) ?? '');
        return name === undefined ? undefined : { path: name, namespace: 'runtime-lazy-entry' };
      });
      b.onResolve({ filter: new RegExp(`^\\./${LAZY_FILE.replace('.', '\\.')}$`) }, (args) => ({
        path: args.path,
        external: true,
      }));
      b.onLoad({ filter: /.*/, namespace: 'runtime-lazy-entry' }, (args) => ({
        contents: `module.exports = require('./${LAZY_FILE}').${args.path};`,
        loader: 'js',
        resolveDir: root,
      }));
      b.onLoad({ filter: /.*/, namespace: 'runtime-main' }, (args) => {
        if (args.path === MAIN_ENTRY) {
          return {
            contents: [
              "export * from './src/compiler/runtime-entry.ts';",
              `export { shared as __rtfsShared } from '${SHARED_TABLE}';`,
            ].join('\n'),
            loader: 'js',
            resolveDir: root,
          };
        }
        // Plain values, not the module's namespace: esbuild would create a getter per
        // export of each as the bundle starts. None of them is reassigned after the main
        // bundle's initialisation, which is over when the lazy bundle first loads.
        const ids = [...shared.keys()].sort();
        const names = (id) => [...shared.get(id)].filter((n) => n !== WHOLE);
        const imports = ids.map((id, i) =>
          shared.get(id).has(WHOLE)
            ? `import * as s${i} from ${JSON.stringify(`./${id}`)};`
            : `import { ${names(id)
                .map((n) => `${n} as s${i}_${n}`)
                .join(', ')} } from ${JSON.stringify(`./${id}`)};`,
        );
        const cases = ids.map((id, i) =>
          shared.get(id).has(WHOLE)
            ? `    case ${JSON.stringify(id)}: return s${i};`
            : `    case ${JSON.stringify(id)}: return { ${names(id)
                .map((n) => `${n}: s${i}_${n}`)
                .join(', ')} };`,
        );
        return {
          contents: [
            ...imports,
            'export function shared(id) {',
            '  switch (id) {',
            ...cases,
            '    default: throw new Error(`rtfs-ts/runtime: no shared module ${id}`);',
            '  }',
            '}',
          ].join('\n'),
          loader: 'js',
          resolveDir: root,
        };
      });
    },
  };
}

/**
 * The lazy bundle's plugin: a virtual entry exporting each part's namespace, and every
 * file of `main` (the main bundle's files) left as `require("src/…")`, but for the
 * barrels (see isBarrel).
 */
function lazyPlugin(root, main) {
  return {
    name: 'runtime-lazy',
    setup(b) {
      b.onResolve({ filter: /^rtfs-runtime-lazy$/ }, () => ({
        path: 'entry',
        namespace: 'runtime-lazy',
      }));
      b.onLoad({ filter: /.*/, namespace: 'runtime-lazy' }, () => ({
        contents: [...LAZY_ENTRIES]
          .map(([file, name]) => `export * as ${name} from './${file}';`)
          .join('\n'),
        loader: 'js',
        resolveDir: root,
      }));
      b.onResolve({ filter: /\.js$/ }, (args) => {
        const source = sourceFile(root, args);
        // A loader the main bundle has as its `.runtime.ts` or `.bundled.ts` twin (build.mjs).
        const twin = ['.runtime.ts', '.bundled.ts']
          .map((suffix) => source?.replace(/-loader\.ts$/, `-loader${suffix}`))
          .find((f) => f !== undefined && main.has(f));
        const file = twin ?? source;
        if (file === undefined || !main.has(file) || LAZY_ENTRIES.has(file)) return undefined;
        if (isBarrel(root, file)) return undefined;
        return { path: file, external: true };
      });
    },
  };
}

/**
 * Builds dist/runtime.cjs and dist/runtime-lazy.cjs (unwrapped: the caller adds the
 * module wrapper and build id) with esbuild's `build`, the CommonJS options `options` and
 * the plugins `plugins` (both bundles). Returns both results. Fails if a file of src/
 * would be in both bundles (two data models), or if the table of shared modules pulled a
 * file into the main bundle.
 */
export async function buildRuntimeBundles(build, root, options, plugins) {
  const mainOptions = (shared) => ({
    ...options,
    entryPoints: { runtime: MAIN_ENTRY },
    plugins: [mainPlugin(root, shared), ...plugins],
  });
  // The files in the output (the inputs list every file read, tree-shaken or not).
  const filesOf = (result, file) =>
    new Set(
      Object.keys(result.metafile.outputs[`dist/${file}`].inputs).filter((f) =>
        f.startsWith('src/'),
      ),
    );
  // The main bundle without the lazy parts: its files are the ones the lazy bundle shares.
  const first = await build({ ...mainOptions(new Map()), write: false });
  const mainFiles = filesOf(first, 'runtime.cjs');
  // Names the lazy bundle reads of a file can pull more files into the main bundle (what
  // those exports use): those become shared too, until the main bundle stops growing.
  for (let round = 0; round < 8; round++) {
    const lazyOptions = {
      ...options,
      entryPoints: { 'runtime-lazy': 'rtfs-runtime-lazy' },
      plugins: [lazyPlugin(root, mainFiles), ...plugins],
    };
    // Unminified and not written: the names it reads of each file it requires.
    const plain = await build({ ...lazyOptions, minify: false, sourcemap: false, write: false });
    const shared = namesRequired(plain.outputFiles.find((f) => f.path.endsWith('.cjs')).text);
    const main = await build({ ...mainOptions(shared), write: false });
    const grown = [...filesOf(main, 'runtime.cjs')].filter((f) => !mainFiles.has(f));
    if (grown.length > 0) {
      for (const f of grown) mainFiles.add(f);
      continue;
    }
    const both = [...filesOf(plain, LAZY_FILE)].filter(
      (f) => mainFiles.has(f) && !isBarrel(root, f),
    );
    if (both.length > 0) throw new Error(`src files in both runtime bundles: ${both.join(', ')}`);
    return { main: await build(mainOptions(shared)), lazy: await build(lazyOptions) };
  }
  throw new Error('the runtime bundles did not settle on the files they share');
}

/** What the lazy bundle reads of a file it requires: some names, or all (a namespace). */
const WHOLE = '*';

/**
 * The names the (unminified) lazy bundle `text` reads of each `require("src/…")`: esbuild
 * binds each to a variable (`var import_x = require(…)`) and reads `import_x.name`; a
 * variable used otherwise (`import * as support`, passed whole) needs every name
 * ({@link WHOLE}). Fails on a `require` the build cannot read.
 */
function namesRequired(text) {
  const binding = /var ([\w$]+) = (?:__toESM\()?require\("(src\/[^"]+)"\)/g;
  const vars = [...text.matchAll(binding)];
  const all = text.match(/require\("src\//g) ?? [];
  if (vars.length !== all.length)
    throw new Error(`dist/${LAZY_FILE}: a require the build cannot read`);
  const out = new Map();
  for (const [, v, id] of vars) {
    const names = out.get(id) ?? new Set();
    out.set(id, names);
    const name = v.replace(/\$/g, '\\$');
    const uses = [
      ...text.matchAll(new RegExp(`(?<![\\w$.])${name}(?![\\w$])(\\.[A-Za-z_$][\\w$]*)?`, 'g')),
    ];
    for (const u of uses.slice(1)) names.add(u[1] === undefined ? WHOLE : u[1].slice(1));
  }
  return out;
}

/**
 * The package's stdlib/core.rtfs and its forms as src/core-scan.ts's `scanForms` gives
 * them, for `RTFS_CORE_SCAN` (src/core-scan-loader.bundled.ts): the CommonJS bundles then
 * scan the core library only if the file's text differs.
 */
export async function coreScan(build, root) {
  const out = await build({
    entryPoints: [`${root}src/core-scan.ts`],
    bundle: true,
    format: 'esm',
    platform: 'node',
    write: false,
    logLevel: 'warning',
  });
  const code = encodeURIComponent(out.outputFiles[0].text);
  const { scanForms } = await import(`data:text/javascript,${code}`);
  const text = await readFile(`${root}stdlib/core.rtfs`, 'utf8');
  return { text, forms: scanForms(text) };
}

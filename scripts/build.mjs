// Bundles the CLI and the library into dist/ (run by `npm run build` and `npm ci`).
//
//   dist/launch.cjs      the `rtfs` command (bin/rtfs.js requires it): runs dist/cli.cjs
//                        through V8's code cache (src/launch/, ADR 0024)
//   dist/cli.cjs         the CLI as one CommonJS bundle (a second esbuild pass, below)
//   dist/cli-vendor.cjs  packages only some commands use, required by cli.cjs and runtime.cjs
//                        (ADR 0041)
//   dist/index.js        the library (`rtfs-ts`)
//   dist/reader.js       the library without the runtime (`rtfs-ts/reader`)
//   dist/full.js         the library with the Chevrotain reader installed (`rtfs-ts/full`)
//   dist/full-reader.js  the Chevrotain reader, `require`d on first use (src/reader.ts)
//   dist/regex-engine.js re2js, `require`d on the first regex compiled (src/data/linear-regex.ts)
//   dist/prettier.js     the prettier plugin (`rtfs-ts/prettier`, src/prettier.ts)
//   dist/repl-worker.js  the evaluator thread of `rtfs repl` (src/cli/repl/worker.ts)
//   dist/otlp-worker.js  the OpenTelemetry live exporter's thread (src/export/otlp/worker.ts)
//   dist/runtime.js      what modules emitted by `rtfs compile` import (`rtfs-ts/runtime`):
//                        an ES facade that runs dist/runtime.cjs through V8's code cache
//                        (src/launch/runtime-bundle.ts, ADR 0052)
//   dist/runtime.cjs     the runtime of compiled modules as one CommonJS bundle (below)
//   dist/runtime-esm.js  the same runtime as ES modules, which `rtfs compile --bundle` inlines
//   dist/jit-tier.js     the evaluator's compiled tier, `require`d when a function or loop
//                        first gets hot (src/compiler/jit-loader.lazy.ts)
//   dist/program-chain.js the causal chain of a compiled module run with --chain or
//                        --trace, `require`d then (src/compiler/program-chain-loader.lazy.ts)
//   dist/async-worker.js the evaluator thread of `runAsync` (src/library/async-worker.ts)
//   dist/*.d.ts          the type declarations of the five entries (scripts/build-types.mjs)
//   dist/chunk-*.js      code shared by the entries
//
// Code splitting makes every module exist once: the data model (interned keywords,
// classes) built by the fast path in the libraries is the same one the lazily loaded
// Chevrotain reader builds, and Chevrotain lives only in a chunk that the libraries do
// not import. The CLI bundle holds everything once and initialises what a command does
// not need on first use. `--metafile` writes dist/meta.json and dist/meta-cli.json
// (for esbuild's analyzer). The "sideEffects" list
// in package.json names the only modules with import-time effects, so esbuild can drop
// modules a barrel re-exports but a bundle does not use.
//
// dist/ is never removed first (tests and benchmarks may be running from it): files
// are overwritten, then outputs of earlier builds (old chunk names) are deleted.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cjsPackages, VENDOR_FILE, vendorModule } from './cjs-packages.mjs';
import { MODULE_URL } from './module-url.mjs';
import { buildRuntimeBundles, coreScan, LAZY_FILE } from './runtime-lazy.mjs';
import { REPORT_ASSETS_ID, reportAssetsModule } from './report-assets.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

/**
 * Node built-ins the CLI loads on first use, not at start-up (ADR 0031): node:crypto
 * costs about 6 ms to load, and `rtfs run` of a small program needs no hash or random
 * id before its first capability call. Each import gets an object of getters, one per
 * name the importing file imports, that `require`s the built-in when first read;
 * esbuild's interop reads an import's property at each use, so nothing loads before a
 * use. One getter per name imported, not per export: esbuild copies the object, a
 * closure per property, into every importing module as it starts (ADR 0037).
 */
const LAZY_BUILTINS = ['crypto', 'worker_threads', 'os'];
/**
 * The CLI also loads node:tty on first use: it requires node:net and node:stream as it
 * starts (~15M instructions), which `rtfs run` into a pipe or file never needs (ADR 0051).
 */
const CLI_LAZY_BUILTINS = [...LAZY_BUILTINS, 'tty'];

/** A module whose exports `names` are getters that `require(spec)` on first use. */
function lazyModule(spec, names) {
  const getters = names
    .map((n) => `${n}: { get: () => load().${n}, enumerable: true }`)
    .join(',\n  ');
  return `let m;\nconst load = () => (m ??= require('${spec}'));\nmodule.exports = Object.defineProperties({}, {\n  ${getters}\n});\n`;
}

/** The names `text` imports from built-in `name` (`import { a, b as c }`), or all (`*`). */
function importedNames(text, name) {
  const from = new RegExp(`from\\s*['"](?:node:)?${name}['"]`, 'g');
  const named = new RegExp(
    `import\\s+(type\\s+)?\\{([^}]*)\\}\\s*from\\s*['"](?:node:)?${name}['"]`,
    'g',
  );
  const out = new Set();
  let matched = 0;
  for (const m of text.matchAll(named)) {
    matched++;
    if (m[1] !== undefined) continue;
    for (const item of (m[2] ?? '').split(',')) {
      const t = item.trim();
      if (t !== '' && !t.startsWith('type ')) out.add(t.split(/\s+as\s+/)[0]);
    }
  }
  return matched === (text.match(from) ?? []).length ? [...out].sort() : ['*'];
}

/**
 * A module binding the exports `names` of `spec`, read from `require(spec)` as it starts:
 * plain bindings, no getters, for built-ins the ES module bundles need anyway (ADR 0039).
 */
function requiredModule(spec, names) {
  return `export const { ${names.join(', ')} } = require('${spec}');\n`;
}

/**
 * A plugin giving each file under src/ that imports one of the built-ins `names` a module
 * of its own instead: the object of getters above (`lazyModule`) for the built-ins in
 * `lazy` and for a file importing all of a built-in (`import *`, a default import), else
 * `eager(spec, names)`.
 */
function builtinsPlugin(names, { lazy = names, eager = lazyModule } = {}) {
  return {
    name: 'lazy-builtins',
    setup(b) {
      const filter = new RegExp(`^(node:)?(${names.join('|')})$`);
      b.onResolve({ filter }, async (args) => {
        if (!args.importer.startsWith(`${root}src`)) return undefined;
        const name = args.path.replace(/^node:/, '');
        const imported = importedNames(await readFile(args.importer, 'utf8'), name);
        const path = `${name}:${imported.join(',')}`;
        // An eager module is a line of its importer's own: it stays in the importer's
        // chunk instead of making a chunk of its own when importers in several share it.
        const own = imported[0] !== '*' && !lazy.includes(name) && eager !== lazyModule;
        return {
          path: own ? `${path}:${relative(root, args.importer)}` : path,
          namespace: 'lazy-builtin',
        };
      });
      b.onLoad({ filter: /.*/, namespace: 'lazy-builtin' }, async (args) => {
        const [name, list] = args.path.split(':');
        const all = Object.keys(await import(`node:${name}`)).filter(
          (n) => n !== 'default' && /^[A-Za-z_$][\w$]*$/.test(n),
        );
        const imported = list === '*' ? all : list.split(',').filter((n) => n !== '');
        const unknown = imported.filter((n) => !all.includes(n));
        if (unknown.length > 0) throw new Error(`node:${name} has no export ${unknown.join(', ')}`);
        const make = list === '*' || lazy.includes(name) ? lazyModule : eager;
        return { contents: make(`node:${name}`, imported), loader: 'js' };
      });
    },
  };
}

/**
 * The ES module bundles reach every built-in through the `require` of their banner: an
 * ES `import` of a built-in makes Node build its ES module facade, which reads every
 * export — for node:fs the lazy `ReadStream` getter, which loads all of node:stream
 * (about 2.5 ms on every start of a compiled program). The CLI's lazy built-ins load on
 * first use there too; the others are bound as the bundle starts (ADR 0039).
 */
const ALL_BUILTINS = builtinModules.filter((n) => !n.startsWith('_'));

/**
 * Packages the CLI initialises on first use, as the built-ins above: jsonc-parser only
 * places JSON syntax errors in configuration files, and its initialisation builds 1,200
 * indentation strings (340 KB of young generation, ~0.25 ms) on every start (ADR 0037).
 * picocolors reads `process.stdout.isTTY` as it starts, which creates the stream (node:net
 * for a pipe); the CLI only calls its `createColors`, for diagnostics (ADR 0051).
 */
const LAZY_PACKAGES = ['jsonc-parser', 'picocolors'];
const requireHere = createRequire(import.meta.url);
const lazyPackages = {
  name: 'lazy-packages',
  setup(b) {
    const filter = new RegExp(`^(${LAZY_PACKAGES.join('|')})$`);
    b.onResolve({ filter }, (args) =>
      args.importer.startsWith(`${root}src`)
        ? { path: args.path, namespace: 'lazy-package' }
        : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'lazy-package' }, (args) => {
      const names = Object.keys(requireHere(args.path)).filter(
        (n) => n !== 'default' && /^[A-Za-z_$][\w$]*$/.test(n),
      );
      return { contents: lazyModule(args.path, names), loader: 'js', resolveDir: root };
    });
  },
};

/** A plugin swapping each `*-loader.ts` under src/ that has a `*-loader<suffix>` twin for it. */
function loaderTwins(name, suffix) {
  return {
    name,
    setup(b) {
      b.onResolve({ filter: /-loader\.js$/ }, (args) => {
        if (!args.importer.startsWith(`${root}src`)) return undefined;
        const twin = resolve(args.resolveDir, args.path.replace(/\.js$/, suffix));
        return existsSync(twin) ? { path: twin } : undefined;
      });
    },
  };
}

/**
 * The CLI's own bundle swaps each `*-loader.ts` that `require`s a file beside the
 * ES module bundles for its `*-loader.bundled.ts` twin, which `require`s the module
 * itself: it is then part of this bundle (one data model) and initialised on first use.
 */
const bundledLoaders = loaderTwins('bundled-loaders', '.bundled.ts');

/**
 * The runtime of compiled modules also swaps each `*-loader.ts` with a `*-loader.runtime.ts`
 * twin for it: parts every other build links with the rest, which a compiled program loads
 * from dist/runtime-lazy.cjs on first use (the analyzer and the closure compiler, ADR 0059).
 */
const runtimeLoaders = loaderTwins('runtime-loaders', '.runtime.ts');

/**
 * The ES module build swaps each `*-loader.ts` that imports a module with the rest for
 * its `*-loader.lazy.ts` twin, which `require`s an entry beside the bundles on first use
 * (jit-loader: the evaluator's compiled tier, ADR 0039; program-chain-loader: the causal
 * chain a compiled module keeps for --chain or --trace, ADR 0046).
 */
const lazyLoaders = loaderTwins('lazy-loaders', '.lazy.ts');

const outdir = `${root}dist`;

/**
 * commander loads node:child_process at startup (about 5 ms) only to run "executable
 * subcommands" (`rtfs-foo` binaries), which rtfs does not use: give it a stub instead.
 */
const noChildProcess = {
  name: 'no-child-process',
  setup(b) {
    b.onResolve({ filter: /^(node:)?child_process$/ }, (args) =>
      /node_modules[\\/]commander[\\/]/.test(args.importer)
        ? { path: 'child_process', namespace: 'no-child-process' }
        : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'no-child-process' }, () => ({
      contents:
        "module.exports = { spawn() { throw new Error('rtfs: executable subcommands are not supported'); } };",
      loader: 'js',
    }));
  },
};

/** The run report's CSS and script, bundled now and inlined into the report code. */
const reportAssets = {
  name: 'report-assets',
  setup(b) {
    b.onResolve({ filter: new RegExp(`^${REPORT_ASSETS_ID}$`) }, () => ({
      path: REPORT_ASSETS_ID,
      namespace: 'report-assets',
    }));
    b.onLoad({ filter: /.*/, namespace: 'report-assets' }, async () => ({
      contents: await reportAssetsModule(),
      loader: 'js',
    }));
  },
};

const result = await build({
  absWorkingDir: root,
  entryPoints: {
    index: 'src/index.ts',
    reader: 'src/reader.ts',
    full: 'src/full.ts',
    'full-reader': 'src/full-reader.ts',
    'regex-engine': 'src/data/regex-engine.ts',
    prettier: 'src/prettier.ts',
    'repl-worker': 'src/cli/repl/worker.ts',
    'otlp-worker': 'src/export/otlp/worker.ts',
    'runtime-esm': 'src/compiler/runtime-entry.ts',
    'jit-tier': 'src/compiler/jit-entry.ts',
    'program-chain': 'src/compiler/program-chain.ts',
    'async-worker': 'src/library/async-worker.ts',
  },
  outdir,
  // Chunks stay next to the entries: reader.ts resolves './full-reader.js' from its own file.
  chunkNames: 'chunk-[hash]',
  bundle: true,
  splitting: true,
  platform: 'node',
  // ES module builds first: jsonc-parser's "main" is a UMD file that require()s its parts.
  mainFields: ['module', 'main'],
  target: 'node20',
  format: 'esm',
  sourcemap: true,
  minify: true,
  legalComments: 'linked',
  metafile: true,
  logLevel: 'warning',
  plugins: [
    noChildProcess,
    reportAssets,
    lazyLoaders,
    // node:tty too: compiled modules import direct-stdout.ts, which needs it only for a terminal.
    builtinsPlugin(ALL_BUILTINS, { lazy: CLI_LAZY_BUILTINS, eager: requiredModule }),
  ],
  // Every dependency is bundled (they are devDependencies: a user installs only this
  // package). From prettier only `prettier/doc` is used (58 KB): its Docs are plain
  // objects, so the plugin's Docs print in whichever prettier 3 loaded the plugin.
  // CommonJS dependencies (commander, picocolors) call require(); ESM output has none.
  // `require` is made on first call, from `process.getBuiltinModule` (Node >= 20.16):
  // every output file gets the banner, and an `import` of node:module in each (its ES
  // facade, linked into every chunk) and a `createRequire` per file that never calls it
  // (most chunks: built-ins load through esbuild's one `__require` helper) cost the
  // compiled module's start-up about 0.5 ms (ADR 0046). The bundled code only calls it
  // (`require(id)`, `require.apply`), never reads `require.resolve` or `require.cache`.
  banner: {
    js: "let __rtfsRequire; const require = (id) => (__rtfsRequire ??= process.getBuiltinModule('node:module').createRequire(import.meta.url))(id);",
  },
});

/**
 * What the two CommonJS bundles (the CLI's, the compiled modules' runtime) are built with.
 * Workers and the lazily loaded parts find their files beside the bundle.
 */
const CJS_BUNDLE = {
  absWorkingDir: root,
  outdir,
  outExtension: { '.js': '.cjs' },
  bundle: true,
  platform: 'node',
  mainFields: ['module', 'main'],
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  minify: true,
  legalComments: 'linked',
  metafile: true,
  logLevel: 'warning',
  define: { 'import.meta.url': '__rtfsModuleUrl' },
  banner: { js: `var __rtfsModuleUrl = ${MODULE_URL};` },
};

const vendor = new Map();
// The CLI as one CommonJS file: V8 caches compiled code for scripts, not for ES modules
// in Node 20 (ADR 0024). Modules the ES build loads lazily (`import()`, the loaders)
// stay lazy here: esbuild initialises them on first use.
/**
 * The core library's scan, made now: the two CommonJS bundles scan stdlib/core.rtfs at
 * start only if its text differs (src/core-scan-loader.bundled.ts, ADR 0059).
 */
const CORE_SCAN = JSON.stringify(await coreScan(build, root));
const cli = await build({
  ...CJS_BUNDLE,
  define: { ...CJS_BUNDLE.define, RTFS_CORE_SCAN: CORE_SCAN },
  entryPoints: { cli: 'src/cli/main.ts', launch: 'src/launch/main.ts' },
  plugins: [
    noChildProcess,
    reportAssets,
    bundledLoaders,
    builtinsPlugin(CLI_LAZY_BUILTINS),
    lazyPackages,
    cjsPackages(root, vendor),
  ],
});
// The code cache is keyed by this id (src/launch/code-cache.ts). The text is made pure
// ASCII (esbuild leaves non-ASCII in regex literals): V8 then holds it as one byte per
// character, and the launcher reads it as Latin-1, the cheapest decoding.
const cliFile = `${outdir}/cli.cjs`;
const CLI_WRAPPER_OPEN = '(function (exports, require, module, __filename, __dirname) {';
/** `text` with every character outside printable ASCII escaped (`\\uXXXX`). */
function asciiText(text) {
  return text.replace(
    /[^ -~\t\n\r]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
const cliText = asciiText(await readFile(cliFile, 'utf8'));
// Code run from a cache has no module loader for `import()` in Node 20 (ADR 0024).
const dynamicImports = cli.metafile.outputs['dist/cli.cjs'].imports.filter(
  (i) => i.kind === 'dynamic-import',
);
if (dynamicImports.length > 0) {
  throw new Error(
    `dist/cli.cjs must not import() modules outside itself (use require): ${dynamicImports.map((i) => i.path).join(', ')}`,
  );
}
/**
 * Node reads a file of fewer than 1,031,913 bytes (its EXTERN_APEX) into a string on V8's
 * heap, in the young generation, which then fills early: `rtfs run` made one scavenge
 * more, and took ~0.8 ms more CPU, with a 0.94 MB bundle than with the same bundle padded
 * (ADR 0041). A larger file becomes an external string, off the heap. So a bundle smaller
 * than that ends with a comment of spaces up to the size (V8 does not parse it when the
 * code cache is used).
 */
const EXTERNAL_STRING_BYTES = 1_031_913;
function externalPadding(text) {
  const missing = EXTERNAL_STRING_BYTES + 128 - text.length;
  return missing > 0 ? `/*${' '.repeat(missing)}*/\n` : '';
}
const buildId = createHash('sha256').update(cliText).digest('hex').slice(0, 16);
// The file is the module function itself (src/launch/main.ts compiles it as it stands:
// wrapping 1.4 MB of text at each start copied it once more). The wrapper shares the
// first line, so line numbers in stacks and the source map stay esbuild's.
await writeFile(
  cliFile,
  `${CLI_WRAPPER_OPEN}${cliText}\n})\n${externalPadding(cliText)}//# rtfs-build-id=${buildId}\n`,
);
/**
 * The runtime of compiled modules as one CommonJS bundle (ADR 0052), run by the ES facade
 * dist/runtime.js through V8's code cache, as the launcher runs dist/cli.cjs: Node 20
 * caches no compiled code for ES modules, and parsing the runtime's ES module graph was
 * most of a compiled program's start-up. What the ES build loads lazily beside the
 * bundles (the Chevrotain reader, re2js, the compiled tier, the causal chain, the
 * planner) is inside it (the `.bundled.ts` loaders), initialised on first use: a
 * compiled program has one data model. Packages are bundled as the CLI's are
 * (scripts/cjs-packages.mjs): Chevrotain as a closure, the others in dist/cli-vendor.cjs,
 * which the facade runs through a cache of its own on a package's first use; so their
 * functions are not hoisted to the bundle's top level (ADR 0041). Not padded to an
 * external string (see externalPadding): a compiled `(+ 1 2)` measured the same with it.
 * Built before dist/cli-vendor.cjs is written: the vendor file holds the packages of both.
 */
const runtimeOptions = {
  ...CJS_BUNDLE,
  define: { ...CJS_BUNDLE.define, RTFS_CORE_SCAN: CORE_SCAN },
};
const { main: runtimeCjs, lazy: runtimeLazy } = await buildRuntimeBundles(
  build,
  root,
  runtimeOptions,
  [
    runtimeLoaders,
    bundledLoaders,
    builtinsPlugin(CLI_LAZY_BUILTINS),
    lazyPackages,
    cjsPackages(root, vendor),
  ],
);
for (const [bundle, file] of [
  [runtimeCjs, 'runtime.cjs'],
  [runtimeLazy, LAZY_FILE],
]) {
  const dynamic = bundle.metafile.outputs[`dist/${file}`].imports.filter(
    (i) => i.kind === 'dynamic-import',
  );
  if (dynamic.length > 0) {
    throw new Error(
      `dist/${file} must not import() modules outside itself (use require): ${dynamic.map((i) => i.path).join(', ')}`,
    );
  }
  const text = asciiText(await readFile(`${outdir}/${file}`, 'utf8'));
  const id = createHash('sha256').update(text).digest('hex').slice(0, 16);
  await writeFile(`${outdir}/${file}`, `${CLI_WRAPPER_OPEN}${text}\n})\n//# rtfs-build-id=${id}\n`);
}
/**
 * dist/runtime.js: binds each export of the runtime entry (the ES build's list, so
 * `import { startProgram, … } from 'rtfs-ts/runtime'` and dist/runtime.d.ts are as
 * before) to the bundle's. Built-ins come from `process.getBuiltinModule`, without an
 * ES `import` (ADR 0039).
 */
const runtimeExports = result.metafile.outputs['dist/runtime-esm.js'].exports;
const facade = await build({
  absWorkingDir: root,
  stdin: {
    contents: [
      "import { runRuntimeBundle } from './src/launch/runtime-bundle.ts';",
      `export const { ${runtimeExports.join(', ')} } = runRuntimeBundle(import.meta.url);`,
    ].join('\n'),
    resolveDir: root,
    sourcefile: 'runtime-facade.js',
    loader: 'js',
  },
  outfile: `${outdir}/runtime.js`,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  minify: true,
  metafile: true,
  logLevel: 'warning',
  plugins: [builtinsPlugin(ALL_BUILTINS, { lazy: ['os'], eager: requiredModule })],
  banner: { js: 'const require = (id) => process.getBuiltinModule(id);' },
});

// The packages some commands use, outside the text every command reads (ADR 0041).
const vendorText = asciiText(vendorModule(vendor));
const vendorId = createHash('sha256').update(vendorText).digest('hex').slice(0, 16);
await writeFile(
  `${outdir}/${VENDOR_FILE}`,
  // Not padded (see externalPadding): `rtfs plan` measured no faster with it.
  `${vendorText}\n//# rtfs-build-id=${vendorId}\n`,
);

const outputs = new Set(
  [
    ...Object.keys(result.metafile.outputs),
    ...Object.keys(cli.metafile.outputs),
    ...Object.keys(runtimeCjs.metafile.outputs),
    ...Object.keys(runtimeLazy.metafile.outputs),
    ...Object.keys(facade.metafile.outputs),
    VENDOR_FILE,
  ].map((f) => f.replace(/^dist\//, '')),
);
for (const file of await readdir(outdir)) {
  if (!outputs.has(file) && !file.endsWith('.d.ts')) await rm(`${outdir}/${file}`, { force: true });
}
if (process.argv.includes('--metafile')) {
  await writeFile(`${outdir}/meta.json`, JSON.stringify(result.metafile));
  await writeFile(`${outdir}/meta-cli.json`, JSON.stringify(cli.metafile));
  await writeFile(`${outdir}/meta-runtime.json`, JSON.stringify(runtimeCjs.metafile));
}
if (!process.argv.includes('--no-types')) {
  const { buildTypes } = await import('./build-types.mjs');
  await buildTypes(root);
}

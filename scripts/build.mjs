// Bundles the CLI and the library into dist/ (run by `npm run build` and `npm ci`).
//
//   dist/cli.js          the `rtfs` command (bin/rtfs.js imports it)
//   dist/index.js        the library (`rtfs-ts`)
//   dist/reader.js       the library without the runtime (`rtfs-ts/reader`)
//   dist/full.js         the library with the Chevrotain reader installed (`rtfs-ts/full`)
//   dist/full-reader.js  the Chevrotain reader, `require`d on first use (src/reader.ts)
//   dist/regex-engine.js re2js, `require`d on the first regex compiled (src/data/linear-regex.ts)
//   dist/prettier.js     the prettier plugin (`rtfs-ts/prettier`, src/prettier.ts)
//   dist/repl-worker.js  the evaluator thread of `rtfs repl` (src/cli/repl/worker.ts)
//   dist/otlp-worker.js  the OpenTelemetry live exporter's thread (src/export/otlp/worker.ts)
//   dist/runtime.js      what modules emitted by `rtfs compile` import (`rtfs-ts/runtime`)
//   dist/async-worker.js the evaluator thread of `runAsync` (src/library/async-worker.ts)
//   dist/*.d.ts          the type declarations of the five entries (scripts/build-types.mjs)
//   dist/chunk-*.js      code shared by the entries
//
// Code splitting makes every module exist once: the data model (interned keywords,
// classes) built by the fast path in cli.js is the same one the lazily loaded
// Chevrotain reader builds, and Chevrotain lives only in a chunk that cli.js and the
// libraries do not import; the runtime is loaded by cli.js only for run/eval.
// `--metafile` writes dist/meta.json (for esbuild's analyzer). The "sideEffects" list
// in package.json names the only modules with import-time effects, so esbuild can drop
// modules a barrel re-exports but a bundle does not use.
//
// dist/ is never removed first (tests and benchmarks may be running from it): files
// are overwritten, then outputs of earlier builds (old chunk names) are deleted.
import { build } from 'esbuild';
import { readdir, rm, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { REPORT_ASSETS_ID, reportAssetsModule } from './report-assets.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
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
    cli: 'src/cli/main.ts',
    index: 'src/index.ts',
    reader: 'src/reader.ts',
    full: 'src/full.ts',
    'full-reader': 'src/full-reader.ts',
    'regex-engine': 'src/data/regex-engine.ts',
    prettier: 'src/prettier.ts',
    'repl-worker': 'src/cli/repl/worker.ts',
    'otlp-worker': 'src/export/otlp/worker.ts',
    runtime: 'src/compiler/runtime-entry.ts',
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
  plugins: [noChildProcess, reportAssets],
  // Every dependency is bundled (they are devDependencies: a user installs only this
  // package). From prettier only `prettier/doc` is used (58 KB): its Docs are plain
  // objects, so the plugin's Docs print in whichever prettier 3 loaded the plugin.
  // CommonJS dependencies (commander, picocolors) call require(); ESM output has none.
  banner: {
    js: "import { createRequire as __rtfsCreateRequire } from 'node:module'; const require = __rtfsCreateRequire(import.meta.url);",
  },
});

const outputs = new Set(Object.keys(result.metafile.outputs).map((f) => f.replace(/^dist\//, '')));
for (const file of await readdir(outdir)) {
  if (!outputs.has(file) && !file.endsWith('.d.ts')) await rm(`${outdir}/${file}`, { force: true });
}
if (process.argv.includes('--metafile')) {
  await writeFile(`${outdir}/meta.json`, JSON.stringify(result.metafile));
}
if (!process.argv.includes('--no-types')) {
  const { buildTypes } = await import('./build-types.mjs');
  await buildTypes(root);
}

// The type declarations of the package: dist/{index,reader,full,prettier,runtime}.d.ts.
//
// 1. tsc emits a .d.ts per source file (tsconfig.types.json, incremental, into
//    node_modules/.cache/rtfs-types);
// 2. rollup with rollup-plugin-dts bundles them per entry, with the declarations the
//    entries share in common chunks (dist/types-*.d.ts) — the same shape as the
//    JavaScript, where esbuild's code splitting makes every module exist once. A class
//    is therefore declared once, so an `RMap` from `rtfs-ts/reader` is the same type as
//    one from `rtfs-ts` (two copies of a class with private members would not be
//    assignable to each other). See docs/adr/0013-library-packaging.md.
//
// Every build also compares dist/*.d.ts with api/rtfs-ts.api.d.ts, the API report
// checked into the repository, so that every change to the public API shows in review:
// locally a changed API rewrites the report (commit it with the change); in CI
// (CI=true) the report is left as committed and test/api/report.test.ts fails when it
// is stale. The report is generated: on a merge conflict, take either side and rebuild.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rollup } from 'rollup';
import { dts } from 'rollup-plugin-dts';

export const REPORT = 'api/rtfs-ts.api.d.ts';

export const ENTRIES = {
  index: 'index.d.ts',
  reader: 'reader.d.ts',
  full: 'full.d.ts',
  prettier: 'prettier.d.ts',
  runtime: 'compiler/runtime-entry.d.ts',
};

/** The relative `./x.js` specifiers of the emitted declarations name `./x.d.ts` files. */
const jsToDts = {
  name: 'js-to-dts',
  resolveId(source, importer) {
    if (importer === undefined || !source.startsWith('.') || !source.endsWith('.js')) return null;
    const file = resolve(dirname(importer), source.replace(/\.js$/, '.d.ts'));
    return existsSync(file) ? file : null;
  },
};

export async function buildTypes(root) {
  const cache = join(root, 'node_modules', '.cache', 'rtfs-types');
  const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  execFileSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.types.json')], {
    cwd: root,
    stdio: 'inherit',
  });
  const warnings = [];
  const bundle = await rollup({
    input: Object.fromEntries(Object.entries(ENTRIES).map(([k, f]) => [k, join(cache, f)])),
    plugins: [jsToDts, dts()],
    external: (id) => id.startsWith('node:'),
    onwarn: (w) => void warnings.push(w.message),
  });
  const dist = join(root, 'dist');
  const { output } = await bundle.write({
    dir: dist,
    chunkFileNames: (c) => `types-${c.name.replace(/\.d$/, '')}.d.ts`,
  });
  await bundle.close();
  // A warning is a declaration that users could not name (TS2742) or a missing import.
  if (warnings.length > 0) throw new Error(`build-types:\n${warnings.join('\n')}`);
  const written = new Set(output.map((o) => o.fileName));
  const report = apiReport(output.map((o) => ({ name: o.fileName, text: o.code ?? '' })));
  const reportFile = join(root, REPORT);
  const previous = existsSync(reportFile) ? readFileSync(reportFile, 'utf8') : '';
  if (previous !== report) {
    if (process.env.CI === 'true' || process.env.CI === '1') {
      console.error(`build-types: ${REPORT} is stale (npm run build, then commit it)`);
    } else {
      writeFileSync(reportFile, report);
      console.error(`build-types: the public API changed: review and commit ${REPORT}`);
    }
  }
  for (const f of readdirSync(dist)) {
    if (f.endsWith('.d.ts') && !written.has(f)) rmSync(join(dist, f), { force: true });
  }
  return output;
}

/** The API report: every declaration file of dist/, in a stable order, in one text. */
export function apiReport(files) {
  const order = (f) => {
    const i = Object.keys(ENTRIES).indexOf(f.replace(/\.d\.ts$/, ''));
    return i < 0 ? 100 : i;
  };
  const sorted = [...files].sort(
    (a, b) => order(a.name) - order(b.name) || (a.name < b.name ? -1 : 1),
  );
  return [
    '// The public API of rtfs-ts: dist/*.d.ts as `npm run build` writes them. Do not edit:',
    '// `npm run build` regenerates it (and fails in CI when it is stale), so every change to',
    '// the public API shows up in review.',
    ...sorted.map((f) => `\n// ==== ${f.name} ====\n\n${f.text.trimEnd()}`),
    '',
  ].join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await buildTypes(fileURLToPath(new URL('..', import.meta.url)));
}

// Packages of the CLI bundle bundled first as CommonJS, and dist/cli-vendor.cjs (ADR 0041).
import { build } from 'esbuild';
import { createRequire } from 'node:module';
import { readdir, readFile } from 'node:fs/promises';

/**
 * Of {@link CJS_PACKAGES}, those no start-up needs go to dist/cli-vendor.cjs (the launcher runs it
 * through a code cache of its own on the first `require`), which keeps 520 KB out of the
 * text every command reads and hands V8. Chevrotain stays in dist/cli.cjs: every `rtfs
 * read` of invalid text uses it.
 */
const VENDOR = new Set([
  'zod/mini',
  'zod/locales',
  'prettier/doc',
  'cli-truncate',
  'wrap-ansi',
  'diff',
  'jsonc-parser',
  'vscode-languageserver-textdocument',
  're2js',
  'vscode-languageserver/node.js',
  'source-map-js',
]);
export const VENDOR_FILE = 'cli-vendor.cjs';

/**
 * Packages that only code the CLI loads lazily uses (the Chevrotain reader, the planner's
 * schemas, regexes, the formatter, terminal fitting, report diffs, configuration errors,
 * the language server, source maps): each is bundled first as one CommonJS module, which
 * the CLI bundle wraps in a closure run on first `require`. Bundled as ES modules, their
 * functions were hoisted to the bundle's top level: made as closures at every start, and
 * in every command's code cache (ADR 0041). Each bundle re-exports only the names src/
 * imports (tree-shaking as before) and holds its dependencies: string-width, which src/ also
 * imports, is then bundled three times (2 KB each; pure functions, no state to share).
 */
const CJS_PACKAGES = ['chevrotain', ...VENDOR];

/**
 * Every name the files under src/ import from package `spec`: `import { a, b as c }`,
 * `default` for a default import, and for `import * as ns` each `ns.name` the file reads
 * (a namespace used otherwise fails the build, as does any import this cannot read).
 */
async function namesImportedFrom(root, spec) {
  const esc = spec.replace(/[/.]/g, '\\$&');
  const from = `\\s*from\\s*['"]${esc}['"]`;
  const named = new RegExp(`import\\s+(type\\s+)?([\\w$]+\\s*,?\\s*)?(\\{[^}]*\\})?${from}`, 'g');
  const star = new RegExp(`import\\s+\\*\\s+as\\s+([\\w$]+)${from}`, 'g');
  const out = new Set();
  for (const f of await readdir(`${root}src`, { recursive: true })) {
    if (!f.endsWith('.ts')) continue;
    const text = await readFile(`${root}src/${f}`, 'utf8');
    if (!text.includes(`'${spec}'`)) continue;
    const all = text.match(new RegExp(from, 'g')) ?? [];
    const found = [...text.matchAll(named)];
    const namespaces = [...text.matchAll(star)];
    if (found.length + namespaces.length !== all.length)
      throw new Error(`src/${f}: an import of ${spec} the build cannot read`);
    for (const m of found) {
      if (m[1] !== undefined) continue;
      if (m[2] !== undefined) out.add('default');
      for (const item of (m[3] ?? '{}').slice(1, -1).split(',')) {
        const t = item.trim();
        if (t !== '' && !t.startsWith('type ')) out.add(t.split(/\s+as\s+/)[0]);
      }
    }
    // Comments are left out of the search for `ns` (a comment may say `[A-Za-z]`).
    const code = text.replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*/g, '');
    for (const [, ns] of namespaces) {
      const uses = [
        ...code.matchAll(
          new RegExp(`(?<![\\w$.])${ns.replace('$', '\\$')}\\b(\\s*\\.\\s*[\\w$]+)?`, 'g'),
        ),
      ];
      // The import itself is the one use without a property.
      if (uses.filter((u) => u[1] === undefined).length !== 1)
        throw new Error(`src/${f}: namespace ${ns} of ${spec} is used other than as ns.name`);
      for (const u of uses) if (u[1] !== undefined) out.add(u[1].replace(/[\s.]/g, ''));
    }
  }
  return [...out].sort();
}

/** The plugin; `vendor` receives the text of each package for dist/cli-vendor.cjs. */
export const cjsPackages = (root, vendor) => ({
  name: 'cjs-packages',
  setup(b) {
    const filter = new RegExp(`^(${CJS_PACKAGES.join('|').replace(/[/.]/g, '\\$&')})$`);
    b.onResolve({ filter }, (args) =>
      // Also from the lazy package plugin's getters (build.mjs): jsonc-parser.
      args.importer.startsWith(`${root}src`) || args.namespace === 'lazy-package'
        ? { path: args.path, namespace: 'cjs-package' }
        : undefined,
    );
    b.onResolve({ filter: /^\.\/cli-vendor\.cjs$/ }, (args) => ({
      path: args.path,
      external: true,
    }));
    b.onLoad({ filter: /.*/, namespace: 'cjs-package' }, async (args) => {
      const inVendor = VENDOR.has(args.path);
      // The package's run-time exports (not types): as an ES module, or as CommonJS.
      const exported = new Set(Object.keys(await import(args.path)));
      try {
        for (const n of Object.keys(createRequire(`${root}package.json`)(args.path)))
          exported.add(n);
      } catch {
        // An ES module package that `require` cannot load: its import has every name.
      }
      const names = (await namesImportedFrom(root, args.path)).filter((n) => exported.has(n));
      const entry = `export { ${names.join(', ')} } from '${args.path}';`;
      const r = await build({
        stdin: { contents: entry, resolveDir: root, loader: 'js' },
        bundle: true,
        write: false,
        platform: 'node',
        mainFields: ['module', 'main'],
        target: 'node20',
        format: 'cjs',
        // The CLI bundle minifies what it holds; the vendor file is written as it is.
        minify: inVendor,
        legalComments: 'eof',
        logLevel: 'warning',
      });
      // src/ is ES modules ("type": "module"): a default import of a CommonJS module is
      // its module.exports (Node's rule, which esbuild follows), so that is the function.
      let text = r.outputFiles[0].text;
      if (names.includes('default')) {
        if (names.length > 1) throw new Error(`${args.path}: default and named imports`);
        text += '\nmodule.exports = module.exports.default;\n';
      }
      if (!inVendor) return { contents: text, loader: 'js', resolveDir: root };
      vendor.set(args.path, text);
      const load = `module.exports = require('./${VENDOR_FILE}')(${JSON.stringify(args.path)});`;
      return { contents: load, loader: 'js' };
    });
  },
});

/**
 * dist/cli-vendor.cjs without its build id: a module function (as dist/cli.cjs) whose
 * export runs a package's code on the first call for it and returns its exports.
 */
export function vendorModule(vendor) {
  const factories = [...vendor]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([name, text]) => `${JSON.stringify(name)}: (module, exports) => {\n${text}\n}`);
  return [
    '(function (exports, require, module, __filename, __dirname) {',
    `const factories = {\n${factories.join(',\n')}\n};`,
    'const loaded = {};',
    'module.exports = (name) => {',
    '  let e = loaded[name];',
    '  if (e === undefined) {',
    '    const m = { exports: {} };',
    '    factories[name].call(m.exports, m, m.exports);',
    '    e = loaded[name] = m.exports;',
    '  }',
    '  return e;',
    '};',
    '})',
  ].join('\n');
}

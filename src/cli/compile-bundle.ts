/**
 * `rtfs compile --bundle`: one self-contained ES module. esbuild bundles the compiled
 * program with the runtime it imports (tree-shaken: only the modules and helpers the
 * program reaches), the core library's text (stdlib/core.rtfs, read from disk by an
 * installed runtime), the Chevrotain reader (which produces diagnostics for text
 * the program reads), the regex engine, the evaluator's compiled tier and the causal
 * chain kept for --chain or --trace (ADR 0046), installed eagerly (a bundle has no
 * files beside it to load them from); the result imports only
 * `node:` modules and runs with plain `node` anywhere. esbuild is a build tool, not a dependency of rtfs-ts: it is loaded
 * from the project (or a global install) only when --bundle is used.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { UsageError } from './exit-codes.js';

interface EsbuildLike {
  build(options: Record<string, unknown>): Promise<{ outputFiles?: { text: string }[] }>;
}

const PRELUDE = 'rtfs-bundle:prelude';

/**
 * Bundles the module text `code`, which imports the runtime file `runtime` (dist/runtime.js)
 * by URL. The bundle inlines the runtime's ES modules, dist/runtime-esm.js and its chunks:
 * dist/runtime.js runs the CommonJS dist/runtime.cjs through a code cache (ADR 0052),
 * which is a file beside it, not code esbuild can inline.
 */
export async function bundleModule(code: string, runtime: string, uri: string): Promise<string> {
  const esbuild = loadEsbuild();
  const dist = dirname(runtime);
  const esm = join(dist, 'runtime-esm.js');
  const core = readFileSync(join(dist, '..', 'stdlib', 'core.rtfs'), 'utf8');
  const runtimeUrl = pathToFileURL(runtime).href;
  const prelude = [
    `import { provideCoreLibrary, setFullReader, setProgramChain } from ${JSON.stringify(runtimeUrl)};`,
    `import { chevrotainRead } from ${JSON.stringify(pathToFileURL(join(dist, 'full-reader.js')).href)};`,
    `import { installRegexEngine } from ${JSON.stringify(pathToFileURL(join(dist, 'regex-engine.js')).href)};`,
    `import { installJitTier } from ${JSON.stringify(pathToFileURL(join(dist, 'jit-tier.js')).href)};`,
    `import { openRecordedChain } from ${JSON.stringify(pathToFileURL(join(dist, 'program-chain.js')).href)};`,
    `provideCoreLibrary(${JSON.stringify(core)});`,
    'setFullReader(chevrotainRead);',
    'installRegexEngine();',
    'installJitTier();',
    'setProgramChain(openRecordedChain);',
  ].join('\n');
  const result = await esbuild.build({
    stdin: {
      contents: `import ${JSON.stringify(PRELUDE)};\n${code}`,
      sourcefile: uri,
      loader: 'js',
    },
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    treeShaking: true,
    legalComments: 'none',
    logLevel: 'silent',
    plugins: [
      {
        name: 'rtfs-bundle',
        setup(b: {
          onResolve(o: object, f: (a: { path: string }) => object | undefined): void;
          onLoad(o: object, f: () => object): void;
        }) {
          b.onResolve({ filter: /^rtfs-bundle:prelude$/ }, () => ({
            path: PRELUDE,
            namespace: 'rtfs',
          }));
          b.onResolve({ filter: /^file:/ }, (a) => {
            const path = fileURLToPath(a.path);
            return { path: path === runtime ? esm : path };
          });
          b.onLoad({ filter: /.*/, namespace: 'rtfs' }, () => ({
            contents: prelude,
            loader: 'js',
            resolveDir: dist,
          }));
        },
      },
    ],
  });
  const text = result.outputFiles?.[0]?.text;
  if (text === undefined) throw new Error('rtfs: esbuild returned no bundle');
  return `// Bundled by rtfs compile --bundle from ${uri.replace(/[\r\n]/g, ' ')}: runs with node anywhere.\n${text}`;
}

function loadEsbuild(): EsbuildLike {
  for (const from of [join(process.cwd(), 'noop.js'), import.meta.url]) {
    try {
      // esbuild's package is CommonJS: `require` works from the CLI's CommonJS bundle,
      // where `import()` has no module loader to use (ADR 0024).
      return createRequire(from)('esbuild') as EsbuildLike;
    } catch {
      // try the next place
    }
  }
  throw new UsageError(
    '--bundle needs esbuild, a bundler rtfs-ts does not install: npm install --save-dev esbuild',
  );
}

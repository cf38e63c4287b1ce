/**
 * The tools of the peer comparison and how each runs a workload: as a whole process (the
 * command line a user types, after any ahead-of-time compile step) and warm, in this
 * process (the workload's `run` called again and again after its definitions loaded).
 *
 *   plain JS        node on the JS version (the normaliser)
 *   rtfs            `rtfs run` (the default engine: the evaluator with its JIT tier)
 *   rtfs compiled   `rtfs compile` to a module, then node on it; warm: the in-process compiler
 *   nbb             the SCI interpreter on Node (`nbb file.cljs`; warm: `loadString`)
 *   squint, cherry  ClojureScript compilers to ES modules: compiled ahead, then node on it
 *
 * Generated files go to bench/.out/peers (git-ignored), inside the project so that the
 * compiled modules resolve `squint-cljs`, `cherry-cljs` and dist/runtime.js.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import '../../src/syntax/full.js';
import { createRuntime } from '../../src/create-runtime.js';
import type { Runtime } from '../../src/runtime/index.js';
import { jsCompiler } from '../../src/compiler/index.js';
import { mainProgram, type Dialects } from './workloads.js';

export const root = fileURLToPath(new URL('../..', import.meta.url));
export const outDir = join(root, 'bench/.out/peers');

/**
 * The environment of every process the bench starts:
 * - rtfs-ts's code cache in a directory of the bench's own (unless RTFS_CACHE_DIR is
 *   set), so that other checkouts or builds using the shared cache (`~/.cache/rtfs-ts`
 *   keeps 4 files per command) cannot evict it between runs and make a run pay for
 *   compiling the CLI;
 * - no NODE_EXTRA_CA_CERTS: Node 20 parses that certificate bundle when any process
 *   starts, whether it uses TLS or not (about 27 ms and 420M instructions for a
 *   system bundle of 144 certificates on the 2-core VM), which would add the same
 *   constant to every tool and to plain `node`, and hide start-up differences.
 */
export const benchEnv: NodeJS.ProcessEnv = (() => {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    RTFS_CACHE_DIR: process.env['RTFS_CACHE_DIR'] ?? join(outDir, 'code-cache'),
  };
  delete env['NODE_EXTRA_CA_CERTS'];
  return env;
})();

export type ToolId = 'js' | 'rtfs' | 'rtfs-compiled' | 'nbb' | 'squint' | 'cherry';

export interface Tool {
  readonly id: ToolId;
  readonly name: string;
  /** Writes (and compiles) the program; returns the argv after `node`. */
  readonly prepare: (key: string, programs: Dialects) => string[];
  /** Loads the definitions in this process; returns `run`. */
  readonly warm: (key: string, programs: Dialects) => Promise<() => unknown>;
}

const rtfsBin = join(root, 'bin/rtfs.js');
const nbbCli = join(root, 'node_modules/nbb/cli.js');

function write(name: string, text: string): string {
  mkdirSync(outDir, { recursive: true });
  const file = join(outDir, name);
  writeFileSync(file, text);
  return file;
}

function rtfsEval(rt: Runtime, src: string): unknown {
  const o = rt.evalString(src, 'bench.rtfs');
  if (!o.ok)
    throw new Error(
      o.diagnostics ? o.diagnostics.map((d) => d.message).join('; ') : o.error.render(),
    );
  return o.value;
}

function rtfsWarm(rt: Runtime, defs: string): () => unknown {
  rtfsEval(rt, defs);
  return () => rtfsEval(rt, '(run)');
}

async function compilerOf(which: 'squint' | 'cherry'): Promise<(src: string) => string> {
  // cherry's package.json has no "exports" or "main": name the file.
  const m = which === 'squint' ? await import('squint-cljs') : await import('cherry-cljs/index.js');
  return (src) => m.compileString(src);
}

function cljsCompiler(id: 'squint' | 'cherry'): Tool {
  const source = (p: Dialects) => (id === 'squint' ? (p.squint ?? p.cljs) : p.cljs);
  return {
    id,
    name: id,
    prepare: (key, p) => {
      // The CLI, as a user compiles: `squint compile` / `cherry compile` FILE.cljs.
      const file = write(`${key}.${id}.cljs`, mainProgram('cljs', source(p)));
      execFileSync(
        process.execPath,
        [join(root, `node_modules/${id}-cljs/node_cli.js`), 'compile', file],
        { cwd: outDir, stdio: 'pipe' },
      );
      return [file.replace(/\.cljs$/, '.mjs')];
    },
    warm: async (key, p) => {
      const compile = await compilerOf(id);
      const file = write(`${key}.${id}.warm.mjs`, compile(source(p)));
      const mod = (await import(`${pathToFileURL(file).href}?t=${Date.now()}`)) as {
        run: () => unknown;
      };
      return mod.run;
    },
  };
}

export function tools(): Tool[] {
  return [
    {
      id: 'js',
      name: 'plain JS',
      prepare: (key, p) => [write(`${key}.mjs`, mainProgram('js', p.js))],
      warm: async (key, p) => {
        const file = write(`${key}.warm.mjs`, `${p.js}\nexport { run };\n`);
        const mod = (await import(`${pathToFileURL(file).href}?t=${Date.now()}`)) as {
          run: () => unknown;
        };
        return mod.run;
      },
    },
    {
      id: 'rtfs',
      name: 'rtfs',
      prepare: (key, p) => [rtfsBin, 'run', write(`${key}.rtfs`, mainProgram('rtfs', p.rtfs))],
      warm: (_key, p) => Promise.resolve(rtfsWarm(createRuntime({ out: () => undefined }), p.rtfs)),
    },
    {
      id: 'rtfs-compiled',
      name: 'rtfs compiled',
      prepare: (key, p) => {
        const src = write(`${key}.compiled.rtfs`, mainProgram('rtfs', p.rtfs));
        const out = src.replace(/\.rtfs$/, '.mjs');
        execFileSync(process.execPath, [rtfsBin, 'compile', src, '-o', out], {
          stdio: 'pipe',
          env: benchEnv,
        });
        return [out];
      },
      warm: (_key, p) =>
        Promise.resolve(
          rtfsWarm(createRuntime({ out: () => undefined, compiler: jsCompiler }), p.rtfs),
        ),
    },
    {
      id: 'nbb',
      name: 'nbb',
      prepare: (key, p) => [nbbCli, write(`${key}.nbb.cljs`, mainProgram('cljs', p.cljs))],
      warm: async (_key, p) => {
        const { loadString } = await import('nbb');
        const run = await loadString(`${p.cljs}\nrun`);
        if (typeof run !== 'function') throw new Error('nbb: run is not a function');
        return run as () => unknown;
      },
    },
    cljsCompiler('squint'),
    cljsCompiler('cherry'),
  ];
}

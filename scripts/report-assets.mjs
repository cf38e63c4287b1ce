// The run report's stylesheet and script (src/report/client/), bundled and minified
// with esbuild and handed to the report code as the module 'virtual:rtfs-report-assets'
// (declared in src/report/client/assets.d.ts). scripts/build.mjs and vitest.config.ts
// both serve the module through reportAssetsModule(), so a report written by the CLI
// and one written in a test carry the same inlined assets.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

export const REPORT_ASSETS_ID = 'virtual:rtfs-report-assets';

const client = fileURLToPath(new URL('../src/report/client/', import.meta.url));

async function bundle(entry, options) {
  const r = await build({
    entryPoints: [`${client}${entry}`],
    bundle: true,
    minify: true,
    write: false,
    logLevel: 'warning',
    legalComments: 'none',
    ...options,
  });
  return r.outputFiles[0].text.trim();
}

/** The module's source text: `export const css = "…"; export const js = "…";`. */
export async function reportAssetsModule() {
  const [css, js] = await Promise.all([
    bundle('report.css', { loader: { '.css': 'css' } }),
    bundle('main.ts', { format: 'iife', platform: 'browser', target: 'es2020' }),
  ]);
  return `export const css = ${JSON.stringify(css)};\nexport const js = ${JSON.stringify(js.replace(/<\/script/gi, '<\\/script'))};\n`;
}

/**
 * The report's stylesheet and script, bundled and minified at build time by
 * scripts/report-assets.mjs (an esbuild plugin in scripts/build.mjs, a Vite plugin in
 * vitest.config.ts) and inlined into every report.
 */
declare module 'virtual:rtfs-report-assets' {
  export const css: string;
  export const js: string;
}

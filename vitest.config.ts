import { defineConfig } from 'vitest/config';
import { REPORT_ASSETS_ID, reportAssetsModule } from './scripts/report-assets.mjs';

export default defineConfig({
  // The run report's inlined CSS and script (src/report/client/), as scripts/build.mjs serves them.
  plugins: [
    {
      name: 'report-assets',
      resolveId: (id: string) => (id === REPORT_ASSETS_ID ? `\0${REPORT_ASSETS_ID}` : undefined),
      load: (id: string) => (id === `\0${REPORT_ASSETS_ID}` ? reportAssetsModule() : undefined),
    },
  ],
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    pool: 'threads',
    setupFiles: ['test/setup.ts'],
    // Builds dist/ for the CLI tests when it is missing or stale.
    globalSetup: ['test/cli/global-setup.ts'],
  },
});

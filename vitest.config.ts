import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    pool: 'threads',
    setupFiles: ['test/setup.ts'],
    // Builds dist/ for the CLI tests when it is missing or stale.
    globalSetup: ['test/cli/global-setup.ts'],
  },
});

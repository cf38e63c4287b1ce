/**
 * The API report (api/rtfs-ts.api.d.ts) is the package's declarations as the build
 * writes them: a change to the public API must change the checked-in report, so it
 * shows up in review. `npm run build` rewrites the report locally (and fails in CI).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ENTRIES, REPORT, apiReport } from '../../scripts/build-types.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const dist = join(root, 'dist');

describe('API report', () => {
  it('matches the declarations in dist/', () => {
    const files = readdirSync(dist)
      .filter((f) => f.endsWith('.d.ts'))
      .map((name) => ({ name, text: readFileSync(join(dist, name), 'utf8') }));
    // On failure: `npm run build` rewrites the report; review and commit it.
    expect(apiReport(files), `${REPORT} is stale: run npm run build and commit it`).toBe(
      readFileSync(join(root, REPORT), 'utf8'),
    );
  });

  it('declares every entry point of package.json', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      exports: Record<string, string | { types?: string; default?: string }>;
    };
    for (const [name, target] of Object.entries(pkg.exports)) {
      if (typeof target === 'string') continue;
      expect(target.types, name).toMatch(/^\.\/dist\/[a-z]+\.d\.ts$/);
      const entry = (target.types ?? '').replace(/^\.\/dist\/|\.d\.ts$/g, '');
      expect(Object.keys(ENTRIES), name).toContain(entry);
    }
  });
});

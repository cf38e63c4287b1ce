/**
 * Every examples/*.rtfs runs through the built CLI (`node bin/rtfs.js run …`, dist/ is
 * built by the vitest global setup) with exit code 0, no stderr, and exactly the stdout
 * in examples/<name>.expected. `npm run examples` runs the same checks outside vitest.
 */
import { describe, it, expect } from 'vitest';
import { checkExample, listExamples } from '../scripts/run-examples.js';

describe('examples', () => {
  const names = listExamples();

  it('include at least 10 programs', () => {
    expect(names.length).toBeGreaterThanOrEqual(10);
  });

  for (const name of names) {
    it(name, () => {
      const r = checkExample(name);
      expect(
        r.expected,
        `examples/${name.replace(/\.rtfs$/, '.expected')} is missing`,
      ).toBeDefined();
      expect(r.stdout).toBe(r.expected);
      expect(r.problems).toEqual([]);
    });
  }
});

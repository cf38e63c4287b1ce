import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { docFiles, formatExamples } from '../../scripts/fmt-docs.js';

describe('```rtfs examples in docs/', () => {
  for (const file of docFiles()) {
    it(`${file.replace(/.*\/docs\//, 'docs/')} has formatted examples (npx tsx scripts/fmt-docs.ts)`, () => {
      const text = readFileSync(file, 'utf8');
      expect(formatExamples(text)).toBe(text);
    });
  }
});

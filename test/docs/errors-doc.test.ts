import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SyntaxCodes } from '../../src/diagnostics/index.js';

const doc = readFileSync(new URL('../../docs/errors.md', import.meta.url), 'utf8');
const documented = [...doc.matchAll(/^### `([a-z-]+\/[a-z-]+)`$/gm)].map((m) => m[1]);

describe('docs/errors.md', () => {
  it.each(Object.values(SyntaxCodes))('documents %s', (code) => {
    expect(documented).toContain(code);
  });

  it('documents no code that does not exist', () => {
    const known: readonly string[] = Object.values(SyntaxCodes);
    expect(documented.filter((c) => c !== undefined && !known.includes(c))).toEqual([]);
  });
});

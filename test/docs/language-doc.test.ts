/** Runs every example of docs/language.md: each ```rtfs block ends with `;; =>` or `;; !!`. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createHostedRuntime, runProgram } from '../../src/host/index.js';
import { printValue } from '../../src/data/index.js';
import { specialFormNames } from '../../src/analyzer/index.js';

const doc = readFileSync(new URL('../../docs/language.md', import.meta.url), 'utf8');
const blocks = [...doc.matchAll(/```rtfs\n([\s\S]*?)```/g)].map((m) => m[1] as string);

describe('docs/language.md examples', () => {
  it('has examples', () => {
    expect(blocks.length).toBeGreaterThan(20);
  });
  it('show every special form and core macro at work', () => {
    const core = readFileSync(new URL('../../stdlib/core.rtfs', import.meta.url), 'utf8');
    const macros = [...core.matchAll(/^\(defmacro (\S+)/gm)].map((m) => m[1] as string);
    expect(macros).toContain('when-first');
    const code = blocks.join('\n');
    const missing = [...specialFormNames(), ...macros].filter(
      (f) => !code.split(`(${f}`).some((rest, i) => i > 0 && /^[\s)]/.test(rest)),
    );
    expect(missing).toEqual([]);
  });
  for (const block of blocks) {
    const lines = block.trimEnd().split('\n');
    const expectation = lines.pop() as string;
    const code = lines.join('\n');
    it(code.split('\n')[0] as string, () => {
      const h = createHostedRuntime({
        policy: { allow: ['*'], deny: [] },
        out: () => undefined,
        log: () => undefined,
      });
      const o = runProgram(h, code, 'language.md');
      const shown = o.ok
        ? `;; => ${printValue(o.value)}`
        : `;; !! ${o.error?.code ?? o.diagnostics?.[0]?.code}`;
      expect(shown).toBe(expectation);
    });
  }
});

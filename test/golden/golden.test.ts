/**
 * The golden conformance suite: every test/golden/<topic>/*.rtfs file, case by case,
 * against every engine in `engines` (format: test/golden/README.md).
 */
import { jitFailures } from '../../src/runtime/index.js';
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  discoverGoldenFiles,
  engines,
  expected,
  goldenDir,
  loadGoldenFile,
  render,
  type EngineSession,
  type GoldenCase,
} from './harness.js';

export type { Engine, EngineSession, EngineOutcome } from './harness.js';

const files = discoverGoldenFiles();
const parsed = files.map((f) => loadGoldenFile(f));
const allCases = parsed.flatMap((p) => p.cases);

describe('golden files', () => {
  it('are well-formed', () => {
    expect(parsed.flatMap((p) => p.problems)).toEqual([]);
  });

  it('hold at least 400 cases', () => {
    expect(allCases.length).toBeGreaterThanOrEqual(400);
  });

  it('cover every builtin listed in docs/stdlib.md', () => {
    const used = new Set(allCases.flatMap((c) => codeTokens(c.code)));
    expect(stdlibNames().filter((n) => !used.has(n))).toEqual([]);
  });

  it('cover every special form and core macro', () => {
    const used = new Set(allCases.flatMap((c) => codeTokens(c.code)));
    const forms = `def defn fn λ let loop recur if do and or quote defmacro match try catch finally
      throw for dotimes step step-if step-loop step-parallel defstruct module import
      when when-not if-not cond case if-let when-let -> ->> as-> some-> comment
      gensym macroexpand macroexpand-1 doseq letfn condp if-some when-some when-first
      capability`.split(/\s+/);
    expect(forms.filter((n) => !used.has(n))).toEqual([]);
    const code = allCases.map((c) => c.code).join('\n');
    for (const sugar of ['`', '~@', "'", '#(', '@']) expect(code).toContain(sugar);
  });
});

for (const engine of engines) {
  describe(`golden (${engine.name})`, () => {
    for (const file of parsed) {
      // The cases of a file share one session, in order. When a filter skips earlier
      // cases, they are evaluated (unchecked) first, so definitions are still there.
      let session: EngineSession | undefined;
      let done = 0;
      const evaluate = (c: GoldenCase) =>
        (session as EngineSession).evalString(c.source, join(goldenDir, c.file));
      file.cases.forEach((c, index) => {
        it(`${c.file}:${c.line}`, () => {
          session ??= engine.session();
          while (done < index) evaluate(file.cases[done++] as GoldenCase);
          done = index + 1;
          const o = evaluate(c);
          const detail = o.ok ? c.code : `${c.code}\n${o.message}`;
          expect(render(o), detail).toBe(expected(c));
        });
      });
    }
  });
}

describe('the JIT tier', () => {
  // Runs after every engine's cases (vitest runs a file's tests in order).
  it('compiled every function the jit-at-first-call engine handed it', () => {
    expect(jitFailures.map((f) => `${f.name ?? 'fn'}: ${String(f.error)}`)).toEqual([]);
  });
});

/** Builtin names in the first column of docs/stdlib.md's tables (aliases included). */
function stdlibNames(): string[] {
  const doc = readFileSync(join(goldenDir, '..', '..', 'docs', 'stdlib.md'), 'utf8');
  const names = new Set<string>();
  let section = '';
  for (const line of doc.split('\n')) {
    if (line.startsWith('## ')) section = line;
    if (!line.startsWith('| `') || section.startsWith('## Not provided')) continue;
    const cell = line.split(' | ')[0] as string;
    for (const m of cell.matchAll(/`([^`]+)`/g)) names.add(m[1] as string);
  }
  return [...names];
}

/** The symbols of some RTFS code, without strings and comments. */
function codeTokens(code: string): string[] {
  const tokens: string[] = [];
  let current = '';
  const flush = () => {
    if (current !== '') tokens.push(current);
    current = '';
  };
  for (let i = 0; i < code.length; i++) {
    const ch = code[i] as string;
    if (ch === '"') {
      flush();
      for (i++; i < code.length && code[i] !== '"'; i++) if (code[i] === '\\') i++;
    } else if (ch === ';') {
      flush();
      while (i < code.length && code[i] !== '\n') i++;
    } else if (/[\s,()[\]{}'`~@^]/.test(ch)) {
      flush();
    } else {
      current += ch;
    }
  }
  flush();
  return tokens;
}

/**
 * Item 10 of issue 15: user regexes run in linear time (re2js), so a catastrophic
 * pattern such as `^(a+)+$` cannot hang a run, in any engine or in a schema's
 * `[:matches-regex …]`; backreferences and lookaround, which no linear-time engine can
 * run, give `runtime/unsupported-regex`, never a crash. The assertions are on results;
 * with JavaScript's backtracking RegExp these cases would not finish at all.
 */
import { describe, expect, it } from 'vitest';
import { createRuntime, type RuntimeOptions } from '../../src/create-runtime.js';
import { jsCompiler } from '../../src/compiler/index.js';
import { decide } from '../../src/host/policy.js';

const quiet = (): void => undefined;
const ENGINES: readonly (readonly [string, RuntimeOptions])[] = [
  ['evaluator', { out: quiet, log: quiet }],
  ['evaluator, no JIT', { out: quiet, log: quiet, jit: false }],
  ['compile engine', { out: quiet, log: quiet, compiler: jsCompiler }],
];

function outcome(src: string, opts: RuntimeOptions): string {
  const o = createRuntime(opts).evalString(src, 'r.rtfs');
  if (o.ok) return `=> ${String(o.value)}`;
  return `!! ${o.error?.code ?? o.diagnostics?.[0]?.code}: ${o.error?.message ?? o.diagnostics?.[0]?.message}`;
}

const HOSTILE = '(def s (str (apply str (repeat 10000 "a")) "!"))';

const LINEAR: readonly (readonly [string, string, string])[] = [
  ['re-matches ^(a+)+$', '(re-matches "^(a+)+$" s)', '=> null'],
  ['re-find (a|aa)*b', '(re-find "(a|aa)*b" s)', '=> null'],
  ['re-find (a*)*$ matches', '(count (re-find "(a*)*!$" s))', '=> 10001'],
  ['re-seq (a+)+b', '(count (re-seq "(a+)+b" s))', '=> 0'],
  ['replace with (a+)+$', '(count (replace s (re-pattern "(a+)+$") "x"))', '=> 10001'],
  ['split on (a|a)+b', '(count (split s (re-pattern "(a|a)+b")))', '=> 1'],
  [
    'a schema with (a+)+$ that holds',
    '(defn f [x :[:and :string [:matches-regex "^(a+)+$"]]] x) (count (f (apply str (repeat 10000 "a"))))',
    '=> 10000',
  ],
  [
    'a schema with (a+)+$ that fails',
    '(defn f [x :[:and :string [:matches-regex "^(a+)+$"]]] x) (f s)',
    '!! type/mismatch',
  ],
];

describe('hostile patterns finish on a 10,000-character input', () => {
  for (const [engine, opts] of ENGINES)
    for (const [what, src, expected] of LINEAR)
      it(`${engine}: ${what}`, () => {
        expect(outcome(`${HOSTILE} ${src}`, opts).slice(0, expected.length)).toBe(expected);
      });
});

const NON_REGULAR = [
  ['a backreference', '(re-find "(a)\\\\1" "aa")'],
  ['a named backreference', '(re-matches "(?<x>a)\\\\k<x>" "aa")'],
  ['a lookahead', '(re-find "a(?=b)" "ab")'],
  ['a negative lookbehind', '(re-seq "(?<!a)b" "ab")'],
  ['a re-pattern with a backreference', '(re-pattern "(\\\\w)\\\\1")'],
] as const;

describe('backreferences and lookaround give runtime/unsupported-regex', () => {
  for (const [engine, opts] of ENGINES)
    for (const [what, src] of NON_REGULAR)
      it(`${engine}: ${what}`, () => {
        const o = outcome(src, opts);
        expect(o).toMatch(/^!! runtime\/unsupported-regex: .*backreferences and lookaround/);
      });
  it('a malformed pattern is still runtime/invalid-regex', () => {
    expect(outcome('(re-find "(a" "a")', ENGINES[0]![1])).toMatch(/^!! runtime\/invalid-regex/);
  });
  it('a schema pattern with a backreference is rejected when the type is read', () => {
    const o = outcome(
      '(defn f [x :[:and :string [:matches-regex "(a)\\\\1"]]] x) (f "aa")',
      ENGINES[0]![1],
    );
    expect(o).toMatch(/^!! [a-z]+\/[a-z-]+: .*backreferences and lookaround/);
  });
});

describe('capability policy globs', () => {
  it('match in linear time with many wildcards', () => {
    const p = { allow: ['*a*a*a*a*a*a*a*a*a*a*b'], deny: [] };
    expect(decide(p, 'a'.repeat(5000)).allowed).toBe(false);
    expect(decide(p, `${'a'.repeat(5000)}b`).allowed).toBe(true);
    expect(decide({ allow: ['core.data.*'], deny: [] }, 'core.data.get').allowed).toBe(true);
    expect(decide({ allow: ['core.data.*'], deny: [] }, 'core.dataXget').allowed).toBe(false);
  });
});

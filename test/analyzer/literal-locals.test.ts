/**
 * `let` locals bound to literals are read as the literal (analyzer/analyze-bindings.ts,
 * analyzer/scope.ts, ADR 0050): which reads become constants and which stay slot reads.
 */
import { describe, it, expect } from 'vitest';
import { createRuntime } from '../../src/create-runtime.js';
import { read } from '../../src/syntax/index.js';
import { printValue } from '../../src/data/index.js';
import { analyzeTop, walk, type Node } from '../../src/analyzer/index.js';
import { BlockScope, FrameScope } from '../../src/analyzer/scope.js';

/** Every read of a local in `src`, in tree order: `local x`, or `x=value` when constant. */
function reads(src: string): string[] {
  const rt = createRuntime();
  const r = read(src, 'x.rtfs');
  const a = analyzeTop(r.forms[0] as never, r.spans[0], rt.globals);
  const out: string[] = [];
  for (const n of walk(a.node as Node)) {
    if (n.kind === 'local') out.push(`local ${n.name}`);
    if (n.kind !== 'const' || n.span === undefined) continue;
    const text = src.slice(n.span.start, n.span.end);
    if (/^[a-z]/.test(text) && !['true', 'false', 'nil'].includes(text))
      out.push(`${text}=${printValue(n.value)}`);
  }
  return out;
}

describe('let locals bound to literals', () => {
  it('read number, string, keyword, boolean and nil literals as constants', () => {
    const src = '(let [n 5 s "a" k :k t true z nil f 1.5 b 9007199254740993] (list n s k t z f b))';
    expect(reads(src)).toEqual([
      'n=5',
      's="a"',
      'k=:k',
      't=true',
      'z=nil',
      'f=1.5',
      'b=9007199254740993',
    ]);
    expect(reads('(let [n 5] (fn [x] (+ x n)))')).toEqual(['local x', 'n=5']);
    // A collection literal of such reads is still built (not folded into one constant).
    expect(reads('(let [n 5] [n n])')).toEqual(['n=5', 'n=5']);
  });

  it('keep slot reads for patterns, annotations, collections, loops and shadowing', () => {
    expect(reads('(let [[a] [1]] a)')).toContain('local a');
    expect(reads('(let [v [1 2]] v)')).toContain('local v');
    expect(reads('(let [n: Int 5] n)')).toContain('local n');
    expect(reads('(loop [i 0] (if (< i 3) (recur (inc i)) i))')).toContain('local i');
    expect(reads('(let [n 5] (let [n (inc n)] n))')).toEqual(['n=5', 'local n']);
    expect(reads('(let [n 5] (fn [n] n))')).toEqual(['local n']);
    expect(reads('(let [n 5 n (inc n)] n)')).toEqual(['n=5', 'local n']);
  });
});

describe('BlockScope constants', () => {
  it('resolve through child and function scopes, and stop at a shadowing binding', () => {
    const top = new BlockScope(new FrameScope(undefined), undefined);
    top.bind('n');
    top.markConstant('n', 5);
    expect(top.child().constant('n')).toEqual({ value: 5 });
    expect(top.fnChild().constant('n')).toEqual({ value: 5 });
    const inner = top.child();
    inner.bind('n');
    expect(inner.constant('n')).toBeUndefined();
    top.bind('n');
    expect(top.constant('n')).toBeUndefined();
    top.markConstant('m', 1);
    expect(top.constant('m')).toBeUndefined();
  });
});

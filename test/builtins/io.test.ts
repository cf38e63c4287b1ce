import { describe, it, expect } from 'vitest';
import { createRuntime } from '../../src/create-runtime.js';
import { printValue } from '../../src/data/index.js';

function capture(src: string): { out: string; log: string; value: string } {
  let out = '';
  let log = '';
  const o = createRuntime({ out: (t) => (out += t), log: (t) => (log += t) }).evalString(src);
  const value = o.ok ? printValue(o.value) : o.diagnostics ? 'diagnostics' : `!! ${o.error.code}`;
  return { out, log, value };
}

describe('io builtins write through the builtin context', () => {
  const cases: [string, string, string, string][] = [
    // src, stdout, log, value
    ['(println "a" 1 nil [1 "b"])', 'a 1 nil [1 "b"]\n', '', 'nil'],
    ['(println)', '\n', '', 'nil'],
    ['(print "a" "b")', 'a b', '', 'nil'],
    ['(prn "a" :k)', '"a" :k\n', '', 'nil'],
    ['(pr 1 2.0)', '1 2.0', '', 'nil'],
    ['(do (print "x") (println "y") 5)', 'xy\n', '', '5'],
    ['(log "x" 1)', '', 'x 1\n', 'nil'],
    ['(tool/log "m" {:a "b"})', '', 'm {:a "b"}\n', 'nil'],
    ['(tool.log "m")', '', 'm\n', 'nil'],
    ['(log)', '', '\n', 'nil'],
  ];
  for (const [src, out, log, value] of cases) {
    it(src, () => {
      expect(capture(src)).toEqual({ out, log, value });
    });
  }
});

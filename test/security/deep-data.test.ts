/**
 * Items 11 and 12 of issue 15: deeply nested code and data either work or fail with a
 * documented error (exit 1, a code, file:line:col), never exit 3 or a JS stack.
 */
import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readRecords, verifyChain } from '../../src/audit/index.js';
import { tempDir } from '../audit/helpers.js';
import { rtfs } from '../cli/run-cli.js';

const dir = tempDir('deep');
function file(name: string, text: string): string {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
}

/** No crash: never exit 3, never a JavaScript stack trace. */
function sane(r: { code: number | null; stderr: string }): void {
  expect(r.code).not.toBe(3);
  expect(r.stderr).not.toContain('internal error');
  expect(r.stderr).not.toMatch(/\n\s+at .*\.(js|ts):\d+/);
}

const DEEP = '(defn mk [n] (reduce (fn [acc _] [acc]) [] (range n)))\n(def a (mk 100000))\n';

describe('deep data at run time', () => {
  it.each([
    ['the value of the program', 'a', 'nested too deeply to record'],
    ['a map holding it', '{:k a}', 'nested too deeply to record'],
    ['str of it', '(count (str a))', 'runtime/stack-depth-exceeded'],
    ['pr-str of it', '(count (pr-str a))', 'runtime/stack-depth-exceeded'],
    ['comparing it', '(= a (mk 100000))', 'runtime/stack-depth-exceeded'],
    ['passing it to a capability', '(call "ccos.echo" a)', 'runtime/stack-depth-exceeded'],
  ])('%s: a clear error, the chain verifies', (_what, expr, message) => {
    const chain = join(dir, `chain-${expr.length}-${Math.random().toString(36).slice(2)}`);
    const r = rtfs(['run', file('d.rtfs', `${DEEP}${expr}\n`), '--allow', '*', '--chain', chain]);
    sane(r);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/d\.rtfs:\d+:\d+: runtime\/stack-depth-exceeded/);
    expect(r.stderr).toContain(message);
    expect(verifyChain(chain).ok).toBe(true);
    const end = readRecords(chain).at(-1)?.action;
    expect(end?.type).toBe('PlanAborted');
  });

  it('a value 3,000 deep prints', () => {
    const r = rtfs([
      'run',
      file('p.rtfs', '(def a (reduce (fn [acc _] [acc]) [] (range 3000)))\n(println a)\n'),
    ]);
    sane(r);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`${'['.repeat(3001)}${']'.repeat(3001)}\nnil\n`);
  });
});

describe('deep code', () => {
  it('300 nested backquotes and (fn [] …) read and run', () => {
    expect(rtfs(['run', file('bq.rtfs', `${'`'.repeat(300)}x\n`)]).code).toBe(0);
    const fns = `${'(fn [] '.repeat(300)}1${')'.repeat(300)}\n`;
    expect(rtfs(['run', file('fns.rtfs', fns)]).code).toBe(0);
  });

  it('fmt of 900-deep vectors works', () => {
    const r = rtfs(['fmt', file('v.rtfs', `${'['.repeat(900)}${']'.repeat(900)}\n`)]);
    sane(r);
    expect(r.code).toBe(0);
  });

  it('read --json of 1,300-deep vectors is a nesting error, not a crash', () => {
    const r = rtfs(['read', '--json', file('j.rtfs', `${'['.repeat(1300)}${']'.repeat(1300)}\n`)]);
    sane(r);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('j.rtfs:1:1: syntax/nesting-too-deep');
    const json = JSON.parse(r.stdout) as { diagnostics: { code: string }[] };
    expect(json.diagnostics[0]?.code).toBe('syntax/nesting-too-deep');
  });

  it('a macro producing a 5,000-deep do is analysis/nesting-too-deep', () => {
    const src = file(
      'm.rtfs',
      '(defmacro deep [n] (loop [i 0 f 1] (if (< i n) (recur (inc i) (list (quote do) f)) f)))\n(deep 5000)\n',
    );
    for (const cmd of [
      ['run', src],
      ['run', src, '--engine', 'compile'],
      ['check', src],
    ]) {
      const r = rtfs(cmd);
      sane(r);
      expect(r.code, cmd.join(' ')).toBe(1);
      expect(r.stdout + r.stderr).toContain('m.rtfs:2:1: analysis/nesting-too-deep');
    }
  });

  it('try around infinite recursion catches the overflow in every engine', () => {
    const src = file('t.rtfs', '(defn f [] (f))\n(try (f) (catch e (:code e)))\n');
    for (const extra of [[], ['--no-jit'], ['--engine', 'compile']]) {
      const r = rtfs(['run', src, ...extra]);
      sane(r);
      expect(r.stdout, extra.join(' ')).toBe(':runtime/stack-depth-exceeded\n');
    }
  });

  it('a handler that recurses again ends after 1,000 overflows, uncatchable', () => {
    const src = file(
      'h.rtfs',
      '(defn f [] (try (f) (finally (f))))\n(try (f) (catch e :caught))\n',
    );
    const r = rtfs(['run', src, '--timeout', '60']);
    sane(r);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('runtime/stack-depth-exceeded: stack depth exceeded 1000 times');
  });

  it('a 1,000,000-digit integer: the message is clipped', () => {
    const r = rtfs(['run', file('big.rtfs', `${'1'.repeat(1_000_000)}\n`)]);
    sane(r);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('syntax/integer-out-of-range');
    expect(r.stderr.length).toBeLessThan(2000);
  });
});

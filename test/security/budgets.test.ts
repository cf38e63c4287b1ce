/**
 * Item 9 of issue 15 (and 12): runs can be bounded. `--max-steps` (function calls, loop
 * iterations and builtin work), `--timeout`, a plan's own `:max-steps`/`:timeout` (the
 * smaller wins), size limits on what one operation builds, and a default budget for
 * macro expansion in `rtfs check`/`compile` and RTFS rewriters. Every engine counts the
 * same steps; `try` cannot catch an exhausted budget; a failed run keeps its log.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRuntime, type RuntimeOptions } from '../../src/create-runtime.js';
import { jsCompiler } from '../../src/compiler/index.js';
import { type Budget, stepsUsed, withBudget } from '../../src/runtime/index.js';
import { read } from '../../src/syntax/index.js';
import { MAX_STRING } from '../../src/data/index.js';
import { readRecords, verifyChain } from '../../src/audit/index.js';
import { rtfsRewriter } from '../../src/meta/rtfs-rewriter.js';
import { tempDir } from '../audit/helpers.js';
import { rtfs } from '../cli/run-cli.js';

const quiet = (): void => undefined;
const ENGINES: readonly (readonly [string, RuntimeOptions])[] = [
  ['evaluator', { out: quiet, log: quiet }],
  ['evaluator, JIT at first call', { out: quiet, log: quiet, jit: 0 }],
  ['evaluator, no JIT', { out: quiet, log: quiet, jit: false }],
  ['compile engine', { out: quiet, log: quiet, compiler: jsCompiler }],
];

function outcome(src: string, budget: Budget, opts: RuntimeOptions): string {
  const rt = createRuntime({ ...opts, budget });
  const o = rt.evalString(src, 'b.rtfs');
  if (o.ok) return `=> ${String(o.value)}`;
  return `!! ${o.error?.code ?? o.diagnostics?.[0]?.code}: ${o.error?.message ?? o.diagnostics?.[0]?.message}`;
}

const LOOPS = [
  ['loop/recur', '(loop [i 0] (recur (inc i)))'],
  ['a recursive function (recur)', '(defn f [n] (recur (inc n))) (f 0)'],
  ['mutual calls in a loop', '(defn g [x] x) (loop [i 0] (g i) (recur (inc i)))'],
  ['dotimes', '(dotimes [i 1000000000] i)'],
  ['for', '(count (for [x (range 5000000)] x))'],
  ['reduce with a function', '(reduce (fn [a x] (+ a x)) 0 (range 5000000))'],
  ['a function called from a loop in a function', '(defn h [] (loop [] (recur))) (h) (h)'],
] as const;

describe('--max-steps stops every kind of loop in every engine', () => {
  for (const [engine, opts] of ENGINES)
    for (const [what, src] of LOOPS)
      it(`${engine}: ${what}`, () => {
        expect(outcome(src, { maxSteps: 100_000 }, opts)).toMatch(
          /^!! runtime\/step-limit-exceeded: the evaluation took more than 100,000 steps \(function calls and loop iterations; --max-steps\)$/,
        );
      });
});

describe('budgets', () => {
  for (const [engine, opts] of ENGINES) {
    it(`${engine}: a program within its budget runs as without one`, () => {
      const src = '(defn f [n] (if (< n 2) n (+ (f (- n 1)) (f (- n 2))))) (f 15)';
      expect(outcome(src, { maxSteps: 100_000 }, opts)).toBe('=> 610');
      expect(outcome(src, {}, opts)).toBe('=> 610');
    });

    it(`${engine}: try does not catch an exhausted budget (finally still runs)`, () => {
      const rt = createRuntime({ ...opts, budget: { maxSteps: 50_000 } });
      const o = rt.evalString(
        '(def done false) (try (loop [] (recur)) (catch e :caught) (finally (def done :finally)))',
      );
      expect(o.ok ? 'ok' : o.error?.code).toBe('runtime/step-limit-exceeded');
      const done = rt.evalString('done');
      expect(done.ok && String(done.value)).toBe(':finally');
    });

    it(`${engine}: --timeout stops a loop`, () => {
      expect(outcome('(loop [] (recur))', { timeoutMs: 50 }, opts)).toBe(
        '!! runtime/timeout: the evaluation took longer than 0.05 s (--timeout)',
      );
    });

    it(`${engine}: a plan's :max-steps bounds the plan; the smaller budget wins`, () => {
      const plan = '(plan "p" :max-steps 5000 :body (do (loop [i 0] (recur (inc i)))))';
      expect(outcome(plan, {}, opts)).toContain(
        '5,000 steps (function calls and loop iterations; plan p :max-steps)',
      );
      expect(outcome(plan, { maxSteps: 1000 }, opts)).toContain(
        '1,000 steps (function calls and loop iterations; --max-steps)',
      );
      // Within its budget the plan's value is returned.
      expect(outcome('(plan "q" :max-steps 5000 :body (do (+ 1 2)))', {}, opts)).toBe('=> 3');
    });

    it(`${engine}: a plan's :timeout is seconds`, () => {
      expect(outcome('(plan "p" :timeout 0.05 :body (do (loop [] (recur))))', {}, opts)).toBe(
        '!! runtime/timeout: the evaluation took longer than 0.05 s (plan p :timeout)',
      );
    });
  }

  it('plan budgets that are not positive numbers are analysis errors', () => {
    const opts = ENGINES[0]![1];
    for (const bad of [
      ':max-steps 0',
      ':max-steps -3',
      ':max-steps 1.5',
      ':max-steps "9"',
      ':timeout 0',
      ':timeout "1"',
    ])
      expect(outcome(`(plan "p" ${bad} :body (do 1))`, {}, opts)).toMatch(
        /^!! analysis\/bad-plan: plan p: :/,
      );
  });

  it('the steps of an inner budget count against the outer one', () => {
    const rt = createRuntime({ out: quiet });
    withBudget({}, () => {
      const before = stepsUsed();
      expect(rt.evalString('(dotimes [i 1000] i)').ok).toBe(true);
      expect(stepsUsed() - before).toBeGreaterThanOrEqual(1000);
    });
    // An outer budget with little left limits the inner one, though the inner asks for more.
    const o = withBudget({ maxSteps: 2000 }, () =>
      createRuntime({ out: quiet, budget: { maxSteps: 1_000_000 } }).evalString(
        '(dotimes [i 100000] i)',
      ),
    );
    expect(o.ok ? 'ok' : o.error?.code).toBe('runtime/step-limit-exceeded');
  });

  it('builtin work is charged: a huge range under a small budget fails fast', () => {
    expect(outcome('(count (range 5000000))', { maxSteps: 100_000 }, ENGINES[0]![1])).toMatch(
      /^!! runtime\/step-limit-exceeded/,
    );
    expect(outcome('(count (range 50000))', { maxSteps: 100_000 }, ENGINES[0]![1])).toBe(
      '=> 50000',
    );
  });
});

describe('size limits (out-of-memory aborts become RTFS errors)', () => {
  const opts = ENGINES[0]![1];
  it.each([
    ['(format "%500000000d" 1)', 'runtime/string-too-long'],
    ['(format "%.600000000f" 1.0)', 'runtime/string-too-long'],
    ['(let [s (format "%30000000d" 1)] (str s s))', 'runtime/string-too-long'],
    ['(let [s (format "%30000000d" 1)] (join "," [s s]))', 'runtime/string-too-long'],
    ['(let [s (format "%30000000d" 1)] (pr-str s s))', 'runtime/string-too-long'],
    ['(range 20000000)', 'runtime/collection-too-large'],
    ['(repeat 20000000 1)', 'runtime/collection-too-large'],
    ['(apply + (range 100000))', 'runtime/collection-too-large'],
  ])('%s is %s', (src, code) => {
    expect(outcome(src, {}, opts)).toMatch(new RegExp(`^!! ${code}: `));
  });

  it('str, vector and list take any number of arguments through apply', () => {
    expect(outcome('(count (apply str (repeat 100000 "a")))', {}, opts)).toBe('=> 100000');
    expect(outcome('(count (apply vector (range 100000)))', {}, opts)).toBe('=> 100000');
  });

  it('a source text beyond the string limit is refused by the reader', () => {
    const r = read(`"${'x'.repeat(MAX_STRING)}"`, 'big.rtfs');
    expect(r.diagnostics.map((d) => d.code)).toEqual(['syntax/source-too-large']);
    expect(r.diagnostics[0]?.message).toContain('limit 50,000,000');
  });
});

describe('macro expansion and rewriters have a default budget', () => {
  it('an RTFS rewriter that loops fails instead of hanging', () => {
    const r = rtfsRewriter(
      '{:id "spin" :rewrite (fn [plan params] (loop [] (recur)))}',
      'spin.rtfs',
    );
    expect('error' in r).toBe(false);
    if ('error' in r) return;
    const out = r.rewrite(null, { capability: () => undefined, catalogSnapshot: undefined });
    expect(out).toMatchObject({ ok: false });
    expect(!out.ok && out.reason).toContain('runtime/step-limit-exceeded');
    expect(!out.ok && out.reason).toContain('the default budget of an RTFS rewriter');
  });
});

describe('the command line', () => {
  const dir = tempDir('budget');
  const file = (name: string, text: string): string => {
    const p = join(dir, name);
    writeFileSync(p, text);
    return p;
  };

  it('rtfs run --max-steps: exit 1, code, file:line:col, excerpt; the log before the failure is kept', () => {
    const src = file(
      'spin.rtfs',
      '(call "ccos.io.log" "before")\n(println "printed")\n(loop [i 0]\n  (recur (inc i)))\n',
    );
    const chain = join(dir, 'chain');
    const r = rtfs(['run', src, '--allow', '*', '--max-steps', '10000', '--chain', chain]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('printed\n');
    expect(r.stderr).toContain('before');
    expect(r.stderr).toMatch(
      /spin\.rtfs:3:1: runtime\/step-limit-exceeded: the evaluation took more than 10,000 steps/,
    );
    expect(r.stderr).toContain('3 | (loop [i 0]');
    expect(r.stderr).not.toMatch(/\n\s+at .*\.js:\d+/);
    expect(verifyChain(chain).ok).toBe(true);
    const recs = readRecords(chain);
    expect(
      recs.some((x) => x.action.type === 'CapabilityCall' && x.action.name === 'ccos.io.log'),
    ).toBe(true);
    const end = recs[recs.length - 1]?.action.result;
    expect(end?.ok === false && end.error.code).toBe('runtime/step-limit-exceeded');
  });

  it('rtfs run --timeout stops an endless loop (exit 1)', () => {
    const src = file('forever.rtfs', '(defn f [] (f))\n(loop [] (recur))\n');
    for (const engine of ['interpret', 'compile']) {
      const r = rtfs(['run', src, '--timeout', '0.3', '--engine', engine]);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(
        'forever.rtfs:2:1: runtime/timeout: the evaluation took longer than 0.3 s (--timeout)',
      );
    }
  });

  it('bad budget values are usage errors (exit 2)', () => {
    const src = file('one.rtfs', '1\n');
    for (const args of [
      ['--max-steps', '0'],
      ['--max-steps', 'lots'],
      ['--max-steps', '1e3'],
      ['--timeout', '-1'],
      ['--timeout', 'soon'],
    ]) {
      const r = rtfs(['run', src, ...args]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toContain(args[0]);
    }
  });

  it('rtfs eval and a compiled module take the same options', () => {
    const e = rtfs(['eval', '(dotimes [i 100000000] i)', '--max-steps', '5000']);
    expect(e.code).toBe(1);
    expect(e.stderr).toContain('runtime/step-limit-exceeded');
    const src = file('mod.rtfs', '(println "go")\n(loop [] (recur))\n');
    const out = join(dir, 'mod.mjs');
    expect(rtfs(['compile', src, '-o', out]).code).toBe(0);
    const m = spawnSync(process.execPath, [out, '--max-steps', '5000'], { encoding: 'utf8' });
    expect(m.status).toBe(1);
    expect(m.stdout).toBe('go\n');
    expect(m.stderr).toContain('mod.rtfs:2:1: runtime/step-limit-exceeded');
    const bad = spawnSync(process.execPath, [out, '--max-steps', 'x'], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stdout).toBe('');
  });

  it('rtfs check and compile stop a macro that does not terminate (was a hang)', () => {
    const src = file('macro.rtfs', '(defmacro m [] (loop [] (recur)))\n(m)\n');
    const c = rtfs(['check', src]);
    expect(c.code).toBe(1);
    expect(c.stdout + c.stderr).toMatch(
      /macro\.rtfs:2:1: runtime\/step-limit-exceeded: expanding macro m failed/,
    );
    const o = rtfs(['compile', src, '-o', join(dir, 'macro.mjs')]);
    expect(o.code).toBe(1);
    expect(o.stderr).toContain('macro.rtfs:2:1: runtime/step-limit-exceeded');
    expect(o.stderr).toContain('the default budget of analysis and macro expansion');
  });

  it('the REPL applies --max-steps to each input and goes on', () => {
    const r = rtfs(['repl', '--max-steps', '5000'], { input: '(loop [] (recur))\n(+ 1 2)\n' });
    expect(r.stdout + r.stderr).toContain('runtime/step-limit-exceeded');
    expect(r.stdout).toContain('3');
  });
});

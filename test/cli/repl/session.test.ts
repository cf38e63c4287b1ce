import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pc from 'picocolors';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ReplSession, runCommand } from '../../../src/cli/repl/index.js';
import type { ReplFlags } from '../../../src/cli/repl/index.js';
import { readRecords } from '../../../src/audit/index.js';

interface Captured {
  session: ReplSession;
  out: () => string;
  err: () => string;
  /** Clears what was captured. */
  take: () => { out: string; err: string };
}

function session(flags: ReplFlags = {}, colors = false): Captured {
  let out = '';
  let err = '';
  const s = new ReplSession({
    flags,
    colors: pc.createColors(colors),
    write: (t, stream) => {
      if (stream === 'stdout') out += t;
      else err += t;
    },
  });
  return {
    session: s,
    out: () => out,
    err: () => err,
    take: () => {
      const r = { out, err };
      out = '';
      err = '';
      return r;
    },
  };
}

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'rtfs-repl-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('ReplSession evaluation', () => {
  it('prints the value of every form, and keeps definitions between inputs', () => {
    const c = session();
    expect(c.session.eval('(def a 1) (+ a 1) :k')).toBe(true);
    expect(c.take().out).toBe('1\n2\n:k\n');
    expect(c.session.eval('(defn f [x] (* x 10))')).toBe(true);
    expect(c.session.eval('(f a)')).toBe(true);
    expect(c.take().out).toBe('#<fn f>\n10\n');
  });

  it('reports errors with code, <repl>:line:col and an excerpt, then goes on', () => {
    const c = session();
    expect(c.session.eval('(let [x 1]\n  (/ x 0))')).toBe(false);
    const { out, err } = c.take();
    expect(out).toBe('');
    expect(err).toContain('error: <repl>:2:3: runtime/division-by-zero: division by zero');
    expect(err).toContain('2 |   (/ x 0))');
    // The second input starts on line 3 of the session.
    expect(c.session.eval('(undefined-thing 1)')).toBe(false);
    expect(c.take().err).toMatch(/<repl>:3:2: (analysis|runtime)\/unbound-symbol/);
    expect(c.session.eval('(+ 1 2))')).toBe(false);
    expect(c.take().err).toContain('syntax/');
    expect(c.session.eval('(+ 1 2)')).toBe(true);
    expect(c.take().out).toBe('3\n');
  });

  it('stops at the first failing form of an input', () => {
    const c = session();
    expect(c.session.eval('(def a 1) (/ 1 0) (def b 2)')).toBe(false);
    expect(c.take().out).toBe('1\n');
    expect(c.session.hosted.runtime.globals.lookup('b')).toBeUndefined();
  });

  it('colours values when asked', () => {
    const c = session({}, true);
    const on = pc.createColors(true);
    c.session.eval('[1 "s" :k nil]');
    expect(c.take().out).toBe(
      `[${on.yellow('1')} ${on.green('"s"')} ${on.cyan(':k')} ${on.magenta('nil')}]\n`,
    );
  });

  it('collects the keywords it reads and offers every bound name for completion', () => {
    const c = session({ allow: ['ccos.*'] });
    c.session.eval('(defn my-fn [] {:status :ok})');
    const names = c.session.completions();
    expect(names.symbols).toContain('my-fn');
    expect(names.symbols).toContain('reduce');
    expect(names.symbols).toContain('when');
    expect(names.keywords).toEqual(['status', 'ok']);
    expect(names.capabilities).toContain('ccos.echo');
  });
});

describe('REPL habits from the Clojure world', () => {
  it('*1 *2 *3 hold the last three values printed, *e the last error', () => {
    const c = session();
    c.session.eval('(+ 1 1) :two');
    c.session.eval('[3]');
    c.take();
    expect(c.session.eval('[*1 *2 *3]')).toBe(true);
    expect(c.take().out).toBe('[[3] :two 2]\n');
    expect(c.session.eval('*1')).toBe(true);
    expect(c.take().out).toBe('[[3] :two 2]\n');
    expect(c.session.eval('*e')).toBe(true);
    expect(c.take().out).toBe('nil\n');
    expect(c.session.eval('(/ 1 0)')).toBe(false);
    c.take();
    expect(c.session.eval('[(:code *e) (:message *e)]')).toBe(true);
    expect(c.take().out).toBe('[:runtime/division-by-zero "division by zero"]\n');
    // A failed input leaves *1 alone; :type does not shift them either.
    expect(c.session.eval('*1')).toBe(true);
    expect(c.take().out).toBe('[:runtime/division-by-zero "division by zero"]\n');
    runCommand(c.session, 'type', '42');
    c.take();
    expect(c.session.eval('*2')).toBe(true);
    expect(c.take().out).toBe('[:runtime/division-by-zero "division by zero"]\n');
    // :reset starts again from nil; :env does not list them.
    runCommand(c.session, 'reset', '');
    c.take();
    c.session.eval('*1');
    expect(c.take().out).toBe('nil\n');
    runCommand(c.session, 'env', '');
    expect(c.take().out).toBe('(no definitions yet)\n');
  });

  it('(doc name) prints what :doc prints, unless the program defines doc', () => {
    const c = session();
    c.session.eval('(defn sq "Squares x." [x] (* x x))');
    c.take();
    expect(c.session.eval('(doc sq)')).toBe(true);
    expect(c.take().out).toBe('user/sq  function\n  [x]\n  Squares x.\nnil\n');
    c.session.eval('(defn doc [x] (str "my doc of " x))');
    c.take();
    expect(c.session.eval('(doc 1)')).toBe(true);
    expect(c.take().out).toBe('"my doc of 1"\n');
  });
});

describe('REPL commands', () => {
  it(':doc shows docstrings and arities of user functions, builtins and core macros', () => {
    const c = session();
    c.session.eval('(defn area "The area of a w×h rectangle." ([w] (area w w)) ([w h] (* w h)))');
    c.take();
    expect(runCommand(c.session, 'doc', 'area')).toBe(true);
    expect(c.take().out).toBe(
      'user/area  function\n  [w]\n  [w h]\n  The area of a w×h rectangle.\n',
    );
    expect(runCommand(c.session, 'doc', 'inc')).toBe(true);
    expect(c.take().out).toMatch(/^rtfs\.core\/inc {2}function\n {2}arity 1\n {2}n ± 1/);
    expect(runCommand(c.session, 'doc', 'when')).toBe(true);
    expect(c.take().out).toBe(
      'rtfs.core/when  macro\n  [test & body]\n  Evaluates body (as a do) when test is truthy; nil otherwise.\n',
    );
    expect(runCommand(c.session, 'doc', 'nope')).toBe(false);
    expect(c.take().err).toBe('error: repl/unknown-name: nothing is defined as nope\n');
    expect(runCommand(c.session, 'doc', '')).toBe(false);
    expect(c.take().err).toContain('repl/missing-argument');
  });

  it(':type gives the runtime type, and the declared signature of annotated functions', () => {
    const c = session();
    c.session.eval('(defn add [a :int b :int] :int (+ a b)) (defn plain [x] x)');
    c.take();
    const type = (expr: string): string => {
      runCommand(c.session, 'type', expr);
      const { out, err } = c.take();
      return out + err;
    };
    expect(type('(+ 1 2)')).toBe('integer\n');
    expect(type('{:a 1}')).toBe('map\n');
    expect(type('1.5')).toBe('float\n');
    expect(type('add')).toBe('fn add [a :int b :int] :int\n');
    expect(type('plain')).toBe('fn plain [x]  (not annotated)\n');
    expect(type('inc')).toBe('fn inc, builtin, arity 1\n');
    expect(type('(fn [x] x)')).toBe('fn\n');
    expect(type('(/ 1 0)')).toContain('runtime/division-by-zero');
  });

  it(':env lists the definitions of the session, :reset forgets them', () => {
    const c = session();
    expect(runCommand(c.session, 'env', '')).toBe(true);
    expect(c.take().out).toBe('(no definitions yet)\n');
    c.session.eval(
      '(def limit 10) (defn twice [x] (* 2 x)) (defmacro unless [t & b] `(if ~t nil (do ~@b)))',
    );
    c.take();
    runCommand(c.session, 'env', '');
    expect(c.take().out).toBe('limit  10\ntwice  fn [x]\nunless  macro [t & b]\n');
    c.session.eval('(def big (vec (range 100)))');
    c.take();
    runCommand(c.session, 'env', '');
    expect(c.take().out).toMatch(/\nbig {2}\[0 1 2 .{80,}…\n$/);
    runCommand(c.session, 'reset', '');
    c.take();
    expect(c.session.eval('limit')).toBe(false);
    expect(c.take().err).toContain('unbound');
    expect(c.session.eval('(inc 1)')).toBe(true);
  });

  it(':caps lists the capabilities the policy grants', () => {
    const none = session();
    runCommand(none.session, 'caps', '');
    expect(none.take().out).toContain('no capability is granted');
    const c = session({ allow: ['ccos.*'], deny: ['ccos.user.ask'] });
    runCommand(c.session, 'caps', '');
    const out = c.take().out;
    expect(out).toContain('ccos.echo  [pure] allow ccos.*');
    expect(out).not.toContain('ccos.user.ask');
    expect(out).not.toContain('core.data.filter');
  });

  it(':chain draws the runs of the session with their capability calls', () => {
    const c = session({ allow: ['ccos.echo'] });
    runCommand(c.session, 'chain', '');
    expect(c.take().out).toBe('(nothing recorded yet)\n');
    c.session.eval('(call "ccos.echo" {:message "hi"})');
    c.session.eval('(call "ccos.io.log" {:message "no"})');
    c.take();
    runCommand(c.session, 'chain', '');
    const tree = c.take().out;
    expect(tree).toContain('PlanStarted <repl>');
    expect(tree).toMatch(/CapabilityCall ccos\.echo .*args=\{:message "hi"\}/);
    expect(tree).toContain('PlanAborted ✗ capability/');
  });

  it('--chain DIR records every input to the chain on disk', () => {
    const chain = join(dir, 'chain');
    const c = session({ allow: ['ccos.echo'], chain });
    c.session.eval('(call "ccos.echo" {:message "a"})');
    c.session.eval('(+ 1 2)');
    c.session.close();
    const types = readRecords(chain).map((r) => r.action.type);
    expect(types.filter((t) => t === 'PlanStarted')).toHaveLength(2);
    expect(types).toContain('CapabilityCall');
    runCommand(c.session, 'chain', '');
    expect(c.take().out).toContain('CapabilityCall ccos.echo');
  });

  it(':load evaluates a file in the session', () => {
    const file = join(dir, 'lib.rtfs');
    writeFileSync(file, '(defn triple [x] (* 3 x))\n(triple 2)\n');
    const c = session();
    expect(runCommand(c.session, 'load', file)).toBe(true);
    expect(c.take().out).toBe('6\n');
    c.session.eval('(triple 5)');
    expect(c.take().out).toBe('15\n');
    writeFileSync(file, '(+ 1\n  (/ 2 0))');
    expect(runCommand(c.session, 'load', file)).toBe(false);
    expect(c.take().err).toContain(`${file}:2:3: runtime/division-by-zero`);
    expect(runCommand(c.session, 'load', join(dir, 'missing.rtfs'))).toBe(false);
    expect(c.take().err).toContain('repl/cannot-load');
  });

  it(':help lists every command', () => {
    const c = session();
    runCommand(c.session, 'help', '');
    const out = c.take().out;
    for (const cmd of [
      ':help',
      ':doc',
      ':type',
      ':load',
      ':env',
      ':caps',
      ':chain',
      ':reset',
      ':quit',
    ])
      expect(out).toContain(cmd);
  });
});

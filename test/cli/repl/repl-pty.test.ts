/**
 * `rtfs repl` in a real pseudo-terminal: python3's pty module (test/cli/repl/pty-driver.py)
 * forks the REPL on a terminal, this test types into it and reads the screen output.
 * Skipped (with the reason) only when python3 or its pty module is missing.
 */
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { root } from '../run-cli.js';

const driver = join(root, 'test', 'cli', 'repl', 'pty-driver.py');

function ptyUnavailable(): string | undefined {
  const r = spawnSync('python3', ['-c', 'import os, pty; os.close(os.openpty()[0])'], {
    encoding: 'utf8',
  });
  if (r.error !== undefined) return `python3 is not installed (${r.error.message})`;
  if (r.status !== 0) return `python3 cannot open a pseudo-terminal: ${r.stderr.trim()}`;
  return undefined;
}

const unavailable = ptyUnavailable();
if (unavailable !== undefined) {
  console.warn(`skipping the REPL pseudo-terminal tests: ${unavailable}`);
}

// Colour, cursor movement and line-clearing sequences readline and picocolors write.
// eslint-disable-next-line no-control-regex
const ANSI = /\x1b\[[0-9;?]*[A-Za-z]/g;

/** A REPL on a terminal: type into it, wait for text on its screen. */
class Terminal {
  private raw = '';
  private seen = 0;
  private waiters: (() => void)[] = [];
  readonly exited: Promise<number | null>;

  constructor(readonly child: ChildProcessWithoutNullStreams) {
    child.stdout.on('data', (b: Buffer) => {
      this.raw += b.toString('utf8');
      for (const w of this.waiters) w();
    });
    child.stderr.on('data', (b: Buffer) => {
      this.raw += b.toString('utf8');
    });
    this.exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
  }

  /** Everything shown so far, without escape sequences. */
  get screen(): string {
    return this.raw.replace(ANSI, '').replace(/\r/g, '');
  }

  /** The exit code, once the program ended (fails with the screen after 60 s). */
  exitCode(): Promise<number | null> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`the REPL did not exit; screen so far:\n${this.screen}`)),
        60_000,
      );
      void this.exited.then((code) => {
        clearTimeout(timer);
        resolve(code);
      });
    });
  }

  get rawOutput(): string {
    return this.raw;
  }

  type(keys: string): void {
    this.child.stdin.write(keys);
  }

  /** Waits until `pattern` appears after what earlier waits consumed; returns the text up to it. */
  waitFor(pattern: string | RegExp, what = String(pattern)): Promise<string> {
    return new Promise((resolve, reject) => {
      const check = (): boolean => {
        const rest = this.screen.slice(this.seen);
        const m = typeof pattern === 'string' ? rest.indexOf(pattern) : rest.search(pattern);
        if (m < 0) return false;
        const len =
          typeof pattern === 'string'
            ? pattern.length
            : (rest.slice(m).match(pattern)?.[0].length ?? 0);
        this.seen += m + len;
        resolve(rest.slice(0, m + len));
        return true;
      };
      if (check()) return;
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        reject(new Error(`timed out waiting for ${what}; screen so far:\n${this.screen}`));
      }, 60_000);
      const waiter = (): void => {
        if (check()) {
          clearTimeout(timer);
          this.waiters = this.waiters.filter((w) => w !== waiter);
        }
      };
      this.waiters.push(waiter);
    });
  }
}

// Each test starts one or two REPLs; on a loaded machine a start alone can take seconds.
describe.skipIf(unavailable !== undefined)(
  'rtfs repl in a pseudo-terminal',
  { timeout: 120_000 },
  () => {
    let dir: string;
    let term: Terminal | undefined;

    beforeEach(() => {
      dir = mkdtempSync(join(tmpdir(), 'rtfs-repl-pty-'));
    });
    afterEach(() => {
      if (term !== undefined && term.child.exitCode === null) term.child.kill('SIGKILL');
      term = undefined;
      rmSync(dir, { recursive: true, force: true });
    });

    function start(args: readonly string[] = [], extraEnv: Record<string, string> = {}): Terminal {
      const env: Record<string, string | undefined> = { ...process.env };
      for (const name of ['NO_COLOR', 'FORCE_COLOR', 'CI']) delete env[name];
      const child = spawn(
        'python3',
        [driver, process.execPath, join(root, 'bin', 'rtfs.js'), 'repl', ...args],
        {
          cwd: dir,
          env: {
            ...env,
            TERM: 'xterm-256color',
            HOME: dir,
            RTFS_HISTORY: join(dir, 'history'),
            ...extraEnv,
          },
        },
      );
      term = new Terminal(child);
      return term;
    }

    it('evaluates a multi-line defn, reports an error and recovers, survives Ctrl-C, exits on Ctrl-D', async () => {
      const t = start();
      // A one-line banner: the version and where help is.
      const banner = await t.waitFor('rtfs> ', 'the prompt');
      expect(banner).toMatch(/^rtfs \d+\.\d+\.\d+ REPL .*:help.*\n/);

      // A form left open continues on the next line, under the continuation prompt.
      t.type('(defn sq "Squares x." [x]\r');
      await t.waitFor('  ... ', 'the continuation prompt');
      t.type('  (* x x))\r');
      await t.waitFor('#<fn sq>');
      await t.waitFor('rtfs> ');

      t.type('(sq 7) (sq 8)\r');
      const shown = await t.waitFor(/64\n/);
      expect(shown).toContain('49\n');
      // Values are coloured on a terminal (integers in yellow).
      expect(t.rawOutput).toContain('\x1b[33m49\x1b[39m');
      await t.waitFor('rtfs> ');

      // An error prints its code, position and excerpt; the session goes on.
      t.type('(let [y 2]\r');
      await t.waitFor('  ... ');
      t.type('  (/ y 0))\r');
      const err = await t.waitFor('rtfs> ');
      // Lines are numbered from the start of the session: this is its 5th line.
      expect(err).toContain('<repl>:5:3: runtime/division-by-zero: division by zero');
      expect(err).toContain('5 |   (/ y 0))');
      t.type('(sq 9)\r');
      await t.waitFor('81\n');
      await t.waitFor('rtfs> ');

      // Ctrl-C stops a running evaluation; the definitions are still there.
      t.type('(do (println "looping") (loop [i 0] (recur (inc i))))\r');
      await t.waitFor('looping\n');
      t.type('\x03');
      const stopped = await t.waitFor('rtfs> ');
      expect(stopped).toContain('runtime/interrupted');
      t.type('(sq 11)\r');
      await t.waitFor('121\n');
      await t.waitFor('rtfs> ');

      // Ctrl-C on a pending form drops it.
      t.type('(+ 1\r');
      await t.waitFor('  ... ');
      t.type('\x03');
      await t.waitFor('^C\n');
      await t.waitFor('rtfs> ');
      t.type('(+ 2 3)\r');
      await t.waitFor('5\n');
      await t.waitFor('rtfs> ');

      // Tab completes a name defined in the session.
      t.type('(defn a-long-name [] :done)\r');
      await t.waitFor('rtfs> ');
      t.type('(a-long\t');
      await t.waitFor('(a-long-name');
      t.type(')\r');
      await t.waitFor(':done\n');
      await t.waitFor('rtfs> ');

      // Commands.
      t.type(':doc sq\r');
      const doc = await t.waitFor('rtfs> ');
      expect(doc).toContain('user/sq');
      expect(doc).toContain('[x]');
      expect(doc).toContain('Squares x.');

      // Ctrl-D on an empty line leaves.
      t.type('\x04');
      expect(await t.exitCode()).toBe(0);

      const history = readFileSync(join(dir, 'history'), 'utf8').split('\n');
      expect(history).toContain('(sq 7) (sq 8)');
      // A multi-line form is one entry, its lines kept (a JSON string).
      expect(history).toContain('#json "(let [y 2]\\n  (/ y 0))"');
      expect(history).not.toContain('  (/ y 0))');
    });

    it('reads its history back and completes capability ids', async () => {
      const t = start(['--allow', 'ccos.*']);
      await t.waitFor('rtfs> ');
      t.type('(call "ccos.ec\t');
      await t.waitFor('(call "ccos.echo"');
      t.type(' {:message "hello"})\r');
      await t.waitFor('"hello"\n');
      await t.waitFor('rtfs> ');
      // ccos.user.ask asks at the terminal, the evaluation waiting for the answer.
      t.type('(str "hi " (call "ccos.user.ask" {:prompt "name?"}))\r');
      await t.waitFor('name? ');
      t.type('Ada\r');
      await t.waitFor('"hi Ada"\n');
      await t.waitFor('rtfs> ');
      t.type(':chain\r');
      const chain = await t.waitFor('rtfs> ');
      expect(chain).toContain('CapabilityCall ccos.echo');
      t.type(':quit\r');
      expect(await t.exitCode()).toBe(0);

      const again = start();
      await again.waitFor('rtfs> ');
      // Up arrow brings back the last line of the previous session.
      again.type('\x1b[A');
      await again.waitFor(':quit');
      again.type('\x15(def xs\r');
      await again.waitFor('  ... ');
      again.type('  [1 2])\r');
      await again.waitFor('rtfs> ');
      // *1 is the last value; Up recalls the two-line def as one entry, which runs again.
      again.type('(conj *1 3)\r');
      await again.waitFor('[1 2 3]\n');
      await again.waitFor('rtfs> ');
      again.type('\x1b[A\x1b[A');
      await again.waitFor('[1 2])');
      again.type('\r');
      await again.waitFor('rtfs> ');
      again.type('(count xs)\r');
      await again.waitFor('2\n');
      await again.waitFor('rtfs> ');
      again.type(':quit\r');
      expect(await again.exitCode()).toBe(0);
    });

    it('restarts the session when a second Ctrl-C finds the evaluation still running', async () => {
      const t = start();
      await t.waitFor('rtfs> ');
      t.type('(def base 40)\r');
      await t.waitFor('\n40\n');
      await t.waitFor('rtfs> ');
      t.type('(do (def s (str "zw" (apply str (repeat 2000000 "x")) "z")) (count s))\r');
      await t.waitFor('2000003\n');
      await t.waitFor('rtfs> ');
      // One builtin call that runs for about a minute (the linear-time regex engine over
      // 2M characters with ~1,800 states live): the evaluator never gets to test the
      // interrupt flag, so only terminating the worker stops it. "started" is printed
      // once the evaluation runs, so both Ctrl-Cs reach a busy session.
      t.type('(do (println "started") (re-find "x(x?){900}zw" s))\r');
      await t.waitFor('started\n');
      t.type('\x03');
      t.type('\x03');
      await t.waitFor('restarting the session (replaying 2 inputs)');
      await t.waitFor('rtfs> ');
      t.type('(+ base 2)\r');
      await t.waitFor('42\n');
      await t.waitFor('rtfs> ');
      t.type('\x04');
      expect(await t.exitCode()).toBe(0);
    });

    it('exits on Ctrl-D typed while an evaluation is still running', async () => {
      const t = start();
      await t.waitFor('rtfs> ');
      t.type('(do (println "started") (dotimes [i 30000000] i) :done)\r');
      await t.waitFor('started\n');
      // Ctrl-D closes the input before the evaluation ends; the REPL still exits.
      t.type('\x04');
      expect(await t.exitCode()).toBe(0);
      expect(t.screen).toContain(':done');
    });

    it('exits on Ctrl-D even when the running evaluation then asks the user', async () => {
      const t = start(['--allow', 'ccos.*']);
      await t.waitFor('rtfs> ');
      t.type(
        '(do (println "started") (dotimes [i 30000000] i) (call "ccos.user.ask" {:prompt "name?"}))\r',
      );
      await t.waitFor('started\n');
      t.type('\x04');
      expect(await t.exitCode()).toBe(0);
      expect(t.screen).not.toContain('name? ');
    });

    it.each([
      ['NO_COLOR is set', [], { NO_COLOR: '1' }],
      ['--no-color is given', ['--no-color'], {}],
    ])('prints without colour when %s', async (_, args, env) => {
      const t = start(args, env);
      await t.waitFor('rtfs> ');
      t.type('(+ 40 2) :k\r');
      await t.waitFor('\n42\n:k\n');
      expect(t.rawOutput).toContain('42\r\n:k\r\n');
      t.type('\x04');
      expect(await t.exitCode()).toBe(0);
    });
  },
);

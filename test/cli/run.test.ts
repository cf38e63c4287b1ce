import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root, rtfs } from './run-cli.js';

describe('rtfs run', () => {
  it('prints println output, then the last value', () => {
    const r = rtfs(['run', 'test/cli/fixtures/program.rtfs']);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('areas: [1 4 9]\n16\n');
    expect(r.code).toBe(0);
  });

  it('ends as soon as it is done, with all of a large output written (ADR 0047)', () => {
    const r = rtfs(['run', '-'], {
      input: '(dotimes [i 3] (println i)) (count (println (apply str (repeat 900000 "x"))))',
    });
    expect(r.code).toBe(0);
    expect(r.stdout.length).toBe(6 + 900001 + 2);
    expect(r.stdout.endsWith('x\n0\n')).toBe(true);
  });

  it('writes its output to a file or a closed pipe as to any pipe (ADR 0051)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rtfs-run-out-'));
    try {
      const out = join(dir, 'out.txt');
      const fd = openSync(out, 'w');
      try {
        const r = spawnSync(process.execPath, ['bin/rtfs.js', 'run', '-'], {
          cwd: root,
          input: '(println "λ") (+ 1 2)',
          stdio: ['pipe', fd, 'pipe'],
          encoding: 'utf8',
        });
        expect(r.stderr).toBe('');
        expect(r.status).toBe(0);
      } finally {
        closeSync(fd);
      }
      expect(readFileSync(out, 'utf8')).toBe('λ\n3\n');
      // The reader goes away after one byte: the run still ends quietly, exit 0.
      const big = '(dotimes [i 20000] (println (apply str (repeat 50 "x"))))';
      const piped = spawnSync(
        'bash',
        [
          '-c',
          `echo '${big}' | "$0" bin/rtfs.js run - | head -c 1; exit \${PIPESTATUS[1]}`,
          process.execPath,
        ],
        { cwd: root, encoding: 'utf8' },
      );
      expect(piped.stdout).toBe('x');
      expect(piped.stderr).toBe('');
      expect(piped.status).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reads the program from stdin with -', () => {
    const r = rtfs(['run', '-'], { input: '(def x 20) (+ x 22)' });
    expect(r.stdout).toBe('42\n');
  });

  it('reports a runtime error with position, excerpt and stack on stderr, exit 1', () => {
    const r = rtfs(['run', '-'], { input: '(defn half [x] (/ x 0))\n(half 4)' });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('<stdin>:1:16: runtime/division-by-zero: division by zero');
    expect(r.stderr).toContain('at half (<stdin>:2:1)');
  });

  it('reports syntax errors as diagnostics, exit 1', () => {
    const r = rtfs(['run', '-'], { input: '(+ 1' });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('syntax/unclosed-delimiter');
  });

  it('uses --path for modules', () => {
    const r = rtfs(['run', '-', '--path', 'test/cli/fixtures'], {
      input: '(import mods/shapes :only [square]) (square 5)',
    });
    expect(r.stdout).toBe('25\n');
  });

  it('exits 2 for a missing file', () => {
    const r = rtfs(['run', 'no/such/file.rtfs']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no/such/file.rtfs');
  });
});

describe('rtfs eval', () => {
  it('evaluates text from the command line', () => {
    const r = rtfs(['eval', '(defn sq [x] (* x x)) (-> 5 inc sq)']);
    expect(r.stdout).toBe('36\n');
    expect(r.code).toBe(0);
  });

  it('suggests the nearest name for an unbound symbol', () => {
    const r = rtfs(['eval', '(lenght [1 2])']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("analysis/unbound-symbol: unbound symbol 'lenght'");
  });

  it('has --help', () => {
    expect(rtfs(['eval', '--help']).stdout).toContain('evaluate RTFS text');
  });
});

describe('rtfs run: capability host options', () => {
  it('denies capabilities unless granted, naming the flag', () => {
    const r = rtfs(['eval', '(call "ccos.echo" "hi")']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      "capability/denied: capability 'ccos.echo' is not allowed by this run's policy (grant it with --allow ccos.echo)",
    );
  });

  it('grants with --allow patterns and refuses with --deny', () => {
    expect(rtfs(['eval', '(call "ccos.echo" "hi")', '--allow', 'ccos.*']).stdout).toBe('"hi"\n');
    const r = rtfs(['eval', '(call "ccos.echo" "hi")', '--allow', '*', '--deny', 'ccos.echo']);
    expect(r.stderr).toContain('capability/denied');
  });

  it('reads a policy file', () => {
    const r = rtfs([
      'eval',
      '[(call "core.data.map" {:items [1 2] :fn inc}) (try (call "core.data.count" {:items []}) (catch e (:code e)))]',
      '--policy',
      'test/cli/fixtures/policy.rtfs',
    ]);
    expect(r.stdout).toBe('[[2 3] :capability/denied]\n');
  });

  it('answers ccos.user.ask from --answers, in order', () => {
    const r = rtfs([
      'eval',
      '[(call "ccos.user.ask" "name?") (call "ccos.user.ask" "colour?")]',
      '--allow',
      'ccos.user.ask',
      '--answers',
      'test/cli/fixtures/answers.rtfs',
    ]);
    expect(r.stdout).toBe('["Ada" "blue"]\n');
  });

  it('reads files only below --allow-read directories', () => {
    const ok = rtfs([
      'eval',
      '(count (call "ccos.fs.read" "test/cli/fixtures/answers.rtfs"))',
      '--allow',
      'ccos.fs.read',
      '--allow-read',
      'test/cli/fixtures',
    ]);
    expect(ok.stdout).toBe('15\n');
    const bad = rtfs([
      'eval',
      '(call "ccos.fs.read" "package.json")',
      '--allow',
      'ccos.fs.read',
      '--allow-read',
      'test/cli/fixtures',
    ]);
    expect(bad.stderr).toContain('outside the granted directories');
  });

  it('simulates effectful capabilities with --dry-run', () => {
    const r = rtfs(['eval', '(call "ccos.io.log" "x")', '--allow', '*', '--dry-run']);
    expect(r.stdout).toBe('{:capability "ccos.io.log" :input "x" :simulated true}\n');
  });

  it('reports an unreadable policy file as a usage error', () => {
    const r = rtfs(['eval', '1', '--policy', 'no/such/policy.rtfs']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('cannot read policy file no/such/policy.rtfs');
  });
});

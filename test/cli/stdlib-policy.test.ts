/**
 * `planner.*`, `ccos.control.loop`, plan execution and the pure `core.data.*` are standard
 * library: `rtfs run`, `rtfs eval`, the REPL and compiled modules call them without
 * --allow; effects still need a grant; --deny still refuses; REPL inputs and compiled
 * modules replay like any run.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { root, rtfs } from './run-cli.js';

const tmp = mkdtempSync(join(tmpdir(), 'rtfs-stdlib-policy-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const PLANNER = `(def s (:goal_signals (call "planner.extract_goal_signals" {:goal "count the open bugs"})))
(def loop (call "ccos.control.loop"
  {:initial_state {:i 0} :max-iterations 5
   :loop_body (fn [st] (if (= (:i st) 2) (assoc st :stop true) (update st :i inc)))}))
(def ran (call "ccos.plan.execute" {:plan "(plan :name \\"p\\" (step \\"s\\" (call \\"core.data.count\\" {:items [1 2 3]})))"}))
[(string? (:goal_text s)) (:i loop) (:result ran) (call "core.data.create_map" {:a 1})]`;
const EXPECTED = '[true 2 3 {:a 1}]\n';

describe('the standard library needs no --allow', () => {
  it('in rtfs eval and rtfs run', () => {
    expect(rtfs(['eval', PLANNER])).toMatchObject({ code: 0, stdout: EXPECTED });
    const file = join(tmp, 'stdlib.rtfs');
    writeFileSync(file, PLANNER);
    expect(rtfs(['run', file])).toMatchObject({ code: 0, stdout: EXPECTED });
  });

  it('while effects still need a grant, and --deny refuses the planner', () => {
    const echo = rtfs(['eval', '(call "ccos.echo" "hi")']);
    expect(echo.code).toBe(1);
    expect(echo.stderr).toContain('capability/denied');
    const llm = rtfs([
      'eval',
      '(call "planner.extract_goal_signals" {:goal "list issues" :strategy :llm})',
    ]);
    expect(llm.code).toBe(1);
    expect(llm.stderr).toContain("capability 'llm.complete' is not allowed");
    const denied = rtfs(['eval', PLANNER, '--deny', 'planner.*']);
    expect(denied.code).toBe(1);
    expect(denied.stderr).toContain(
      "capability/denied: capability 'planner.extract_goal_signals' is not allowed",
    );
    expect(
      rtfs(['eval', '(call "core.data.count" {:items []})', '--deny', 'core.data.*']).code,
    ).toBe(1);
  });

  it('a program-defined pure capability runs, and external catalog entries do not', () => {
    const own = rtfs([
      'eval',
      '(defcapability "my.double" {:effects [:pure]} (fn [n] (* 2 n))) (call "my.double" 21)',
    ]);
    expect(own).toMatchObject({ code: 0, stdout: '42\n' });
    const ext = rtfs([
      'eval',
      '(call "github.list_issues" {:owner "acme" :repo "api"})',
      '--catalog',
      'examples/catalogs/default.rtfs',
    ]);
    expect(ext.code).toBe(1);
    expect(ext.stderr).toContain("capability 'github.list_issues' is not allowed");
    // A dry run simulates it: no effect, no grant needed.
    const dry = rtfs([
      'eval',
      '(:simulated (call "github.list_issues" {:owner "acme" :repo "api"}))',
      '--catalog',
      'examples/catalogs/default.rtfs',
      '--dry-run',
    ]);
    expect(dry).toMatchObject({ code: 0, stdout: 'true\n' });
  });

  it('in the REPL, whose inputs replay (after the earlier inputs they depend on)', () => {
    const chain = join(tmp, 'repl-chain');
    const r = rtfs(['repl', '--chain', chain], {
      input: `${PLANNER.replace(/\n(?!\()/g, ' ')}\n(def n (count (:requirements s)))\n[n (:i loop)]\n`,
      env: { RTFS_HISTORY: join(tmp, 'h') },
    });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(EXPECTED);
    const replay = rtfs(['chain', 'replay', chain]);
    expect(replay.code).toBe(0);
    expect(replay.stdout).toMatch(/^REPLAY OK run [0-9a-f-]+: final value sha256:[0-9a-f]{64};/);
  });

  it('in compiled modules, whose runs replay', () => {
    const src = join(tmp, 'compiled.rtfs');
    writeFileSync(src, PLANNER);
    const out = join(tmp, 'compiled.mjs');
    expect(rtfs(['compile', src, '-o', out]).code).toBe(0);
    const chain = join(tmp, 'compiled-chain');
    const r = spawnSync(process.execPath, [out, '--chain', chain], { cwd: root, encoding: 'utf8' });
    expect(r.stdout).toBe(EXPECTED);
    expect(r.status).toBe(0);
    const replay = rtfs(['chain', 'replay', chain]);
    expect(replay.code).toBe(0);
    expect(replay.stdout).toMatch(/0 live calls\n$/);
  });
});

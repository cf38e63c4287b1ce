/**
 * Rewriters as users write them: applied in command-line order (built-in and RTFS
 * interleaved), RTFS rewriters with parameters (`--rewriter FILE.rtfs=ARG`) and a time
 * budget, and the rewritten plan checked for unknown capabilities and removed steps (a
 * warning, an error with --strict). A parametrized RTFS rewrite replays.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { rtfs } from './run-cli.js';

const CATALOG = 'examples/catalogs/default.rtfs';
const GOAL = 'list open issues in acme/api labelled bug';
const tmp = mkdtempSync(join(tmpdir(), 'rtfs-rewriters-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function file(name: string, text: string): string {
  const path = join(tmp, name);
  writeFileSync(path, text);
  return path;
}

const NOTE = file(
  'note.rtfs',
  `{:id "add-note"
 :rewrite (fn [plan params]
            (apply list (concat (drop-last plan)
                                [(list 'step "note" (list 'call "ccos.echo" {:message (str "planned " params)}))
                                 (last plan)])))}`,
);
const DROP_NOTE = file(
  'drop-note.rtfs',
  `{:id "drop-note"
 :rewrite (fn [plan params] (apply list (remove (fn [f] (and (list? f) (= (second f) "note"))) plan)))}`,
);
const UNKNOWN = file(
  'unknown.rtfs',
  `(defn rewrite [plan params]
  (apply list (concat (drop-last plan) [(list 'step "ping" (list 'call "no.such.capability" {})) (last plan)])))`,
);
const SPIN = file('spin.rtfs', '(defn rewrite [plan params] (loop [i 0] (recur (inc i))))');

describe('rtfs plan rewriters', () => {
  it('apply in command-line order, built-in and RTFS interleaved', () => {
    const a = rtfs([
      'plan',
      GOAL,
      '--emit-meta-plan',
      '--rewriter',
      NOTE,
      '--rewrite',
      'validate-after-synthesis',
    ]);
    const b = rtfs([
      'plan',
      GOAL,
      '--emit-meta-plan',
      '--rewrite',
      'validate-after-synthesis',
      '--rewriter',
      NOTE,
    ]);
    expect(a.code).toBe(0);
    expect(b.code).toBe(0);
    const run = rtfs([
      'plan',
      GOAL,
      '--catalog',
      CATALOG,
      '--chain',
      join(tmp, 'order'),
      '--rewriter',
      NOTE,
      '--rewrite',
      'validate-after-synthesis',
    ]);
    expect(run.stdout).toContain('(rewrites: add-note, validate-after-synthesis)');
    const reversed = rtfs([
      'plan',
      GOAL,
      '--catalog',
      CATALOG,
      '--chain',
      join(tmp, 'order2'),
      '--rewrite',
      'validate-after-synthesis',
      '--rewriter',
      NOTE,
    ]);
    expect(reversed.stdout).toContain('(rewrites: validate-after-synthesis, add-note)');
  });

  it('pass --rewriter FILE=ARG to the rewrite function, and replay it', () => {
    const chain = join(tmp, 'params');
    const r = rtfs([
      'plan',
      GOAL,
      '--catalog',
      CATALOG,
      '--chain',
      chain,
      '--rewriter',
      `${NOTE}=[:a 1]`,
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/step note → ccos\.echo +"planned \[:a 1\]"/);
    const s = rtfs(['plan', GOAL, '--emit-meta-plan', '--rewriter', `${NOTE}=release 2`]);
    expect(s.stdout).toContain('{:message "planned release 2"}');
    const replay = rtfs(['chain', 'replay', chain]);
    expect(replay.code).toBe(0);
    expect(replay.stdout).toMatch(
      /^REPLAY OK plan=sha256:[0-9a-f]{64} .*rebuilt from its source and rewrites/,
    );
  });

  it('stop an RTFS rewriter that runs out of its time budget', () => {
    const r = rtfs([
      'plan',
      GOAL,
      '--emit-meta-plan',
      '--rewriter',
      SPIN,
      '--rewriter-budget',
      '300',
    ]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      `error: rewrite ${SPIN} refused: the rewriter ran out of its 300 ms budget`,
    );
  });

  it('warn about removed steps and unknown capabilities, and refuse them with --strict', () => {
    const removed = rtfs([
      'plan',
      GOAL,
      '--emit-meta-plan',
      '--rewriter',
      NOTE,
      '--rewriter',
      DROP_NOTE,
    ]);
    expect(removed.code).toBe(0);
    expect(removed.stderr).toBe('warning: rewrite drop-note removed step(s) "note"\n');
    const strict = rtfs([
      'plan',
      GOAL,
      '--emit-meta-plan',
      '--rewriter',
      NOTE,
      '--rewriter',
      DROP_NOTE,
      '--strict',
    ]);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toBe(
      'error: --strict: the rewritten plan is refused: rewrite drop-note removed step(s) "note"\n',
    );
    const unknown = rtfs([
      'plan',
      GOAL,
      '--catalog',
      CATALOG,
      '--rewriter',
      UNKNOWN,
      '--strict',
      '--chain',
      join(tmp, 'u'),
    ]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain(
      `rewrite ${UNKNOWN} makes the plan call unknown capabilities: no.such.capability (not in the catalog)`,
    );
  });
});

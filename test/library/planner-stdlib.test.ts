/**
 * From TypeScript too, the planner is standard library (no catalog, no grant), and a
 * run that used it records its catalog, so `openChain(...).replay()` reproduces it:
 * with a catalog file, after the file changed, and when the run failed.
 */
import { mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createRtfs, openChain, runAsync } from '../../src/library/index.js';
import { printValue } from '../../src/data/index.js';

const dir = mkdtempSync(join(tmpdir(), 'rtfs-library-planner-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const quiet = { out: () => undefined, log: () => undefined };
const GOAL = 'list open issues in acme/api labelled bug';
const SIGNALS = `(call "planner.extract_goal_signals" {:goal "${GOAL}"})`;
describe('the planner from createRtfs', () => {
  it('needs no catalog and no grant, and a plain run records no catalog', () => {
    const rtfs = createRtfs(quiet);
    const plain = rtfs.run('(+ 1 2)');
    expect(plain.ok).toBe(true);
    expect(rtfs.records().some((r) => r.action.type === 'ContentStored')).toBe(false);
    const r = rtfs.run(`(:goal_text (:goal_signals ${SIGNALS}))`);
    expect(r.ok && printValue(r.value)).toBe(`"${GOAL}"`);
    const stored = rtfs.records().filter((x) => x.action.type === 'ContentStored');
    expect(stored).toHaveLength(1);
    const replay = openChain(rtfs.chain).replay();
    expect(replay).toMatchObject({ ok: true, liveCalls: 0, reexecuted: 1 });
  });

  it('with a catalog file: the run replays from the stored catalog, even after the file changed', () => {
    const catalog = join(dir, 'catalog.rtfs');
    writeFileSync(catalog, readFileSync('examples/catalogs/default.rtfs', 'utf8'));
    const rtfs = createRtfs({ catalogs: [catalog], ...quiet });
    // The signals name the catalog's snapshot: a replay over another catalog would differ.
    const r = rtfs.run(`(:catalog_snapshot ${SIGNALS})`);
    const builtin = createRtfs(quiet).run(`(:catalog_snapshot ${SIGNALS})`);
    expect(r.ok && builtin.ok && r.value !== builtin.value).toBe(true);
    writeFileSync(catalog, '[]');
    const chain = openChain(rtfs.chain);
    const replay = chain.replay();
    expect(replay).toMatchObject({ ok: true, liveCalls: 0 });
    expect(replay.ok && replay.reexecuted).toBe(1);
    // Given the changed file explicitly, the replay names what changed.
    const changed = chain.replay({ catalogs: [catalog] });
    expect(changed.ok).toBe(false);
    expect(!changed.ok && changed.message).toMatch(/^the catalog changed since the run: /);
  });

  it('a failed run replays as failed', () => {
    const rtfs = createRtfs(quiet);
    const r = rtfs.run('(call "planner.synthesize_plan_steps" {:goal 42})');
    expect(r.ok).toBe(false);
    const replay = openChain(rtfs.chain).replay();
    expect(replay.ok && replay.failed?.code).toBe('capability/invalid-input');
  });
});

describe('the planner from runAsync', () => {
  it('needs no catalog, and its chain replays', async () => {
    const chain = join(dir, 'async-chain');
    const r = await runAsync(`(:goal_text (:goal_signals ${SIGNALS}))`, { chain, ...quiet });
    expect(r.ok && printValue(r.value)).toBe(`"${GOAL}"`);
    expect(openChain(chain).replay()).toMatchObject({ ok: true, liveCalls: 0 });
  });
});

/**
 * The catalog a planner run uses is stored in the chain once (a ContentStored record),
 * through `rtfs plan`'s progress tap too; the run report, the OTLP export and replay of a
 * chain that holds it all work, for the run that stored it and for a later one.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readRecords } from '../../src/audit/index.js';
import { rtfs } from './run-cli.js';

const CATALOG = 'examples/catalogs/default.rtfs';
const FLOW = 'test/fixtures/reference/cognitive_flow.rtfs';
const GOAL = 'list open issues in acme/api labelled bug and email a summary to the team';
const tmp = mkdtempSync(join(tmpdir(), 'rtfs-stored-catalog-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('a chain with stored catalog content', () => {
  const dir = join(tmp, 'chain');
  const report = join(tmp, 'first.html');

  it('stores the catalog once across runs, and the report shows it', () => {
    const first = rtfs([
      'plan',
      GOAL,
      '--flow',
      FLOW,
      '--catalog',
      CATALOG,
      '--chain',
      dir,
      '--report',
      report,
    ]);
    expect(first.code).toBe(0);
    // Piped, progress lines go to stderr.
    expect(first.stderr).toMatch(/^\[1\] extract_goal_signals started/);
    const second = rtfs(['plan', GOAL, '--catalog', CATALOG, '--chain', dir]);
    expect(second.code).toBe(0);
    const records = readRecords(dir);
    const runs = records.filter((r) => r.action.type === 'PlanStarted');
    expect(runs).toHaveLength(2);
    const stored = records.filter((r) => r.action.type === 'ContentStored');
    expect(stored).toHaveLength(1);
    expect(stored[0]?.action.run).toBe(runs[0]?.action.id);
    expect(readFileSync(report, 'utf8')).toMatch(
      /Catalog snapshot <span class=dim>sha256:[0-9a-f]{64} · \d+ characters, as the chain stores it/,
    );
  });

  it('reports the later run (its catalog found in the earlier run), replayed first', () => {
    const out = join(tmp, 'second.html');
    const r = rtfs(['chain', 'report', dir, '-o', out, '--replay']);
    expect(r.code).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('as the chain stores it');
    expect(html).not.toMatch(/diverged at/);
  });

  it('exports both runs as OTLP, the stored content an event of its run', () => {
    const out = join(tmp, 'trace.json');
    const r = rtfs(['chain', 'export', dir, '--format', 'otlp-json', '-o', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/: \d+ spans in 2 trace\(s\)/);
    const spans = (
      JSON.parse(readFileSync(out, 'utf8')) as {
        resourceSpans: {
          scopeSpans: { spans: { name: string; events?: { name: string }[] }[] }[];
        }[];
      }
    ).resourceSpans.flatMap((rs) => rs.scopeSpans.flatMap((s) => s.spans));
    const events = spans.flatMap((s) => (s.events ?? []).map((e) => `${s.name}: ${e.name}`));
    expect(events).toContain(`plan ${FLOW}: ContentStored`);
  });

  it('replays both runs from the stored catalog', () => {
    const ids = readRecords(dir)
      .filter((r) => r.action.type === 'PlanStarted')
      .map((r) => r.action.id);
    for (const id of ids) {
      const r = rtfs(['chain', 'replay', dir, '--run', id]);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/^REPLAY OK .*, 0 live calls\n$/);
    }
  });
});

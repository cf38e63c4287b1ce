import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDiagnosticLine } from '../../src/diagnostics/diagnostic.js';
import { createHostedRuntime, runProgram } from '../../src/host/index.js';
import { Keyword, RMap } from '../../src/data/index.js';
import { valueHash } from '../../src/audit/index.js';
import {
  catalogCapabilities,
  catalogContent,
  catalogSnapshot,
  loadCatalog,
  loadCatalogText,
  makeCatalog,
  mergeEntries,
} from '../../src/planner/index.js';
import { defaultCatalog, errorOf } from './helpers.js';

const ENTRY_A = `{:id "svc.get_thing" :description "Get a thing" :effects [:network :read]
  :input-schema [:map [:id :string]] :output-schema [:map [:thing :map]]}`;
const ENTRY_B = `{:id "svc.put_thing" :description "Put a thing" :effects [:network :write]
  :input-schema [:map [:thing :map]] :output-schema [:map [:ok :bool]]}`;

function codes(text: string, uri = 'c.rtfs'): string[] {
  return loadCatalogText(text, uri).diagnostics.map(formatDiagnosticLine);
}

describe('catalog loading (.rtfs)', () => {
  it('loads the default catalog: at least 40 external capabilities with typed schemas', () => {
    const c = defaultCatalog();
    const external = c.entries.filter((e) => !e.builtin);
    expect(external.length).toBeGreaterThanOrEqual(40);
    for (const e of external) {
      expect(e.inputSchema, e.id).not.toBeNull();
      expect(e.outputSchema, e.id).not.toBeNull();
      expect(e.effects.length, e.id).toBeGreaterThan(0);
    }
    expect(c.get('core.data.filter')?.builtin).toBe(true);
    expect(c.snapshot).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it('has a snapshot that does not depend on file order', () => {
    const a = loadCatalogText(`[${ENTRY_A}]`, 'a.rtfs').entries;
    const b = loadCatalogText(`[${ENTRY_B}]`, 'b.rtfs').entries;
    const ab = makeCatalog(mergeEntries([a, b]).entries);
    const ba = makeCatalog(mergeEntries([b, a]).entries);
    expect(ab.snapshot).toBe(ba.snapshot);
    expect(catalogSnapshot([...b, ...a])).toBe(ab.snapshot);
    expect(ab.entries.map((e) => e.id)).toEqual(['svc.get_thing', 'svc.put_thing']);
    const changed = loadCatalogText(
      `[${ENTRY_A.replace('Get a thing', 'Get one thing')}]`,
      'a.rtfs',
    );
    expect(makeCatalog(mergeEntries([changed.entries, b]).entries).snapshot).not.toBe(ab.snapshot);
  });

  it('stores as content the vector whose hash is the snapshot, built once', () => {
    const c = defaultCatalog();
    const content = catalogContent(c);
    expect(`sha256:${valueHash(content)}`).toBe(c.snapshot);
    expect(catalogContent(c)).toBe(content);
    // A catalog not made by makeCatalog gets its content built on first use.
    const copy = { entries: c.entries, snapshot: c.snapshot, get: c.get };
    expect(`sha256:${valueHash(catalogContent(copy))}`).toBe(c.snapshot);
  });

  it('reports a bad schema at its position (schemas are parsed with spans only to report)', () => {
    const text = `[{:id "svc.bad" :description "d" :effects [:pure]\n  :input-schema [:map [:x :nope]]}]`;
    expect(codes(text)).toEqual([
      expect.stringMatching(
        /^c\.rtfs:2:\d+: catalog\/bad-schema: :input-schema: unknown type :nope/,
      ),
    ]);
    expect(codes(text)).toEqual(codes(text));
  });

  it('reports an unknown key at its position', () => {
    expect(codes(`[{:id "a.b" :description "d" :effects [:pure] :colour "red"}]`)).toEqual([
      'c.rtfs:1:47: catalog/invalid-entry: unknown catalog key :colour (expected one of :id :name :description :provider :effects :input-schema :output-schema :metadata :aliases)',
    ]);
  });

  it('reports missing keys, bad ids, bad effects and bad schemas', () => {
    expect(codes(`[{:id "a.b" :effects [:pure]}]`)[0]).toMatch(
      /^c\.rtfs:1:2: catalog\/invalid-entry: a catalog entry needs :description/,
    );
    expect(codes(`[{:id "nodot" :description "d" :effects [:pure]}]`)[0]).toMatch(
      /c\.rtfs:1:7: catalog\/invalid-entry: capability id "nodot" must be dotted/,
    );
    expect(codes(`[{:id "a.b" :description "d" :effects [:teleport]}]`)[0]).toMatch(
      /c\.rtfs:1:39: catalog\/invalid-entry: unknown effect :teleport/,
    );
    expect(
      codes(
        `[{:id "a.b" :description "d" :effects [:pure]\n  :input-schema [:map [:x :strnig]]}]`,
      )[0],
    ).toMatch(/^c\.rtfs:2:17: catalog\/bad-schema: :input-schema: /);
    expect(codes(`[{:id "a.b" :description 7 :effects [:pure]}]`)[0]).toMatch(
      /catalog\/invalid-entry: :description must be a string, got integer/,
    );
  });

  it('reports syntax errors and a top level that is not one vector', () => {
    expect(codes(`[{:id "a.b"`)[0]).toMatch(
      /^c\.rtfs:\d+:\d+: catalog\/syntax: syntax\/unclosed-delimiter/,
    );
    expect(codes(`{:id "a.b"}`)[0]).toMatch(
      /catalog\/invalid-entry: a catalog file holds one vector of capability maps, got map/,
    );
    expect(codes(`[1]`)[0]).toMatch(
      /c\.rtfs:1:2: catalog\/invalid-entry: catalog entry 1 must be a map, got integer/,
    );
  });

  it('reports duplicate ids across files and against built-ins, and unreadable files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rtfs-cat-'));
    writeFileSync(join(dir, 'a.rtfs'), `[${ENTRY_A}]`);
    writeFileSync(
      join(dir, 'b.rtfs'),
      `[${ENTRY_A}\n {:id "core.data.filter" :description "mine" :effects [:pure]}]`,
    );
    const r = loadCatalog([join(dir, 'a.rtfs'), join(dir, 'b.rtfs'), join(dir, 'missing.rtfs')]);
    const lines = r.diagnostics.map(formatDiagnosticLine);
    expect(lines).toContainEqual(
      expect.stringMatching(/missing\.rtfs:1:1: catalog\/unreadable: cannot read catalog/),
    );
    expect(lines).toContainEqual(
      expect.stringMatching(
        /b\.rtfs:1:2: catalog\/duplicate-id: capability "svc.get_thing" is declared twice$/,
      ),
    );
    expect(lines).toContainEqual(
      expect.stringMatching(
        /b\.rtfs:3:2: catalog\/duplicate-id: capability "core.data.filter" is declared twice \(it is built in\)/,
      ),
    );
    expect(r.catalog.get('svc.get_thing')?.description).toBe('Get a thing');
  });
});

describe('catalog loading (.json)', () => {
  it('loads entries with RTFS schema strings', () => {
    const r = loadCatalogText(
      JSON.stringify({
        capabilities: [
          {
            id: 'svc.get',
            description: 'get',
            effects: ['network', 'read'],
            input_schema: '[:map [:id :int]]',
            output_schema: ':string',
            aliases: ['svc.fetch'],
          },
        ],
      }),
      'c.json',
    );
    expect(r.diagnostics).toEqual([]);
    expect(r.entries[0]?.id).toBe('svc.get');
    expect(r.entries[0]?.aliases).toEqual(['svc.fetch']);
  });

  it('validates with zod: paths in messages', () => {
    const r = loadCatalogText(JSON.stringify([{ id: 'svc.get', effects: ['fly'] }]), 'c.json');
    const msgs = r.diagnostics.map((d) => `${d.code}: ${d.message}`);
    expect(msgs).toContainEqual(
      expect.stringMatching(/^catalog\/invalid-entry: \[0\]\.effects\[0\]: /),
    );
    expect(msgs).toContainEqual(
      expect.stringMatching(/^catalog\/invalid-entry: \[0\]\.description: /),
    );
  });

  it('reports invalid JSON at its position and bad schema strings', () => {
    const bad = loadCatalogText('[{"id": "a.b",, }]', 'c.json');
    expect(bad.diagnostics[0]?.code).toBe('catalog/syntax');
    expect(formatDiagnosticLine(bad.diagnostics[0]!)).toMatch(/^c\.json:1:1[45]: /);
    const schema = loadCatalogText(
      JSON.stringify([
        { id: 'a.b', description: 'd', effects: ['pure'], input_schema: '[:map [:x :nope]]' },
      ]),
      'c.json',
    );
    expect(schema.diagnostics.map((d) => d.code)).toEqual(['catalog/bad-schema']);
  });
});

describe('catalogCapabilities', () => {
  const caps = catalogCapabilities(loadCatalogText(`[${ENTRY_A}]`, 'a.rtfs').entries);

  it('marks entries external and fails a full run with capability/unavailable', () => {
    expect(caps).toHaveLength(1);
    expect(caps[0]?.external).toBe(true);
    const h = createHostedRuntime({ policy: { allow: ['*'], deny: [] }, capabilities: caps });
    const r = runProgram(h, '(call "svc.get_thing" {:id "1"})', 't.rtfs');
    expect(r.ok).toBe(false);
    expect(errorOf(r)?.code).toBe('capability/unavailable');
    expect(errorOf(r)?.message).toBe(
      'no provider for external capability svc.get_thing; run with --dry-run or configure a provider',
    );
  });

  it('validates inputs against the schema and simulates in a dry run', () => {
    const h = createHostedRuntime({
      policy: { allow: ['*'], deny: [] },
      capabilities: caps,
      dryRun: true,
    });
    expect(errorOf(runProgram(h, '(call "svc.get_thing" {:id 1})', 't.rtfs'))?.code).toBe(
      'capability/invalid-input',
    );
    const ok = runProgram(h, '(call "svc.get_thing" {:id "1"})', 't.rtfs');
    expect(ok.ok).toBe(true);
    expect(ok.ok && ok.value instanceof RMap && ok.value.get(Keyword.of('simulated'))).toBe(true);
  });
});

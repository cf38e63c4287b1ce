/** The catalog cache (src/planner/catalog/cache.ts, ADR 0060): a hit is the load it replaces. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { canonicalValue } from '../../../src/audit/index.js';
import { printValue } from '../../../src/data/index.js';
import {
  type Catalog,
  type CatalogCacheStore,
  type CatalogEntry,
  catalogCapabilities,
  catalogContent,
  loadCatalog,
} from '../../../src/planner/index.js';

/** A store in memory that counts its reads and writes. */
function memoryStore(codeId = 'build-1'): CatalogCacheStore & {
  files: Map<string, string>;
  writes: number;
} {
  const files = new Map<string, string>();
  const store = {
    codeId,
    files,
    writes: 0,
    read: (name: string) => {
      const t = files.get(name);
      return t === undefined ? undefined : Buffer.from(t, 'utf8');
    },
    write: (name: string, text: string) => {
      store.writes++;
      files.set(name, text);
    },
  };
  return store;
}

function tempFile(name: string, text: string): string {
  const p = join(mkdtempSync(join(tmpdir(), 'rtfs-catcache-')), name);
  writeFileSync(p, text);
  return p;
}

/** Everything a catalog holds, as text (entries without their spans: a hit has none). */
function picture(c: Catalog): string {
  const entry = (e: CatalogEntry): string =>
    JSON.stringify([
      e.id,
      e.name,
      e.description,
      e.provider,
      e.effects,
      Object.entries(e.metadata),
      e.aliases,
      e.builtin,
      printValue(e.inputSchema),
      printValue(e.outputSchema),
    ]);
  return [c.snapshot, ...c.entries.map(entry)].join('\n');
}

// Metadata out of key order, maps inside schemas out of canonical order, strings that
// need escapes, a key below '"' in code-point order: what a cache must give back as read.
const CATALOG = `[
  {:id "b.second" :description "Second \\"quoted\\" ü 😀 \\n line" :effects [:network]
   :metadata {:zeta "1" :alpha "2" :10 "ten" :9 "nine"}
   :input-schema [:map [:x :string]]
   :output-schema [:map [:n :int] [:meta [:enum {:z 1 :a 2} {:b 1}]]]}
  {:id "a.first" :description "First" :effects [:read] :aliases ["z-alias" "a-alias"]
   :metadata {:a "1" :b "2"}
   :input-schema [:map [:q :string]] :output-schema :any}
  {:id "c.third" :description "Third" :effects [:pure] :metadata {"a b" "x" :a "y"}}
]`;

describe('catalog cache', () => {
  it('a hit gives the catalog the load gave: entries, orders, snapshot and content text', () => {
    const file = tempFile('c.rtfs', CATALOG);
    const store = memoryStore();
    const miss = loadCatalog([file], { cache: store });
    expect(miss.diagnostics).toEqual([]);
    expect(store.writes).toBe(1);
    const hit = loadCatalog([file], { cache: store });
    expect(store.writes).toBe(1);
    expect(hit.diagnostics).toEqual([]);
    expect(picture(hit.catalog)).toBe(picture(miss.catalog));
    expect(picture(hit.catalog)).toBe(picture(loadCatalog([file]).catalog));
    expect(canonicalValue(catalogContent(hit.catalog))).toBe(
      canonicalValue(catalogContent(miss.catalog)),
    );
    expect(printValue(catalogContent(hit.catalog))).toBe(printValue(catalogContent(miss.catalog)));
    // Orders as read: metadata and the map inside a schema.
    const second = hit.catalog.get('b.second');
    expect(Object.keys(second?.metadata ?? {})).toEqual(['9', '10', 'zeta', 'alpha']);
    expect(printValue(second?.outputSchema ?? null)).toBe(
      '[:map [:n :int] [:meta [:enum {:z 1 :a 2} {:b 1}]]]',
    );
    // The capabilities of a hit parse their schema types when read.
    const caps = catalogCapabilities(hit.catalog.entries);
    const want = catalogCapabilities(miss.catalog.entries);
    expect(caps.map((c) => [c.id, c.inputSchema, c.outputSchema])).toEqual(
      want.map((c) => [c.id, c.inputSchema, c.outputSchema]),
    );
  });

  it('keys on the code, the built-ins, the paths and every byte of the files', () => {
    const file = tempFile('c.rtfs', CATALOG);
    const store = memoryStore();
    loadCatalog([file], { cache: store });
    loadCatalog([file], { cache: store, builtins: false });
    expect(store.files.size).toBe(2);
    loadCatalog([file], { cache: memoryStore('build-2') });
    const other = memoryStore('build-2');
    other.files = store.files;
    loadCatalog([file], { cache: { ...other, read: store.read, write: store.write } });
    expect(store.files.size).toBe(3);
    writeFileSync(file, CATALOG.replace('First', 'Firsт'));
    const changed = loadCatalog([file], { cache: store });
    expect(store.files.size).toBe(4);
    expect(changed.catalog.get('a.first')?.description).toBe('Firsт');
  });

  it('a damaged or foreign file is no cache: the load runs and writes it again', () => {
    const file = tempFile('c.rtfs', CATALOG);
    const fresh = picture(loadCatalog([file]).catalog);
    const store = memoryStore();
    loadCatalog([file], { cache: store });
    const [name, text] = [...store.files][0] as [string, string];
    const damages = [
      text.slice(0, text.length - 1),
      text.replace('"First"', '"Forst"'),
      text.replace(/sha256:([0-9a-f])/, (_m, d: string) => `sha256:${d === '0' ? '1' : '0'}`),
      text.replace('rtfs-catalog-cache/1', 'rtfs-catalog-cache/9'),
      text.replace(/"key":"([0-9a-f])/, (_m, d: string) => `"key":"${d === '0' ? '1' : '0'}`),
      '',
      'not json\n[]\n[]',
      '\u0000'.repeat(100),
    ];
    for (const damaged of damages) {
      store.files.set(name, damaged);
      const before = store.writes;
      const r = loadCatalog([file], { cache: store });
      expect(picture(r.catalog)).toBe(fresh);
      expect(store.writes).toBe(before + 1);
    }
  });

  it('stores nothing for a catalog with diagnostics, and reports them as without a cache', () => {
    const bad = tempFile('bad.rtfs', '[{:id "nodot" :description "x" :effects [:read]}]');
    const store = memoryStore();
    const r = loadCatalog([bad], { cache: store });
    expect(r.diagnostics.map((d) => d.message)).toEqual(
      loadCatalog([bad]).diagnostics.map((d) => d.message),
    );
    expect(r.diagnostics.length).toBeGreaterThan(0);
    expect(store.writes).toBe(0);
    const missing = join(tmpdir(), 'rtfs-no-such-catalog.rtfs');
    const m = loadCatalog([missing], { cache: store });
    expect(m.diagnostics.map((d) => d.code)).toEqual(['catalog/unreadable']);
    expect(store.writes).toBe(0);
  });

  it('caches JSON catalogs as well', () => {
    const json = tempFile(
      'c.json',
      JSON.stringify([
        {
          id: 'j.one',
          description: 'One',
          effects: ['read'],
          metadata: { z: '1', a: '2' },
          input_schema: '[:map [:a :string]]',
        },
      ]),
    );
    const store = memoryStore();
    const miss = loadCatalog([json], { cache: store });
    const hit = loadCatalog([json], { cache: store });
    expect(store.writes).toBe(1);
    expect(picture(hit.catalog)).toBe(picture(miss.catalog));
    expect(Object.keys(hit.catalog.get('j.one')?.metadata ?? {})).toEqual(['a', 'z']);
  });
});

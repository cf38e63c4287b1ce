/**
 * `rtfs plan` keeps each catalog it loads in the user's cache directory (ADR 0060): the
 * plan made from the cache is the plan made from the files, a damaged cache file is
 * replaced, and RTFS_CATALOG_CACHE=0 turns the cache off.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { rtfs } from './run-cli.js';

const GOAL = 'list open issues in acme/api labelled bug and email a summary to the team';
const CATALOGS = [
  '--catalog',
  'examples/catalogs/default.rtfs',
  '--catalog',
  'examples/catalogs/shop.rtfs',
];
const tmp = mkdtempSync(join(tmpdir(), 'rtfs-catalog-cache-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

let runs = 0;
function plan(
  cache: string,
  extra: Record<string, string> = {},
): { code: number | null; json: Record<string, unknown> } {
  const r = rtfs(['plan', GOAL, ...CATALOGS, '--json', '--chain', join(tmp, `chain-${runs++}`)], {
    env: { RTFS_CACHE_DIR: cache, ...extra },
  });
  return { code: r.code, json: JSON.parse(r.stdout) as Record<string, unknown> };
}

/** What a plan decides (ids and timestamps differ between runs). */
function decided(json: Record<string, unknown>): unknown {
  return [
    json['final_plan'],
    json['final_plan_hash'],
    json['result'],
    json['gaps'],
    json['meta_plan_hash'],
  ];
}

const catalogFiles = (dir: string): string[] =>
  readdirSync(dir).filter((f) => f.startsWith('catalog-') && f.endsWith('.json'));

describe('the catalog cache of rtfs plan', () => {
  it('plans the same from the cache as from the files', () => {
    const cache = join(tmp, 'cache');
    const first = plan(cache);
    expect(first.code).toBe(0);
    expect(catalogFiles(cache)).toHaveLength(1);
    const second = plan(cache);
    expect(second.code).toBe(0);
    expect(decided(second.json)).toEqual(decided(first.json));
    const uncached = plan(join(tmp, 'other'), { RTFS_CATALOG_CACHE: '0' });
    expect(decided(uncached.json)).toEqual(decided(first.json));
    expect(catalogFiles(join(tmp, 'other'))).toEqual([]);
  });

  it('replaces a damaged cache file and plans as before', () => {
    const cache = join(tmp, 'damaged');
    const first = plan(cache);
    const [name] = catalogFiles(cache);
    const file = join(cache, name as string);
    const good = readFileSync(file, 'utf8');
    writeFileSync(file, good.replace('"description"', '"descriptioN"').slice(0, -10));
    const second = plan(cache);
    expect(second.code).toBe(0);
    expect(decided(second.json)).toEqual(decided(first.json));
    expect(readFileSync(file, 'utf8')).toBe(good);
  });
});

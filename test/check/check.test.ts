import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Source } from '../../src/index.js';
import { checkSource, catalogIds } from '../../src/check/index.js';

const FIXTURES = join(import.meta.dirname, 'fixtures');
const fixtures = readdirSync(FIXTURES).filter((f) => f.endsWith('.rtfs'));

function check(text: string, opts = {}): string[] {
  return checkSource(new Source('t.rtfs', text), opts).map((d) => {
    const p = d.span.source.position(d.span.start);
    return `${p.line}:${p.column} ${d.severity} ${d.code}`;
  });
}

describe('rtfs check fixtures', () => {
  for (const name of fixtures) {
    it(`${name}: reports exactly the expected diagnostics`, () => {
      const text = readFileSync(join(FIXTURES, name), 'utf8');
      const expected = readFileSync(join(FIXTURES, name.replace(/\.rtfs$/, '.expected')), 'utf8')
        .split('\n')
        .filter((l) => l.trim() !== '');
      expect(check(text)).toEqual(expected);
    });
  }
});

describe('checkSource', () => {
  it('reports every syntax error and nothing else when the text does not read', () => {
    expect(check('(foo]\n{:a}\n(undefined-but-not-reported)')).toEqual([
      '1:5 error syntax/mismatched-delimiter',
      '2:1 error syntax/odd-map-entries',
    ]);
  });

  it('does not run the program', () => {
    // Running would fail (division by zero, a capability call without a host).
    const text = '(/ 1 0) (def x (call "ccos.echo" {:message "hi"})) (x)';
    expect(checkSource(new Source('t.rtfs', text))).toEqual([]);
  });

  it('analyzes forms in a top-level do one by one', () => {
    expect(check('(do (defn f [x] x) (f 1 2) (g))')).toEqual([
      '1:20 error check/arity-mismatch',
      '1:29 error analysis/unbound-symbol',
    ]);
  });

  it('checks the bodies of inline modules and sees their exports through imports', () => {
    const text = [
      '(module m (:exports [f]) (defn f [x] x) (defn g [] (oops)))',
      '(import m :as m)',
      '(m/f 1)',
      '(m/nothing)',
    ].join('\n');
    expect(check(text)).toEqual([
      '1:53 error analysis/unbound-symbol',
      '4:2 error analysis/unbound-symbol',
    ]);
  });

  it('makes unknown capabilities errors when a catalog is given', () => {
    const text = '(call "vendor.weather" {}) (call "vendor.other" {})';
    expect(check(text, { catalog: ['vendor.weather'] })).toEqual([
      '1:34 error check/unknown-capability',
    ]);
  });

  it('passes every example program', () => {
    const dir = 'examples';
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.rtfs'))) {
      const file = join(dir, f);
      const ds = checkSource(new Source(file, readFileSync(file, 'utf8')));
      expect(ds.map((d) => `${file}: ${d.code}: ${d.message}`)).toEqual([]);
    }
  });
});

describe('catalogIds', () => {
  it('reads ids from RTFS data', () => {
    expect(catalogIds('[{:id "a.b" :doc "x"} {:id "c.d"}]', 'c.rtfs')).toEqual({
      ids: ['a.b', 'c.d'],
    });
  });

  it('reads ids from JSON (an array, or {"capabilities": [...]})', () => {
    expect(catalogIds('[{"id": "a.b"}]', 'c.json')).toEqual({ ids: ['a.b'] });
    expect(catalogIds('{"capabilities": [{"id": "x"}]}', 'c.json')).toEqual({ ids: ['x'] });
  });

  it('explains a bad catalog', () => {
    expect(catalogIds('[{:name "a"}]', 'c.rtfs')).toEqual({
      error: 'c.rtfs: every entry needs a string :id',
    });
    expect('error' in catalogIds('{', 'c.json')).toBe(true);
  });
});

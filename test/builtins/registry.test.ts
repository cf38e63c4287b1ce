import { describe, it, expect } from 'vitest';
import { createBuiltins } from '../../src/builtins/index.js';
import { RtfsError } from '../../src/runtime/errors.js';
import { createRuntime } from '../../src/create-runtime.js';
import { printValue } from '../../src/data/index.js';

const builtins = createBuiltins({ out: () => undefined, log: () => undefined });

/** stdlib.md §18, tier 1 and tier 2, minus special forms and host-backed names. */
const REQUIRED = `
  + - * / mod inc dec abs min max round
  = not= != < > <= >= not
  nil? some? empty? string? number? int? float? bool? keyword? map? vector? list? fn? zero? pos? neg?
  str substring subs string-length split join string-join string-upper upper-case string-lower
  lower-case string-trim trim starts-with? ends-with? string-contains string-contains? includes?
  replace blank? re-find re-matches re-seq name keyword
  parse-int parse-float int float type-name
  vector vec hash-map count first second last rest nth cons conj concat take drop take-while
  reverse sort sort-by distinct partition range into frequencies flatten
  get get-in assoc assoc-in dissoc update update-in keys vals merge select-keys contains?
  keywordize-keys
  map filter remove reduce apply map-indexed mapcat keep some every? group-by identity comp partial
  parse-json tool/parse-json serialize-json tool/serialize-json serialize-json-pretty
  tool/serialize-json-pretty
  log tool/log tool.log println
  ex-info ex-message getMessage Exception. error
  pow sqrt factorial numbers even? odd? rem quot floor ceil compare coll? true? false? boolean?
  string-p length list next butlast drop-while partition-all repeat interpose subvec zipmap find
  merge-with stringify-keys reduce-kv mapv not-any? constantly complement format index-of
  split-lines
`
  .trim()
  .split(/\s+/);

describe('builtin registry', () => {
  it('has no duplicate names', () => {
    const names = builtins.map((b) => b.name as string);
    const dupes = names.filter((n, i) => names.indexOf(n) !== i);
    expect(dupes).toEqual([]);
  });

  it('binds every tier-1 and tier-2 name of the reference inventory', () => {
    const names = new Set(builtins.map((b) => b.name));
    expect(REQUIRED.filter((n) => !names.has(n))).toEqual([]);
  });

  it('does not define throw as a function', () => {
    expect(builtins.some((b) => b.name === 'throw')).toBe(false);
  });

  it('every builtin checks its declared arity before running', () => {
    for (const b of builtins) {
      expect(b.min).toBeLessThanOrEqual(b.max);
      if (b.min > 0) {
        let code = '';
        try {
          b.invoke(new Array(b.min - 1).fill(null));
        } catch (e) {
          code = e instanceof RtfsError ? e.code : String(e);
        }
        expect(`${b.name}: ${code}`).toBe(`${b.name}: runtime/arity-mismatch`);
      }
      if (b.max !== Infinity) {
        let code = '';
        try {
          b.invoke(new Array(b.max + 1).fill(null));
        } catch (e) {
          code = e instanceof RtfsError ? e.code : String(e);
        }
        expect(`${b.name}: ${code}`).toBe(`${b.name}: runtime/arity-mismatch`);
      }
    }
  });

  it('builtins never leak JS exceptions on nil arguments', () => {
    for (const b of builtins) {
      for (let n = b.min; n <= Math.min(b.max, b.min + 2); n++) {
        try {
          b.invoke(new Array(n).fill(null));
        } catch (e) {
          if (!(e instanceof RtfsError)) throw new Error(`${b.name} with ${n} nils threw ${e}`);
        }
      }
    }
  });

  it('a runtime binds every builtin under its name', () => {
    const rt = createRuntime({ out: () => undefined, log: () => undefined });
    const unbound = builtins.filter((b) => rt.globals.lookup(b.name as string) === undefined);
    expect(unbound.map((b) => b.name)).toEqual([]);
    const o = rt.evalString('(every? fn? [map reduce parse-json tool/log])');
    expect(o.ok && o.value).toBe(true);
  });
});

describe('robustness', () => {
  it('any argument mix returns a printable value or raises an RTFS error, never a JS exception', () => {
    const rt = createRuntime({ out: () => undefined, log: () => undefined });
    const o = rt.evalString(
      '[nil true 0 -1 2.5 ##NaN "" "ab😀" :k (quote s) [] [1 "a"] (list 1) {} {:a 1} inc (ex-info "e" {})]',
    );
    if (!o.ok) throw new Error('sample values did not evaluate');
    const samples = (o.value as { toArray(): unknown[] }).toArray() as never[];
    let seed = 7;
    const pick = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return samples[seed % samples.length] as never;
    };
    const failures: string[] = [];
    const attempt = (name: string, args: never[]) => {
      try {
        const b = builtins.find((x) => x.name === name);
        const v = b?.invoke(args);
        if (v === undefined) failures.push(`${name} ${args.length}: returned undefined`);
        else printValue(v);
      } catch (e) {
        if (!(e instanceof RtfsError)) failures.push(`${name} ${args.length}: ${String(e)}`);
      }
    };
    for (const b of builtins) {
      const name = b.name as string;
      if (b.min <= 1 && b.max >= 1) for (const a of samples) attempt(name, [a]);
      if (b.min <= 2 && b.max >= 2)
        for (const a of samples) for (const c of samples) attempt(name, [a, c]);
      if (b.min <= 3 && b.max >= 3)
        for (let i = 0; i < 300; i++) attempt(name, [pick(), pick(), pick()]);
    }
    expect(failures.slice(0, 20)).toEqual([]);
  });
});

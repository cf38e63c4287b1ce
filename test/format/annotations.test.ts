/**
 * `rtfs fmt` respells type annotations (format/annotations.ts). These tests check the
 * canonical spelling and that respelling never changes meaning: every case of the
 * golden file of annotation spellings gives the same result formatted and unformatted.
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import {
  evaluatorEngine,
  goldenDir,
  loadGoldenFile,
  parseGoldenFile,
  render,
} from '../golden/harness.js';
import { readFileSync } from 'node:fs';
import { formatSource } from '../../src/format/index.js';

const FILE = 'types/annotation-spellings.rtfs';

function fmt(text: string): string {
  const r = formatSource(text);
  if (!r.ok) throw new Error(r.diagnostics.map((d) => `${d.code}: ${d.message}`).join('\n'));
  return r.text;
}

describe('canonical annotation spelling', () => {
  it.each([
    ['(fn [x : Int] : Int (+ x 1))', '(fn [x :int] :int (+ x 1))'],
    ['(fn [x    :    Int] x)', '(fn [x :int] x)'],
    ['(fn [x : :int] x)', '(fn [x :int] x)'],
    ['(fn [x : [:vector :int]] x)', '(fn [x :[:vector :int]] x)'],
    ['(fn [x [:vector :int]] x)', '(fn [x :[:vector :int]] x)'],
    ['(defn f [& rest : [:vector :string]] rest)', '(defn f [& rest :[:vector :string]] rest)'],
    ['(let [x:int 42] x)', '(let [x :int 42] x)'],
    ['(def y:int 100)', '(def y :int 100)'],
    ['(def y : String? nil)', '(def y :string? nil)'],
    ['(def y: Int 1)', '(def y :int 1)'],
    ['(fn [x:int y:int] (+ x y))', '(fn [x :int y :int] (+ x y))'],
    ['(let [m :[:map [:name :string]] {}] m)', '(let [m :[:map [:name :string]] {}] m)'],
    ['(let [x :Int 1] x)', '(let [x :int 1] x)'],
    ['(defn g ([a : Int] : Int a) ([a b] b))', '(defn g ([a :int] :int a) ([a b] b))'],
    ['(defn h "doc" [x : Bool] x)', '(defn h "doc" [x :bool] x)'],
    ['(loop [i : Int 0] i)', '(loop [i :int 0] i)'],
    // Values are not annotations and stay as written.
    ['(let [s :ok] s)', '(let [s :ok] s)'],
    ['(def x :ok)', '(def x :ok)'],
    ['(fn [] :keyword :ok)', '(fn [] :keyword :ok)'],
    ["'[x : Int]", "'[x : Int]"],
  ])('%s', (input, output) => {
    expect(fmt(input)).toBe(`${output}\n`);
    expect(fmt(fmt(input))).toBe(fmt(input));
  });

  it('gives every case of the spellings golden file the same result', () => {
    const text = readFileSync(join(goldenDir, FILE), 'utf8');
    const formatted = fmt(text);
    expect(formatted).not.toBe(text);
    const before = loadGoldenFile(FILE).cases;
    const after = parseGoldenFile(formatted, FILE).cases;
    expect(after.length).toBe(before.length);
    const run = (cases: typeof before): string[] => {
      const session = evaluatorEngine.session();
      return cases.map((c) => render(session.evalString(c.source, join(goldenDir, c.file))));
    };
    expect(run(after)).toEqual(run(before));
  });
});

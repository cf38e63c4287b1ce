/**
 * The workloads of the peer comparison (`npm run bench:peers`), each written idiomatically
 * in every dialect: RTFS, ClojureScript as nbb and cherry run it, squint's ClojureScript
 * where squint needs its own idiom (its vectors and maps are mutable JS arrays and
 * objects, so `conj`/`assoc` copy: a persistent build of 100k+ items is quadratic and the
 * idiom is `transient` + `conj!`/`assoc!`, which mutate), and plain JavaScript, the
 * normaliser. Each program defines `run`, a function of no arguments returning a number;
 * `main` prints it. `size` scales the input: the bench uses 1, the correctness test
 * (test/bench/peers.test.ts) a small fraction, and every tool must print the same number.
 */
export interface Dialects {
  /** RTFS definitions; `(run)` as the last form makes `rtfs run` print the result. */
  readonly rtfs: string;
  /** ClojureScript for nbb and cherry. */
  readonly cljs: string;
  /** squint's version when it differs from `cljs`. */
  readonly squint?: string;
  /** A JavaScript module body defining `function run()`. */
  readonly js: string;
}

export interface PeerWorkload {
  readonly id: string;
  /** The row label. */
  readonly label: string;
  /** Programs for a size factor in (0, 1]. */
  readonly programs: (size: number) => Dialects;
  /** What differs in squint's version, for the table's footnote. */
  readonly squintNote?: string;
  /** The start-up row: the whole process against `node` running the JS version. */
  readonly startup?: boolean;
}

const scaled = (n: number, size: number): number => Math.max(10, Math.round(n * size));

const startup: PeerWorkload = {
  id: 'startup',
  label: 'start-up `(+ 1 2)`, whole process vs node',
  startup: true,
  programs: () => ({
    rtfs: '(defn run [] (+ 1 2))',
    cljs: '(defn run [] (+ 1 2))',
    js: 'function run() { return 1 + 2; }',
  }),
};

const fib: PeerWorkload = {
  id: 'fib',
  label: 'naive `fib 30` (function calls)',
  programs: (size) => {
    const n = size >= 1 ? 30 : 15;
    return {
      rtfs: `(defn fib [n] (if (< n 2) n (+ (fib (- n 1)) (fib (- n 2)))))
(defn run [] (fib ${n}))`,
      cljs: `(defn fib [n] (if (< n 2) n (+ (fib (- n 1)) (fib (- n 2)))))
(defn run [] (fib ${n}))`,
      js: `function fib(n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }
function run() { return fib(${n}); }`,
    };
  },
};

const pipeline: PeerWorkload = {
  id: 'pipeline',
  label: '200k `map inc` → `filter even?` → `reduce +`',
  programs: (size) => {
    const n = scaled(200000, size);
    return {
      rtfs: `(defn run [] (reduce + (filter even? (map inc (range ${n})))))`,
      cljs: `(defn run [] (reduce + (filter even? (map inc (range ${n})))))`,
      js: `function run() {
  const xs = [];
  for (let i = 0; i < ${n}; i++) xs.push(i);
  return xs.map((x) => x + 1).filter((x) => x % 2 === 0).reduce((a, b) => a + b, 0);
}`,
    };
  },
};

const vectors: PeerWorkload = {
  id: 'vectors',
  label: '1M `conj` onto a vector, then 1M random `nth`',
  squintNote: 'squint: `transient` + `conj!` (its `conj` copies the array)',
  programs: (size) => {
    const n = scaled(1000000, size);
    const read = `(loop [i 0 acc 0]
      (if (< i n) (recur (inc i) (+ acc (nth v (mod (* i 7919) n)))) acc))`;
    return {
      rtfs: `(defn run []
  (let [n ${n}
        v (loop [i 0 v []] (if (< i n) (recur (inc i) (conj v i)) v))]
    ${read}))`,
      cljs: `(defn run []
  (let [n ${n}
        v (loop [i 0 v []] (if (< i n) (recur (inc i) (conj v i)) v))]
    ${read}))`,
      squint: `(defn run []
  (let [n ${n}
        v (persistent! (loop [i 0 v (transient [])] (if (< i n) (recur (inc i) (conj! v i)) v)))]
    ${read}))`,
      js: `function run() {
  const n = ${n};
  const v = [];
  for (let i = 0; i < n; i++) v.push(i);
  let acc = 0;
  for (let i = 0; i < n; i++) acc += v[(i * 7919) % n];
  return acc;
}`,
    };
  },
};

const strings: PeerWorkload = {
  id: 'strings',
  label: '100k strings: `str`, `join`, `split`, `count`',
  programs: (size) => {
    const n = scaled(100000, size);
    const body = (join: string, split: string) => `(defn run []
  (let [parts (mapv (fn [i] (str "item-" i ":" (* i 3))) (range ${n}))
        joined (${join} "," parts)
        back ${split}]
    (+ (count joined) (reduce (fn [acc s] (+ acc (count s))) 0 back))))`;
    const cljs = `(ns bench (:require [clojure.string :as str]))
${body('str/join', '(str/split joined #",")')}`;
    return {
      rtfs: body('join', '(split joined ",")'),
      cljs,
      js: `function run() {
  const parts = [];
  for (let i = 0; i < ${n}; i++) parts.push("item-" + i + ":" + i * 3);
  const joined = parts.join(",");
  const back = joined.split(",");
  let acc = 0;
  for (const s of back) acc += s.length;
  return joined.length + acc;
}`,
    };
  },
};

const sorting: PeerWorkload = {
  id: 'sort',
  label: 'sort 200k ints + `sort-by` 50k maps',
  programs: (size) => {
    const n = scaled(200000, size);
    const m = scaled(50000, size);
    // 200003 is prime, so the n values are distinct; ages repeat (a stable sort keeps
    // equal ages in input order, which the checksum sees).
    const src = `(def xs (mapv (fn [i] (mod (* i 7919) 200003)) (range ${n})))
(def people (mapv (fn [i] {:id i :age (mod (* i 31) 97)}) (range ${m})))
(defn run []
  (let [s (sort xs)
        by (sort-by :age people)]
    (+ (nth s 0) (nth s ${n >> 1}) (nth s ${n - 1})
       (:id (nth by 0)) (:id (nth by ${m >> 1})) (:id (nth by ${m - 1})))))`;
    return {
      rtfs: src,
      cljs: src,
      js: `const xs = Array.from({ length: ${n} }, (_, i) => (i * 7919) % 200003);
const people = Array.from({ length: ${m} }, (_, i) => ({ id: i, age: (i * 31) % 97 }));
function run() {
  const s = [...xs].sort((a, b) => a - b);
  const by = [...people].sort((a, b) => a.age - b.age);
  return s[0] + s[${n >> 1}] + s[${n - 1}] + by[0].id + by[${m >> 1}].id + by[${m - 1}].id;
}`,
    };
  },
};

const maps: PeerWorkload = {
  id: 'maps',
  label: '100k keyword-key map: build, then update every key',
  squintNote: 'squint: `transient` + `assoc!` (its `assoc` copies the object)',
  programs: (size) => {
    const n = scaled(100000, size);
    const keys = `(def ks (mapv (fn [i] (keyword (str "k" i))) (range ${n})))`;
    const result = `(+ (count m2) (get m2 :k7) (get m2 (nth ks ${n - 1})))`;
    const persistent = `${keys}
(defn run []
  (let [m (reduce (fn [m k] (assoc m k 1)) {} ks)
        m2 (reduce (fn [m k] (update m k inc)) m ks)]
    ${result}))`;
    return {
      rtfs: persistent,
      cljs: persistent,
      squint: `${keys}
(defn run []
  (let [m (persistent! (reduce (fn [m k] (assoc! m k 1)) (transient {}) ks))
        m2 (persistent! (reduce (fn [m k] (assoc! m k (inc (get m k)))) (transient m) ks))]
    ${result}))`,
      js: `const ks = Array.from({ length: ${n} }, (_, i) => "k" + i);
function run() {
  const m = new Map();
  for (const k of ks) m.set(k, 1);
  for (const k of ks) m.set(k, m.get(k) + 1);
  return m.size + m.get("k7") + m.get(ks[${n - 1}]);
}`,
    };
  },
};

export const peerWorkloads: readonly PeerWorkload[] = [
  startup,
  fib,
  pipeline,
  vectors,
  strings,
  sorting,
  maps,
];

/** The program a process runs: the definitions, then print `(run)`. */
export function mainProgram(dialect: 'rtfs' | 'cljs' | 'js', defs: string): string {
  switch (dialect) {
    case 'rtfs':
      return `${defs}\n(run)\n`;
    case 'cljs':
      return `${defs}\n(println (run))\n`;
    case 'js':
      return `${defs}\nconsole.log(String(run()));\n`;
  }
}

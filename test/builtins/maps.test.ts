import { table, TYPE, ARITY, INDEX, INVALID } from './run.js';

table('get and get-in', [
  ['(get {:a 1} :a)', '1'],
  ['(get {:a 1} :b)', 'nil'],
  ['(get {:a 1} :b 0)', '0'],
  ['(get {"a" 1} :a)', 'nil'],
  ['(get {"a" 1} "a")', '1'],
  ['(get {1 :int} 1.0)', 'nil'],
  ['(get {[1 2] :v} [1 2])', ':v'],
  ['(get {:a nil} :a 1)', 'nil'],
  ['(get nil :a)', 'nil'],
  ['(get nil :a 5)', '5'],
  ['(get [10 20] 1)', '20'],
  ['(get [10 20] 5)', 'nil'],
  ['(get [10 20] -1)', 'nil'],
  ['(get [10] :a)', 'nil'],
  ['(get "abc" 1)', '"b"'],
  ['(get 5 :a)', 'nil'],
  ['(get (ex-info "m" {}) :message)', '"m"'],
  ['(get {:a 1})', ARITY],
  ['(get-in {:a {:b 1}} [:a :b])', '1'],
  ['(get-in {:a {:b 1}} [:a :c])', 'nil'],
  ['(get-in {:a {:b 1}} [:a :c] :d)', ':d'],
  ['(get-in {:a [1 {:x 2}]} [:a 1 :x])', '2'],
  ['(get-in {"a" {"b" 1}} ["a" "b"])', '1'],
  ['(get-in nil [:a])', 'nil'],
  ['(get-in {:a 1} [])', '{:a 1}'],
  ['(get-in {:a 1} nil)', '{:a 1}'],
  ['(get-in {:a nil} [:a] 5)', 'nil'],
  ['(get-in {:a 1} [:a :b])', 'nil'],
  ['(get-in {:a 1} (list :a))', '1'],
  ['(get-in {:a 1} :a)', TYPE],
]);

table('assoc, assoc-in, dissoc', [
  ['(assoc {:a 1} :b 2)', '{:a 1 :b 2}'],
  ['(assoc {:a 1} :a 3)', '{:a 3}'],
  ['(assoc nil :a 1)', '{:a 1}'],
  ['(assoc {} :a 1 :b 2)', '{:a 1 :b 2}'],
  ['(assoc [1 2] 0 :x)', '[:x 2]'],
  ['(assoc [1 2] 2 3)', '[1 2 3]'],
  ['(assoc [1 2] 3 3)', INDEX],
  ['(assoc [1 2] -1 3)', INDEX],
  ['(assoc [1] :a 1)', TYPE],
  ['(assoc 5 :a 1)', TYPE],
  ['(assoc "s" 0 1)', TYPE],
  ['(assoc {} :a)', ARITY],
  ['(assoc {} :a 1 :b)', ARITY],
  ['(let [m {:a 1} n (assoc m :b 2)] [m n])', '[{:a 1} {:a 1 :b 2}]'],
  ['(count (reduce (fn [m i] (assoc m i i)) {} (range 10000)))', '10000'],
  ['(get (reduce (fn [m i] (assoc m (keyword (str "k" i)) i)) {} (range 100)) :k42)', '42'],
  ['(assoc-in {} [:a :b] 1)', '{:a {:b 1}}'],
  ['(assoc-in {:a {:c 2}} [:a :b] 1)', '{:a {:c 2 :b 1}}'],
  ['(assoc-in nil [:a] 1)', '{:a 1}'],
  ['(assoc-in {:v [1 2]} [:v 0] 9)', '{:v [9 2]}'],
  ['(assoc-in {} [] 1)', INVALID],
  ['(assoc-in {:a 5} [:a :b] 1)', TYPE],
  ['(dissoc {:a 1 :b 2} :a)', '{:b 2}'],
  ['(dissoc {:a 1} :x)', '{:a 1}'],
  ['(dissoc {:a 1 :b 2} :a :b)', '{}'],
  ['(dissoc nil :a)', 'nil'],
  ['(dissoc {:a 1})', '{:a 1}'],
  ['(dissoc [1] 0)', TYPE],
]);

table('update, update-in', [
  ['(update {:a 1} :a inc)', '{:a 2}'],
  ['(update {:a 1} :a + 10)', '{:a 11}'],
  ['(update {:a 1} :a + 1 2 3)', '{:a 7}'],
  ['(update {} :n (fnil inc 0))', '{:n 1}'],
  ['(update nil :a nil?)', '{:a true}'],
  ['(update [1 2] 0 inc)', '[2 2]'],
  ['(update [1] 1 identity)', '[1 nil]'],
  ['(update [1] 5 identity)', INDEX],
  ['(update {:a {:b 1}} :a :b)', '{:a 1}'],
  ['(update {:a 1} :a 5)', TYPE],
  ['(update 5 :a inc)', TYPE],
  ['(update {:a 1} :a)', ARITY],
  ['(let [m (zipmap (range 100) (range 100))] (get (update m 50 inc) 50))', '51'],
  ['(update-in {:a {:b 1}} [:a :b] inc)', '{:a {:b 2}}'],
  ['(update-in {} [:a :b] (fnil inc 0))', '{:a {:b 1}}'],
  ['(update-in {:a [1 2]} [:a 1] * 10)', '{:a [1 20]}'],
  ['(update-in {} [] inc)', INVALID],
  ['(update-in {:a 1} [:a :b] inc)', TYPE],
]);

table('keys, vals, merge, merge-with, select-keys', [
  ['(keys {:a 1 :b 2})', '[:a :b]'],
  ['(vals {:a 1 :b 2})', '[1 2]'],
  ['(keys {})', '[]'],
  ['(keys nil)', '[]'],
  ['(vals nil)', '[]'],
  ['(keys [1])', TYPE],
  ['(vals "a")', TYPE],
  ['(merge {:a 1} {:b 2} {:a 3})', '{:a 3 :b 2}'],
  ['(merge nil {:a 1})', '{:a 1}'],
  ['(merge {:a 1} nil)', '{:a 1}'],
  ['(merge)', 'nil'],
  ['(merge nil)', 'nil'],
  ['(merge {:a 1} 5)', TYPE],
  ['(merge {:a 1} [1 2])', TYPE],
  ['(merge-with + {:a 1 :b 2} {:a 10})', '{:a 11 :b 2}'],
  ['(merge-with + nil {:a 1})', '{:a 1}'],
  ['(merge-with conj {:a [1]} {:a 2} {:a 3})', '{:a [1 2 3]}'],
  ['(merge-with 1 {})', TYPE],
  ['(select-keys {:a 1 :b 2 :c 3} [:a :c :z])', '{:a 1 :c 3}'],
  ['(select-keys {:a nil} [:a])', '{:a nil}'],
  ['(select-keys nil [:a])', '{}'],
  ['(select-keys {:a 1} [])', '{}'],
  ['(select-keys [1] [0])', TYPE],
]);

table('contains?, find, zipmap', [
  ['(contains? {:a 1} :a)', 'true'],
  ['(contains? {:a nil} :a)', 'true'],
  ['(contains? {:a 1} "a")', 'false'],
  ['(contains? [1 2 3] 2)', 'true'],
  ['(contains? [1 2 3] 0)', 'false'],
  ['(contains? (list 1 2) 2)', 'true'],
  ['(contains? "hello" "ell")', 'true'],
  ['(contains? "hello" 1)', 'false'],
  ['(contains? nil :a)', 'false'],
  ['(contains? 5 1)', TYPE],
  ['(find {:a 1} :a)', '[:a 1]'],
  ['(find {:a 1} :b)', 'nil'],
  ['(find nil :a)', 'nil'],
  ['(find [:x :y] 1)', '[1 :y]'],
  ['(find "s" 1)', TYPE],
  ['(zipmap [:a :b] [1 2])', '{:a 1 :b 2}'],
  ['(zipmap [:a :b :c] [1])', '{:a 1}'],
  ['(zipmap [] [])', '{}'],
  ['(zipmap [:a :a] [1 2])', '{:a 2}'],
  ['(zipmap :a [1])', TYPE],
]);

table('keywordize-keys, stringify-keys, reduce-kv', [
  ['(keywordize-keys {"a" 1 "b" {"c" [{"d" 2}]}})', '{:a 1 :b {:c [{:d 2}]}}'],
  ['(keywordize-keys {1 2 :k 3})', '{1 2 :k 3}'],
  ['(keywordize-keys nil)', 'nil'],
  ['(keywordize-keys [{"a" 1}])', '[{:a 1}]'],
  ['(keywordize-keys (list {"a" 1}))', '({:a 1})'],
  ['(stringify-keys {:a 1 :ns/b {:c 2}})', '{"a" 1 "ns/b" {"c" 2}}'],
  ['(stringify-keys [1])', '[1]'],
  ['(= (keywordize-keys (stringify-keys {:a {:b 1}})) {:a {:b 1}})', 'true'],
  ['(reduce-kv (fn [acc k v] (+ acc v)) 0 {:a 1 :b 2})', '3'],
  ['(reduce-kv (fn [acc i v] (conj acc [i v])) [] [:x :y])', '[[0 :x] [1 :y]]'],
  ['(reduce-kv (fn [m k v] (assoc m v k)) {} {:a 1})', '{1 :a}'],
  ['(reduce-kv + 0 nil)', '0'],
  ['(reduce-kv + 0 5)', TYPE],
  ['(reduce-kv 1 0 {})', TYPE],
]);

// Maps built in place by `reduce` (tables, then tries once changed persistently): every
// version a program can still reach keeps its entries (docs/adr/0020).
const ks = '(def ks (mapv (fn [i] (keyword (str "k" i))) (range 300)))';
table('maps built by reduce stay persistent', [
  [
    `(do ${ks} (let [m (reduce (fn [m k] (assoc m k 1)) {} ks)
                    m2 (reduce (fn [m k] (update m k inc)) m ks)
                    m3 (assoc m2 :k7 0) m4 (dissoc m3 :k8) m5 (assoc m :x 9)]
      [(count m) (get m :k7) (get m2 :k7) (get m3 :k7) (get m2 :k8) (count m4) (get m :x)
       (get m5 :x) (count m5) (= m2 (reduce (fn [m k] (update m k inc)) m ks))]))`,
    '[300 1 2 0 2 299 nil 9 301 true]',
  ],
  [
    `(do ${ks} (let [m (reduce (fn [m k] (assoc m k 1)) {} ks)
                    m2 (reduce (fn [m k] (assoc m k 2)) m [:k1 :k2])]
      [(get m :k1) (get m2 :k1) (first (keys m2)) (last (keys m2)) (count m2)]))`,
    '[1 2 :k0 :k299 300]',
  ],
  [
    `(do ${ks} (let [m (reduce (fn [m k] (assoc m k 1)) {} ks)
                    m2 (reduce (fn [m k] (assoc m [k] 2)) m [:a :b])]
      [(count m) (count m2) (get m2 [:a]) (get m [:a]) (= m (into {} (seq m)))]))`,
    '[300 302 2 nil true]',
  ],
  // `update` of the owned accumulator stores in place with one lookup: extra arguments,
  // absent keys, hashes and equality after it, and a throwing function that leaves every
  // reachable map as it was.
  [
    `(do ${ks} (let [m (reduce (fn [m k] (assoc m k 1)) {} ks)
                    hm {m :yes}
                    m2 (reduce (fn [acc k] (update acc k (fn [v a b] (+ (or v 0) a b)) 10 20)) m (conj ks :new))
                    m3 (reduce (fn [acc k] (update acc k (fn [v] (* (or v 0) 2)))) m2 [:k3 :k3 :zz])
                    bad (try (reduce (fn [acc k] (update acc k (fn [v] (if (= k :k9) (throw (ex-info "boom" {})) (inc v))))) m ks)
                             (catch e (ex-message e)))]
      [(get m :k3) (get m2 :k3) (get m3 :k3) (get m3 :zz) (get m2 :new) (count m3) bad
       (get m :k0) (get m :k9) (get hm (reduce (fn [m k] (assoc m k 1)) {} ks))
       (= m2 (into {} (map (fn [[k v]] [k v]) m2))) (get {m2 :yes} (into {} (seq m2)))
       (= m3 (assoc (assoc m2 :k3 124) :zz 0))]))`,
    '[1 31 124 0 30 302 "boom" 1 1 :yes true :yes true]',
  ],
]);

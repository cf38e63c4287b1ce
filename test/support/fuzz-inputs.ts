/**
 * Inputs for the reader fuzz and differential tests: random text over an RTFS-ish
 * alphabet (single characters and meaningful fragments), and valid programs with a few
 * random edits (delete, insert, swap, replace, duplicate).
 */
import fc from 'fast-check';

/** Valid programs that exercise every construct; mutations start from these. */
export const VALID_PROGRAMS: readonly string[] = [
  `(defn greet [name]
  ;; say hello
  (str "Hello, " name "!\\n"))`,
  `(plan "trip"
  :body (do
    (let [dest (call :travel.search {:city "Paris" :budget 1500.0 :max 9007199254740993})
          ts 2024-01-15T10:30:00Z
          id 550e8400-e29b-41d4-a716-446655440000]
      (if-not (nil? dest)
        (step "book" (call :travel.book dest resource://bookings/main))
        #_ (log "skipped")
        nil))))`,
  '(defmacro unless [c & body] `(if ~c nil (do ~@body)))',
  '(map #(* % 2) [1 2 3]) (#(str %1 %2 %&) "a" "b")',
  '(defn ^:delegation :remote "gpt-4" summarize [text] text)',
  '(defn ^:delegation :local-model "llama" f [x] x) (defn ^:delegation :local g [] 1)',
  '(def cfg ^{:doc "config" :runtime.timeout 500} {:retries 3, :backoff [1.5 ##Inf ##-Inf ##NaN]})',
  "@plan-id '(quoted list) `[a ~b ~@c] ^:private ^String sym",
  '#| block\ncomment |# (a #| inline |# b) ; trailing\n;; last line',
  '{:a 1 "b" 2 3 :c [1 2] {:k :v} 1.0 -0.0 nil false true nil}',
  '(let [x -9223372036854775808 y +9223372036854775807 z 1e3 w 1.5E-2] [x y z w])',
  '(str "tab\\t" "quote\\"" "back\\\\" "\\u00e9\\u03bb" "raw\nline")',
  '(-> x .method (com.acme:v1.0/op :com.acme:v1.0/kw) (a.b/c :a.b/c) λ & %1 _name truthy)',
  '[2024-01-15T10:30:00.123+05:30 2024-01-15T10:30:00_123Z ABCDEF01-2345-6789-ABCD-EF0123456789]',
  '(f resource://x)(g resource://y/z?q=1)',
  '"日本語 🎉" (λ [x] x) :λ',
  `#!/usr/bin/env rtfs
(defn scale [xs : [:vector Int] k : Float] : [:vector :float] (mapv #(* % k) xs))
(let [n:int 2 m:[:map [:a :int]] {:a 1} s :ok] (def y:int 100) (def z: Int 1) [n m s])
((fn [x    :    Int & more : :string] x) 1 "a")`,
];

const SINGLE = [
  ...'()[]{}()[]{}',
  ...'#^@~`\'";:,\\|_%&.+-/*=<>!?$',
  ...'  \n\t\r',
  ...'0123456789',
  ...'abcdefnilrtuxyzE',
  'λ',
  'é',
  '\u00a0',
  '\u0000',
  '😀',
  '\ud800',
];

const FRAGMENTS = [
  'nil',
  'true',
  'false',
  '##Inf',
  '##-Inf',
  '##NaN',
  '##',
  '#_',
  '#(',
  '~@',
  '#|',
  '|#',
  'resource://',
  'resource://a',
  ':delegation',
  ':remote',
  ':local',
  ':local-model',
  '^:delegation ',
  '"id"',
  '1.5e3',
  '1.',
  '.5',
  '-0.0',
  '\\u00e9',
  '\\n',
  '\\q',
  '2024-01-15T10:30:00Z',
  '2024-02-30T10:30:00Z',
  '550e8400-e29b-41d4-a716-446655440000',
  '%',
  '%1',
  '%&',
  '%0',
  '9223372036854775808',
  '9007199254740993',
  '::',
  ' ; comment\n',
  'x/y',
  ':k',
  '{:a 1}',
  '"str"',
];

const piece = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...SINGLE) },
  { weight: 1, arbitrary: fc.constantFrom(...FRAGMENTS) },
);

/** Random text over the alphabet above. */
export const randomText: fc.Arbitrary<string> = fc
  .array(piece, { maxLength: 40 })
  .map((parts) => parts.join(''));

type Mutation =
  | { readonly kind: 'delete'; readonly at: number; readonly length: number }
  | { readonly kind: 'insert'; readonly at: number; readonly text: string }
  | { readonly kind: 'swap'; readonly at: number }
  | { readonly kind: 'replace'; readonly at: number; readonly text: string }
  | { readonly kind: 'duplicate'; readonly at: number; readonly length: number };

const at = fc.nat({ max: 10_000 });

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at, length: fc.integer({ min: 1, max: 4 }) }),
  fc.record({ kind: fc.constant('insert' as const), at, text: piece }),
  fc.record({ kind: fc.constant('swap' as const), at }),
  fc.record({ kind: fc.constant('replace' as const), at, text: piece }),
  fc.record({
    kind: fc.constant('duplicate' as const),
    at,
    length: fc.integer({ min: 1, max: 12 }),
  }),
);

export function applyMutation(text: string, m: Mutation): string {
  const i = text.length === 0 ? 0 : m.at % (text.length + 1);
  switch (m.kind) {
    case 'delete':
      return text.slice(0, i) + text.slice(i + m.length);
    case 'insert':
      return text.slice(0, i) + m.text + text.slice(i);
    case 'swap':
      return i + 1 < text.length
        ? text.slice(0, i) + text.charAt(i + 1) + text.charAt(i) + text.slice(i + 2)
        : text;
    case 'replace':
      return text.slice(0, i) + m.text + text.slice(i + 1);
    case 'duplicate':
      return text.slice(0, i + m.length) + text.slice(i, i + m.length) + text.slice(i + m.length);
  }
}

/** A valid program with one to four random edits. */
export const mutatedProgram: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom(...VALID_PROGRAMS), fc.array(mutation, { minLength: 1, maxLength: 4 }))
  .map(([program, edits]) => edits.reduce(applyMutation, program));

const SEPARATORS = [
  ' ',
  ',',
  '\n',
  '\t',
  ', ',
  ' ; note\n',
  ' #| block |# ',
  ' #_ x ',
  ' #_[1 2] ',
];
const sep = fc.constantFrom(...SEPARATORS);

/** Elements joined by random separators, with optional leading and trailing ones. */
function joined(items: fc.Arbitrary<string[]>): fc.Arbitrary<string> {
  return fc
    .tuple(items, fc.array(sep, { minLength: 12, maxLength: 12 }), fc.boolean(), fc.boolean())
    .map(
      ([xs, seps, lead, trail]) =>
        (lead ? (seps[11] as string) : '') +
        xs.map((x, i) => (i === 0 ? x : `${seps[i % 11] as string}${x}`)).join('') +
        (trail ? (seps[10] as string) : ''),
    );
}

const ANON_ARGS = ['%', '%1', '%2', '%9', '%&'];

/**
 * Valid RTFS source text (not only printer output): random separators, comments and
 * discards, reader macros, metadata of every kind, `#(…)` (never nested).
 * The arguments give the text of atoms, of symbols and of keywords.
 */
export function validSource(
  atomText: fc.Arbitrary<string>,
  symbolText: fc.Arbitrary<string>,
  keywordText: fc.Arbitrary<string>,
): fc.Arbitrary<string> {
  const tree = fc.letrec<{ plain: string; any: string; target: string; meta: string }>((tie) => {
    const coll = (child: 'plain' | 'any'): fc.Arbitrary<string> =>
      fc.oneof(
        joined(fc.array(tie(child), { maxLength: 5 })).map((s) => `(${s})`),
        joined(fc.array(tie(child), { maxLength: 5 })).map((s) => `[${s}]`),
        joined(
          fc.array(fc.tuple(tie(child), tie(child)), { maxLength: 3 }).map((kvs) => kvs.flat()),
        ).map((s) => `{${s}}`),
      );
    const form = (child: 'plain' | 'any'): fc.Arbitrary<string> =>
      fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        { weight: 5, arbitrary: atomText },
        { weight: 2, arbitrary: coll(child) },
        {
          weight: 1,
          arbitrary: fc
            .tuple(fc.constantFrom("'", '`', '~', '~@', '@', "' ", '@ '), tie(child))
            .map(([p, f]) => p + f),
        },
        {
          weight: 1,
          arbitrary: fc.tuple(tie('meta'), sep, tie('target')).map(([m, s, t]) => `${m}${s}${t}`),
        },
      );
    return {
      plain: form('plain'),
      any: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        { weight: 4, arbitrary: form('any') },
        {
          weight: 1,
          arbitrary: joined(
            fc.array(fc.oneof(tie('plain'), fc.constantFrom(...ANON_ARGS)), { maxLength: 5 }),
          ).map((s) => `#(${s})`),
        },
      ),
      target: fc.oneof(symbolText, coll('plain')),
      meta: fc.oneof(
        keywordText.map((k) => `^${k}`),
        symbolText.map((s) => `^${s}`),
        fc.constantFrom(
          '^"tag"',
          '^{:doc "d" :n 1}',
          '^{}',
          '^:delegation :remote "gpt-x"',
          '^:delegation :remote',
          '^:delegation :local',
          '^:delegation :local-model "llama"',
          '^:delegation\n  :remote ; why\n "m"',
          '^:a ^:b',
        ),
      ),
    };
  });
  return joined(fc.array(tree.any, { maxLength: 6 }));
}

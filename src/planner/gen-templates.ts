/**
 * Template synthesis of pure-RTFS capabilities for generic data operations
 * (planner.md §2.2 resolve step 4): `core.gen.filter`, `sort`, `group-by`, `count`,
 * `select`, `parse-json`, `format`. Each is real RTFS source, a `defcapability` that a
 * materialized plan includes so that it is self-contained.
 */
import { read } from '../syntax/index.js';
import type { Value } from '../data/index.js';
import type { SynthesizedCapability } from './types.js';

export const GEN_OPS = [
  'filter',
  'sort',
  'group-by',
  'count',
  'select',
  'parse-json',
  'format',
] as const;
export type GenOp = (typeof GEN_OPS)[number];

interface Template {
  readonly description: string;
  readonly input: string;
  readonly output: string;
  readonly impl: string;
}

const TEMPLATES: Readonly<Record<GenOp, Template>> = {
  filter: {
    description:
      'Keep the items whose :field equals :value and whose text contains :contains (synthesized)',
    input:
      '[:map [:items [:vector :any]] [:field {:optional true} :keyword] [:value {:optional true} :any] [:contains {:optional true} :string]]',
    output: '[:map [:items [:vector :any]]]',
    impl: `(fn [{:keys [items field value contains]}]
    {:items (filterv (fn [x]
                       (let [v (if field (get x field) x)]
                         (and (or (nil? value) (= v value))
                              (or (nil? contains) (includes? (str v) contains)))))
                     items)})`,
  },
  sort: {
    description: 'Sort the items by the field :by, descending when :descending (synthesized)',
    input:
      '[:map [:items [:vector :any]] [:by {:optional true} :keyword] [:descending {:optional true} :bool]]',
    output: '[:map [:items [:vector :any]]]',
    impl: `(fn [{:keys [items by descending]}]
    (let [sorted (if by (sort-by (fn [x] (get x by)) items) (sort items))]
      {:items (vec (if descending (reverse sorted) sorted))}))`,
  },
  'group-by': {
    description: 'Group the items by the value of the field :by (synthesized)',
    input: '[:map [:items [:vector :any]] [:by :keyword]]',
    output: '[:map [:groups :map]]',
    impl: `(fn [{:keys [items by]}]
    {:groups (group-by (fn [x] (get x by)) items)})`,
  },
  count: {
    description: 'Count the items (synthesized)',
    input: '[:map [:items [:vector :any]]]',
    output: '[:map [:count :int]]',
    impl: `(fn [{:keys [items]}]
    {:count (count items)})`,
  },
  select: {
    description: 'Keep only the :fields of each item (synthesized)',
    input: '[:map [:items [:vector :any]] [:fields [:vector :keyword]]]',
    output: '[:map [:items [:vector :any]]]',
    impl: `(fn [{:keys [items fields]}]
    {:items (mapv (fn [x] (if (map? x) (select-keys x fields) x)) items)})`,
  },
  'parse-json': {
    description: 'Parse JSON text into data with keyword keys (synthesized)',
    input: '[:map [:text :string]]',
    output: '[:map [:data :any]]',
    impl: `(fn [{:keys [text]}]
    {:data (parse-json text true)})`,
  },
  format: {
    description:
      'Format items as readable text, one line per item, under an optional :title (synthesized)',
    input: '[:map [:items :any] [:title {:optional true} :string]]',
    output: '[:map [:text :string]]',
    impl: `(fn [{:keys [items title]}]
    (let [line (fn [x]
                 (if (map? x)
                   (str "- " (or (get x :title) (get x :subject) (get x :name) (get x :summary) x))
                   (str "- " x)))
          lines (if (sequential? items) (mapv line items) [(str items)])]
      {:text (join "\\n" (if title (into [title] lines) lines))}))`,
  },
};

function form(text: string): Value {
  const r = read(text, '<gen-template>');
  const f = r.forms[0];
  if (r.diagnostics.length > 0 || f === undefined) throw new Error(`bad template schema ${text}`);
  return f;
}

/** The synthesized capability for a generic operation. */
export function genTemplate(op: GenOp): SynthesizedCapability {
  const t = TEMPLATES[op];
  const id = `core.gen.${op}`;
  const source =
    `(defcapability "${id}"\n` +
    `  {:description "${t.description}"\n` +
    `   :input-schema ${t.input}\n` +
    `   :output-schema ${t.output}\n` +
    `   :effects [:pure]}\n` +
    `  ${t.impl})`;
  return {
    id,
    description: t.description,
    input_schema: form(t.input),
    output_schema: form(t.output),
    source,
  };
}

/** Words that name each generic operation in goals and invented capability ids. */
const OP_WORDS: Readonly<Record<GenOp, readonly string[]>> = {
  filter: ['filter', 'keep', 'only', 'where', 'matching'],
  sort: ['sort', 'order', 'rank'],
  'group-by': ['group'],
  count: ['count', 'number', 'how', 'many', 'tally'],
  select: ['select', 'pick', 'pluck', 'field', 'column'],
  'parse-json': ['json', 'parse', 'decode'],
  format: ['format', 'summary', 'report', 'render', 'text', 'digest'],
};

/** The generic operation named by `tokens` (first in GEN_OPS order), if any. */
export function genOpFor(tokens: readonly string[]): GenOp | undefined {
  for (const op of GEN_OPS) if (OP_WORDS[op].some((w) => tokens.includes(w))) return op;
  return undefined;
}

/**
 * The capability object form the reference's `capabilities/**\/*.rtfs` files write:
 *
 *   (capability "meta-planner/resolve-goal"
 *     :name "Resolve Goal"
 *     :description "…"
 *     :input-schema [:map [:goal :string]]
 *     :output-schema :any
 *     :effects [:io :network]
 *     :implementation (fn [input] …))
 *
 * It means `(defcapability "id" {:description … :input-schema … …} implementation)`:
 * the same node, so the schemas are checked on every call and each call is recorded.
 * The properties are keyword/value pairs; an unknown or repeated key is an error that
 * lists the allowed ones (the reference ignores unknown keys, which hides typos such as
 * `:input-shema`).
 */
import { childSpan, type Span } from '../source/index.js';
import { type Value, type RList, Keyword, printValue } from '../data/index.js';
import type { Node } from './nodes.js';
import { AnalysisCodes, fail, typeAt } from './context.js';

/** Every property the reference's capability files and exports use. */
export const CAPABILITY_KEYS: readonly string[] = [
  'name',
  'version',
  'description',
  'input-schema',
  'output-schema',
  'effects',
  'implementation',
  'metadata',
  'permissions',
  'provider',
  'provider-meta',
  'language',
  'source-url',
  'source_url',
];

const SHAPE =
  '(capability "id" :description "…" :input-schema T :output-schema T :effects […] :implementation (fn [input] …))';

/** `(capability "id" :key value …)` → a `defcapability` node. */
export function analyzeCapabilityForm(
  l: RList,
  span: Span | undefined,
  analyzeAt: (i: number) => Node,
): Node {
  const at = (i: number): Span | undefined => childSpan(l.span, i) ?? span;
  const id = l.items[1];
  if (typeof id !== 'string') {
    return fail(AnalysisCodes.badForm, `a capability id must be a string: ${SHAPE}`, at(1));
  }
  if ((l.count - 2) % 2 !== 0) {
    fail(
      AnalysisCodes.badForm,
      `capability properties must be keyword/value pairs (${printValue(l.items[l.count - 1] as Value)} has no value)`,
      at(l.count - 1),
    );
  }
  const spec: Node[] = [];
  const seen = new Set<string>();
  let impl: Node | undefined;
  for (let i = 2; i < l.count; i += 2) {
    const k = l.items[i];
    if (!(k instanceof Keyword) || !CAPABILITY_KEYS.includes(k.name)) {
      const allowed = CAPABILITY_KEYS.map((x) => `:${x}`).join(' ');
      fail(
        AnalysisCodes.badForm,
        `unknown capability property ${printValue(k as Value)} (allowed: ${allowed})`,
        at(i),
      );
    }
    if (seen.has(k.name))
      fail(AnalysisCodes.badForm, `capability property :${k.name} appears twice`, at(i));
    seen.add(k.name);
    const value = analyzeAt(i + 1);
    // A schema written as data is checked now, so `rtfs check` reports it.
    if (
      (k.name === 'input-schema' || k.name === 'output-schema') &&
      value.kind === 'const' &&
      value.local === undefined
    ) {
      if (value.value !== null) typeAt(value.value, at(i + 1));
    }
    if (k.name === 'implementation') impl = value;
    else spec.push({ kind: 'const', value: k, span: at(i) }, value);
  }
  if (impl === undefined) {
    return fail(
      AnalysisCodes.badForm,
      `capability "${id}" needs an :implementation (fn [input] …)`,
      span,
    );
  }
  return {
    kind: 'defcapability',
    id: { kind: 'const', value: id, span: at(1) },
    spec: { kind: 'map', items: spec, span },
    impl,
    span,
  };
}

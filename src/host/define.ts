/**
 * `(defcapability "id" {:description "…" :input-schema T :output-schema T :effects [:pure]} impl)`:
 * a capability implemented in RTFS.
 */
import { type Value, Keyword, RMap, RVector } from '../data/index.js';
import type { Fn } from '../runtime/index.js';
import { parseTypeExpr, type TypeAst } from '../types/index.js';
import { EFFECTS, type Capability, type Effect } from './capability.js';

const k = (n: string): Keyword => Keyword.of(n);

function schema(spec: RMap, key: string): { type?: TypeAst; form?: Value; error?: string } {
  const form = spec.get(k(key));
  if (form === undefined || form === null) return {};
  const r = parseTypeExpr(form);
  return 'diagnostic' in r ? { error: `${key}: ${r.diagnostic.message}` } : { type: r.type, form };
}

/**
 * The reference's effect names (its `default_effects_for_capability`) and what they
 * allow here: `:io` and `:filesystem` read and write, `:compute` is pure, and so on.
 */
const REFERENCE_EFFECTS: ReadonlyMap<string, readonly Effect[]> = new Map<string, Effect[]>([
  ['io', ['read', 'write']],
  ['filesystem', ['read', 'write']],
  ['compute', ['pure']],
  ['system', ['read']],
  ['user-interaction', ['human']],
  ['ai', ['llm']],
]);

export function parseEffects(v: Value | undefined): Effect[] | string {
  if (v === undefined || v === null) return ['pure'];
  if (!(v instanceof RVector)) return ':effects must be a vector of keywords';
  const out: Effect[] = [];
  for (const e of v) {
    const alias = e instanceof Keyword ? REFERENCE_EFFECTS.get(e.name) : undefined;
    if (alias !== undefined) {
      for (const a of alias) if (!out.includes(a)) out.push(a);
      continue;
    }
    if (!(e instanceof Keyword) || !EFFECTS.includes(e.name as Effect)) {
      const names = [...EFFECTS, ...REFERENCE_EFFECTS.keys()].map((x) => `:${x}`).join(' ');
      return `unknown effect ${String(e)} (expected one of ${names})`;
    }
    if (!out.includes(e.name as Effect)) out.push(e.name as Effect);
  }
  return out;
}

export function capabilityFromSpec(
  id: string,
  spec: Value,
  impl: Fn,
): { capability: Capability } | { error: string } {
  if (!(spec instanceof RMap)) return { error: `defcapability ${id}: the spec must be a map` };
  const input = schema(spec, 'input-schema');
  const output = schema(spec, 'output-schema');
  if (input.error) return { error: `defcapability ${id}: ${input.error}` };
  if (output.error) return { error: `defcapability ${id}: ${output.error}` };
  const effects = parseEffects(spec.get(k('effects')));
  if (typeof effects === 'string') return { error: `defcapability ${id}: ${effects}` };
  const description = spec.get(k('description'));
  return {
    capability: {
      id,
      description: typeof description === 'string' ? description : '',
      inputSchema: input.type,
      outputSchema: output.type,
      ...(input.form !== undefined ? { inputSchemaForm: input.form } : {}),
      ...(output.form !== undefined ? { outputSchemaForm: output.form } : {}),
      effects,
      impl: (v) => impl.call1(v),
    },
  };
}

/**
 * RW3 `swap-capability(A→B)`: every `(call "A" args)` becomes `(call "B" args)`. Refused
 * when B is unknown, when the plan calls neither A nor B, or when B's input schema does
 * not accept A's arguments: a literal argument map must hold every key B requires and
 * (when fully constant) validate against B's schema; otherwise A's own schema must
 * declare every key B requires.
 */
import type { Keyword } from '../../data/index.js';
import { type Value, RList, RMap, printValue } from '../../data/index.js';
import { compileValidator, typeErrorMessage, type TypeAst } from '../../types/index.js';
import type { CapabilityInfo, RewriteContext, Rewriter } from '../rewriter.js';
import { callId, kw, transform, walk } from '../plan-data.js';
import { diffEdits } from '../diff-edits.js';

function requiredKeys(t: TypeAst | undefined): Keyword[] | undefined {
  if (t === undefined || t.kind !== 'map') return undefined;
  return t.entries.filter((e) => !e.optional && e.default === undefined).map((e) => e.key);
}

function declaredKeys(t: TypeAst | undefined): Keyword[] | undefined {
  return t?.kind === 'map' ? t.entries.map((e) => e.key) : undefined;
}

function isConstant(v: Value): boolean {
  let constant = true;
  walk(v, (x) => {
    if (x instanceof RList || (typeof x === 'object' && x !== null && x.kind === 'symbol'))
      constant = false;
  });
  return constant;
}

/** Why B does not accept these arguments, or undefined when it does. */
function refusal(
  args: Value,
  a: CapabilityInfo | undefined,
  b: CapabilityInfo,
): string | undefined {
  const need = requiredKeys(b.inputSchema);
  if (b.inputSchema === undefined) return undefined;
  if (args instanceof RMap) {
    const missing = (need ?? []).filter((k) => !args.has(k));
    if (missing.length > 0)
      return `${b.id} requires ${missing.map((k) => `:${k.name}`).join(', ')}, which the call does not pass`;
    if (isConstant(args)) {
      const bad = compileValidator(b.inputSchema)(args);
      if (bad !== undefined) return typeErrorMessage(`the input of ${b.id}`, bad);
    }
    return undefined;
  }
  const have = declaredKeys(a?.inputSchema);
  if (have === undefined) return `cannot check ${printValue(args)} against ${b.id}'s input schema`;
  const missing = (need ?? []).filter((k) => !have.includes(k));
  return missing.length > 0
    ? `${b.id} requires ${missing.map((k) => `:${k.name}`).join(', ')}, which ${a?.id ?? 'A'} does not take`
    : undefined;
}

export function swapCapability(from: string, to: string): Rewriter {
  return {
    id: 'swap-capability',
    version: '1',
    params: RMap.fromFlat([kw('from'), from, kw('to'), to]),
    rewrite(plan, ctx: RewriteContext) {
      const b = ctx.capability(to);
      if (b === undefined) return { ok: false, reason: `unknown capability '${to}'` };
      const a = ctx.capability(from);
      let calledA = false;
      let calledB = false;
      let problem: string | undefined;
      walk(plan, (v) => {
        const id = callId(v);
        if (id === to) calledB = true;
        if (id !== from || !(v instanceof RList)) return;
        calledA = true;
        problem ??= refusal(v.items[2] ?? null, a, b);
      });
      if (!calledA) {
        return calledB
          ? { ok: true, plan, edits: [] }
          : { ok: false, reason: `the plan never calls '${from}'` };
      }
      if (problem !== undefined) return { ok: false, reason: problem };
      const next = transform(plan, (v) => {
        if (callId(v) !== from || !(v instanceof RList)) return v;
        const items = [...v.items];
        items[1] = to;
        return new RList(items, v.span, v.meta);
      });
      return { ok: true, plan: next, edits: diffEdits(plan, next) };
    },
  };
}

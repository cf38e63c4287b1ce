/**
 * Refinement predicates inside `[:and T pred …]` (`[:> 0]`, `[:min-length 3]`,
 * `[:matches-regex "…"]`, …): their arguments checked once, when the type is parsed.
 */
import type { Value } from '../data/index.js';
import type { NodeSpan, Span } from '../source/index.js';
import { compileLinearRegex } from '../data/linear-regex.js';
import type { CompareOp, Predicate, SizeOp } from './ast.js';
import { childAt, describe, fail, items, show } from './type-expr-errors.js';

export function isNumeric(v: Value): boolean {
  return (
    typeof v === 'number' ||
    typeof v === 'bigint' ||
    (typeof v === 'object' && v !== null && v.kind === 'float')
  );
}

export function parsePredicate(
  name: string,
  args: Value[],
  vspan: NodeSpan | undefined,
  span: Span | undefined,
): Predicate {
  const argSpan = (i: number) => childAt(vspan, i + 1, span);
  const count = (n: number) => {
    if (args.length !== n)
      fail(
        `the predicate [:${name}${n === 0 ? '' : ' …'}] takes ${n} argument${n === 1 ? '' : 's'}, got ${args.length}`,
        span,
      );
  };
  switch (name) {
    case '>':
    case '>=':
    case '<':
    case '<=':
    case '=':
    case '!=': {
      count(1);
      const value = args[0] as Value;
      if (name === '=' || name === '!=') return { kind: 'compare', op: name, value };
      if (!isNumeric(value))
        fail(`the predicate [:${name} n] needs a number, got ${describe(value)}`, argSpan(0));
      return { kind: 'compare', op: name as CompareOp, value };
    }
    case 'min-length':
    case 'max-length':
    case 'length':
    case 'min-count':
    case 'max-count':
    case 'count': {
      count(1);
      const n = args[0] as Value;
      if (typeof n !== 'number' || n < 0)
        fail(
          `the predicate [:${name} n] needs a non-negative integer, got ${describe(n)}`,
          argSpan(0),
        );
      return { kind: 'size', op: name as SizeOp, n: n as number };
    }
    case 'matches-regex': {
      count(1);
      const p = args[0] as Value;
      if (typeof p !== 'string')
        return fail(`[:matches-regex "re"] needs a string, got ${describe(p)}`, argSpan(0));
      const r = compileLinearRegex(p);
      if (r.kind !== 'ok')
        return fail(`invalid regular expression ${show(p)}: ${r.message}`, argSpan(0));
      return { kind: 'matches-regex', pattern: p };
    }
    case 'in-range': {
      count(2);
      const [lo, hi] = args as [Value, Value];
      if (!isNumeric(lo) || !isNumeric(hi))
        fail(`[:in-range lo hi] needs two numbers, got ${show(lo)} and ${show(hi)}`, span);
      if (numericValue(lo) > numericValue(hi))
        fail(`[:in-range lo hi] needs lo <= hi, got ${show(lo)} > ${show(hi)}`, span);
      return { kind: 'in-range', lo, hi };
    }
    case 'non-empty':
      count(0);
      return { kind: 'non-empty' };
    case 'has-key':
      count(1);
      return { kind: 'has-key', key: args[0] as Value };
    case 'required-keys': {
      const only = args[0];
      const keys =
        args.length === 1 && typeof only === 'object' && only !== null && only.kind === 'vector'
          ? items(only)
          : args;
      if (keys.length === 0) fail('[:required-keys [:k …]] needs at least one key', span);
      return { kind: 'required-keys', keys };
    }
    default:
      return fail(`unknown predicate :${name}`, span);
  }
}

/** A number (int or float) as a JS number or bigint, for comparisons. */
export function numericValue(v: Value): number | bigint {
  if (typeof v === 'number' || typeof v === 'bigint') return v;
  if (typeof v === 'object' && v !== null && v.kind === 'float') return v.value;
  return NaN;
}

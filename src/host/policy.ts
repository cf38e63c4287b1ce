import { type Value, Keyword, RMap, RVector, printValue } from '../data/index.js';
import { nearest } from '../diagnostics/index.js';

/**
 * Which capabilities a run may call. Deny by default: a capability runs only when an
 * `allow` pattern matches it and no `deny` pattern does. Patterns are capability ids
 * with `*` wildcards (`core.data.*`, `*`).
 */
export interface Policy {
  readonly allow: readonly string[];
  readonly deny: readonly string[];
}

export const DENY_ALL: Policy = { allow: [], deny: [] };

export type Decision =
  | { readonly allowed: true; readonly rule: string }
  | { readonly allowed: false; readonly rule: string | undefined };

const compiled = new Map<string, RegExp>();

function matches(pattern: string, id: string): boolean {
  let re = compiled.get(pattern);
  if (re === undefined) {
    re = new RegExp(`^${pattern.split('*').map(escape).join('.*')}$`);
    compiled.set(pattern, re);
  }
  return re.test(id);
}

function escape(s: string): string {
  return s.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
}

export function decide(policy: Policy, id: string): Decision {
  const denied = policy.deny.find((p) => matches(p, id));
  if (denied !== undefined) return { allowed: false, rule: `deny ${denied}` };
  const allowed = policy.allow.find((p) => matches(p, id));
  if (allowed !== undefined) return { allowed: true, rule: `allow ${allowed}` };
  return { allowed: false, rule: undefined };
}

/** Combines policies: every allow and every deny pattern. */
export function mergePolicies(...ps: readonly Policy[]): Policy {
  return { allow: ps.flatMap((p) => p.allow), deny: ps.flatMap((p) => p.deny) };
}

/**
 * A policy read from a file (`--policy FILE`, the library's `policy` option): a map
 * with only `:allow` and `:deny`, each a vector of patterns (JSON keys work too).
 * Returns the policy, or the message of what is wrong (naming `file`).
 */
export function policyFromData(m: Value, file: string): Policy | { readonly error: string } {
  if (!(m instanceof RMap))
    return { error: `policy ${file}: expected a map {:allow [...] :deny [...]}` };
  for (const key of m.keys()) {
    const name = key instanceof Keyword ? key.name : typeof key === 'string' ? key : undefined;
    if (name !== 'allow' && name !== 'deny') {
      const shown = typeof key === 'string' ? JSON.stringify(key) : printValue(key);
      const near = name === undefined ? undefined : nearest(name, ['allow', 'deny']);
      return {
        error:
          `policy ${file}: unknown key ${shown} (a policy has only :allow and :deny` +
          `${near !== undefined ? `; did you mean :${near}?` : ''})`,
      };
    }
  }
  const strings = (k: string): string[] | { error: string } => {
    const v = m.get(Keyword.of(k)) ?? m.get(k);
    if (v === undefined || v === null) return [];
    if (!(v instanceof RVector) || ![...v].every((x) => typeof x === 'string'))
      return { error: `policy ${file}: :${k} must be a vector of strings` };
    return [...v] as string[];
  };
  const allow = strings('allow');
  if (!Array.isArray(allow)) return allow;
  const deny = strings('deny');
  if (!Array.isArray(deny)) return deny;
  return { allow, deny };
}

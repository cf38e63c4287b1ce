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

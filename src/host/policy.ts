/**
 * Which capabilities a run may call. A `deny` pattern always refuses; an `allow` pattern
 * grants. Without either, only computation runs: standard-library capabilities
 * (`core.data.*`, `planner.*`, `ccos.control.loop`, `ccos.plan.execute` …) and
 * capabilities the program defines itself, when every declared effect is `:pure`, and
 * in a dry run any call that is simulated (it has no effect). Everything with an effect
 * beyond computation (files, network, LLM providers, user prompts, external catalog
 * capabilities, logging) needs a grant. Patterns are capability ids with `*` wildcards
 * (`core.data.*`, `*`).
 */
import type { Capability } from './capability.js';

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

/**
 * True when a capability is computation only and needs no grant: implemented in this
 * process (not an external catalog entry), every declared effect `:pure`, and part of
 * the standard library or defined by the running program (whose code could compute
 * the same inline; the calls it makes are checked in turn).
 */
export function isComputationOnly(c: Capability): boolean {
  return (
    c.external !== true &&
    (c.standard === true || c.definedByProgram === true) &&
    c.effects.every((e) => e === 'pure')
  );
}

/**
 * The decision for one call of `cap`: a `deny` pattern refuses, an `allow` pattern
 * grants, computation-only capabilities and simulated dry-run calls need no grant.
 */
export function decideCall(policy: Policy, cap: Capability, simulated = false): Decision {
  const d = decide(policy, cap.id);
  if (d.allowed || d.rule !== undefined) return d;
  if (isComputationOnly(cap))
    return { allowed: true, rule: cap.standard === true ? 'stdlib' : 'defined by the program' };
  if (simulated) return { allowed: true, rule: 'dry run (simulated)' };
  return d;
}

/** Combines policies: every allow and every deny pattern. */
export function mergePolicies(...ps: readonly Policy[]): Policy {
  return { allow: ps.flatMap((p) => p.allow), deny: ps.flatMap((p) => p.deny) };
}

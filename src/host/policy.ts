import { type Value, Keyword, RMap, RVector, printValue } from '../data/index.js';
import { nearest } from '../diagnostics/index.js';
import { compileLinearRegex, type LinearRegex } from '../data/linear-regex.js';

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

const compiled = new Map<string, LinearRegex>();

/** A newline (RE2's `.` does not match it) or a UTF-16 surrogate (RE2 sees code points). */
const RE2_DECIDES = /[\n\uD800-\uDFFF]/;

/**
 * Glob match (a pattern with many `*` cannot make a check slow: at worst id length ×
 * pattern length steps). The pattern means the RE2 regex `^p1.*p2.*…pn$`, each part
 * literal. Without a newline or surrogate in either string, that is: the id starts with
 * the first part, ends with the last, and holds the others in order between them, which
 * leftmost matching finds — so a policy check does not load re2js, the largest module
 * (ADR 0038). Otherwise RE2 decides.
 */
function matches(pattern: string, id: string): boolean {
  if (!RE2_DECIDES.test(pattern) && !RE2_DECIDES.test(id))
    return matchesParts(pattern.split('*'), id);
  let re = compiled.get(pattern);
  if (re === undefined) {
    const r = compileLinearRegex(`^${pattern.split('*').map(escape).join('.*')}$`);
    // Every character but `*` is escaped, so the pattern always compiles.
    if (r.kind !== 'ok') throw new Error(`policy pattern ${pattern}: ${r.message}`);
    re = r.re;
    compiled.set(pattern, re);
  }
  return re.test(id);
}

/** `parts` (the pattern split at `*`, at least one) match all of `id`, newline-free. */
function matchesParts(parts: readonly string[], id: string): boolean {
  const first = parts[0] ?? '';
  if (parts.length === 1) return id === first;
  const last = parts[parts.length - 1] ?? '';
  if (id.length < first.length + last.length || !id.startsWith(first) || !id.endsWith(last))
    return false;
  let at = first.length;
  const end = id.length - last.length;
  for (let i = 1; i < parts.length - 1; i++) {
    const part = parts[i] ?? '';
    const found = id.indexOf(part, at);
    if (found < 0 || found + part.length > end) return false;
    at = found + part.length;
  }
  return true;
}

function escape(s: string): string {
  return s.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
}

/** Decisions by policy and capability id: a policy's patterns never change (readonly). */
const decisions = new WeakMap<Policy, Map<string, Decision>>();

export function decide(policy: Policy, id: string): Decision {
  let known = decisions.get(policy);
  if (known === undefined) decisions.set(policy, (known = new Map()));
  let d = known.get(id);
  if (d === undefined) known.set(id, (d = decideNow(policy, id)));
  return d;
}

function decideNow(policy: Policy, id: string): Decision {
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

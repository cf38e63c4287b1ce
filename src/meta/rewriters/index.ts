/** The built-in rewriters by name, and `NAME[=ARG]` specs as the CLI takes them. */
import { type Value, Keyword, RMap } from '../../data/index.js';
import type { Rewriter } from '../rewriter.js';
import { rtfsRewriter } from '../rtfs-rewriter.js';
import { insertApprovalGate } from './approval-gate.js';
import { capRefinementCycles } from './cap-cycles.js';
import { swapCapability } from './swap-capability.js';
import { validateAfterSynthesis } from './validate-after-synthesis.js';
import { dryRunCritical } from './dry-run-critical.js';
import { pinCatalogSnapshot } from './pin-catalog.js';

export {
  insertApprovalGate,
  capRefinementCycles,
  swapCapability,
  validateAfterSynthesis,
  dryRunCritical,
  pinCatalogSnapshot,
};

export const BUILTIN_REWRITERS: readonly { name: string; arg: string; summary: string }[] = [
  { name: 'insert-approval-gate', arg: '', summary: 'approve the final plan before it runs' },
  { name: 'cap-refinement-cycles', arg: '=N', summary: 'at most N refinement cycles' },
  {
    name: 'swap-capability',
    arg: '=A->B',
    summary: 'call B wherever A is called (schema-checked)',
  },
  { name: 'validate-after-synthesis', arg: '', summary: 'validate the first plan in its own step' },
  {
    name: 'dry-run-critical',
    arg: '',
    summary: 'critical calls and plan execution in dry-run mode',
  },
  { name: 'pin-catalog-snapshot', arg: '[=SHA256]', summary: 'fail fast if the catalog changes' },
];

/** A rewriter from `name` or `name=arg`, or an error message. */
export function rewriterFromSpec(spec: string): Rewriter | { error: string } {
  const eq = spec.indexOf('=');
  const name = eq < 0 ? spec : spec.slice(0, eq);
  const arg = eq < 0 ? undefined : spec.slice(eq + 1);
  const noArg = (r: Rewriter): Rewriter | { error: string } =>
    arg === undefined ? r : { error: `rewrite ${name} takes no argument` };
  switch (name) {
    case 'insert-approval-gate':
      return noArg(insertApprovalGate());
    case 'validate-after-synthesis':
      return noArg(validateAfterSynthesis());
    case 'dry-run-critical':
      return noArg(dryRunCritical());
    case 'cap-refinement-cycles': {
      const n = Number(arg ?? '3');
      if (!Number.isSafeInteger(n) || n < 0)
        return { error: `cap-refinement-cycles takes a non-negative integer, got '${arg ?? ''}'` };
      return capRefinementCycles(n);
    }
    case 'swap-capability': {
      const m = /^\s*([\w.:-]+)\s*(?:->|→)\s*([\w.:-]+)\s*$/.exec(arg ?? '');
      if (m === null) return { error: `swap-capability takes A->B, got '${arg ?? ''}'` };
      return swapCapability(m[1] as string, m[2] as string);
    }
    case 'pin-catalog-snapshot':
      if (arg !== undefined && !/^[0-9a-f]{64}$/.test(arg))
        return { error: 'pin-catalog-snapshot takes a sha256 hex digest' };
      return pinCatalogSnapshot(arg);
    default: {
      const names = BUILTIN_REWRITERS.map((r) => r.name).join(', ');
      return { error: `unknown rewrite '${name}' (built-in: ${names})` };
    }
  }
}

/**
 * The rewriter a `RewriteApplied` record describes (rule, params), to re-apply it in a
 * replay; RTFS rewriters are rebuilt from the source recorded with them.
 */
export function rewriterFromRecord(
  rule: string,
  params: Value,
  source: string | undefined,
): Rewriter | { error: string } {
  const p = (name: string): Value | undefined =>
    params instanceof RMap ? params.get(Keyword.of(name)) : undefined;
  switch (rule) {
    case 'cap-refinement-cycles':
      return rewriterFromSpec(`${rule}=${String(p('max_cycles'))}`);
    case 'swap-capability':
      return rewriterFromSpec(`${rule}=${String(p('from'))}->${String(p('to'))}`);
    case 'pin-catalog-snapshot': {
      const snap = p('snapshot');
      return rewriterFromSpec(typeof snap === 'string' ? `${rule}=${snap}` : rule);
    }
    case 'insert-approval-gate':
    case 'validate-after-synthesis':
    case 'dry-run-critical':
      return rewriterFromSpec(rule);
    default:
      if (source === undefined)
        return { error: `rewrite ${rule} is not built in and its source was not recorded` };
      return rtfsRewriter(source, `<recorded rewriter ${rule}>`, params);
  }
}

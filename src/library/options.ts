/**
 * The options of the library API (`createRtfs`, `runAsync`, `planGoal`) and how they
 * become a host: policy, answers, catalogs and chain, each given as data or as a file
 * (JSON or RTFS, read by the one config loader, src/config/).
 */
import { type Value, Keyword, RMap, RVector, printValue } from '../data/index.js';
import type { Diagnostic } from '../diagnostics/index.js';
import { renderDiagnostic } from '../diagnostics/index.js';
import { readConfigFile, shapeError } from '../config/index.js';
import { type Capability, type Effect, type Policy, policyFromData } from '../host/index.js';
import type { MemoryChain } from '../audit/index.js';
import type { CapabilityDefinition } from './capability.js';
import { toHostCapability } from './capability.js';

/** Answers for `ccos.user.ask`: in order, by prompt, a function, or a file of either. */
export type Answers =
  | readonly string[]
  | Readonly<Record<string, string>>
  | ((prompt: string) => string | undefined)
  | string;

export interface RtfsOptions {
  /**
   * Which capabilities programs may call: `{allow: ['ccos.*', 'app.*'], deny: [...]}`,
   * or a policy file (`.json` or `.rtfs`). Deny by default, as `rtfs run`.
   */
  readonly policy?:
    { readonly allow?: readonly string[]; readonly deny?: readonly string[] } | string;
  /** Capabilities implemented in TypeScript (`defineCapability`), or host `Capability` objects. */
  readonly capabilities?: readonly (CapabilityDefinition | Capability)[];
  /** Capability catalog files (`.rtfs` or `.json`): their capabilities plus `planner.*`. */
  readonly catalogs?: readonly string[];
  /**
   * The causal chain: a directory (appended to, created when missing), a chain you
   * made (`new MemoryChain()`), or nothing for a fresh in-memory chain.
   */
  readonly chain?: string | MemoryChain;
  /** Answers for `ccos.user.ask` (without them, `ask` gets no answer). */
  readonly answers?: Answers;
  /** Simulate capabilities whose effects are not `:pure`/`:read` (`--dry-run`). */
  readonly dryRun?: boolean;
  /** Directories `ccos.fs.read` may read below (`--allow-read`). */
  readonly readRoots?: readonly string[];
  /** Module directories for `(import …)` (`--path`). */
  readonly paths?: readonly string[];
  /** Plan inputs (`--input`): a map, or plain data (`{goal: '…'}`), or a file. */
  readonly inputs?: RMap | Readonly<Record<string, unknown>> | string;
  /** Where `println` writes (default: process.stdout). */
  readonly out?: (text: string) => void;
  /** Where `log` and `ccos.io.log` write (default: process.stderr). */
  readonly log?: (text: string) => void;
  /** `'compile'` compiles every form to JavaScript first (`--engine compile`). */
  readonly engine?: 'interpret' | 'compile';
}

/** Bad library options: a file that did not load, or data of the wrong shape. */
export class RtfsConfigError extends Error {
  override readonly name = 'RtfsConfigError';
  constructor(readonly diagnostics: readonly Diagnostic[]) {
    super(diagnostics.map((d) => renderDiagnostic(d).replace(/^error: /, '')).join('\n'));
  }
}

function loaded(path: string, what: string): { value: Value; at: Diagnostic['span'] } {
  const r = readConfigFile(path, what);
  if (!r.ok) throw new RtfsConfigError(r.diagnostics);
  return { value: r.value, at: r.span };
}

export function policyOf(p: RtfsOptions['policy']): Policy {
  if (p === undefined) return { allow: [], deny: [] };
  if (typeof p !== 'string') return { allow: [...(p.allow ?? [])], deny: [...(p.deny ?? [])] };
  const { value, at } = loaded(p, 'policy file');
  const policy = policyFromData(value, p);
  if ('error' in policy) throw new RtfsConfigError([shapeError(at, policy.error)]);
  return policy;
}

export type AnswerSource = { next(prompt: string): string | undefined };

export function answersOf(a: Answers | undefined): AnswerSource | undefined {
  if (a === undefined) return undefined;
  if (typeof a === 'function') return { next: a };
  if (typeof a === 'string') return answersFromValue(a);
  if (Array.isArray(a)) {
    const queue = [...(a as readonly string[])];
    return { next: () => queue.shift() };
  }
  const byPrompt = a as Readonly<Record<string, string>>;
  return { next: (prompt) => (Object.hasOwn(byPrompt, prompt) ? byPrompt[prompt] : undefined) };
}

function answersFromValue(file: string): AnswerSource {
  const { value, at } = loaded(file, 'answers file');
  const text = (x: Value): string => (typeof x === 'string' ? x : printValue(x));
  if (value instanceof RVector) {
    const queue = [...value].map(text);
    return { next: () => queue.shift() };
  }
  if (value instanceof RMap) {
    return {
      next: (prompt) => {
        const x = value.get(prompt) ?? value.get(Keyword.of(prompt));
        return x === undefined || x === null ? undefined : text(x);
      },
    };
  }
  throw new RtfsConfigError([
    shapeError(at, 'answers are a vector (in order) or a map from prompt to answer'),
  ]);
}

export function isDefinition(c: CapabilityDefinition | Capability): c is CapabilityDefinition {
  return (c as CapabilityDefinition).kind === 'capability-definition';
}

export function hostCapabilities(
  cs: readonly (CapabilityDefinition | Capability)[] | undefined,
): Capability[] {
  return (cs ?? []).map((c) => (isDefinition(c) ? toHostCapability(c) : c));
}

export type { Effect };

/**
 * `planner.resolve_capability_gaps` (planner.md §2.2 TS design): for each target id
 * (missing ∪ incomplete ∪ `:must` MustCall requirements still `:identified`), not
 * already in `attempted`, the first stage that answers wins: (1) exact catalog id;
 * (2) the alias table; (3) fuzzy catalog match (equal last segment, or token Jaccard
 * ≥ 0.5 with get/list/fetch/retrieve as one verb; ties by id) → a `:mappings` entry;
 * (4) template synthesis of a pure-RTFS `core.gen.<op>` for a generic operation;
 * (5) a pending external request `cap-request-<id>-<sha256(goal+id)[0..8]>`.
 * `attempted`, `synthesized` and `mappings` are explicit: they come in and go out
 * (accumulated), so a loop carries them in its state; they also go out in the signals
 * (`:resolution`), for flows that thread only `:goal_signals`.
 */
import { sha256Hex } from '../audit/index.js';
import { resolveAlias } from './aliases.js';
import { lexicon } from './lexicon/index.js';
import { idParts } from './synth/choose.js';
import type { Catalog, CatalogEntry } from './catalog/index.js';
import { perCatalog, positionsIn } from './catalog-index.js';
import { genOpFor, genTemplate } from './gen-templates.js';
import { mustCall, mustCallId, upsertRequirement } from './requirements.js';
import { entryTokens, isMetaCapability } from './scoring.js';
import { compareIds, jaccard, tokens } from './text.js';
import type {
  Coverage,
  GoalSignals,
  PendingRequest,
  Resolution,
  ResolutionOutcome,
  ResolvedCapability,
  SynthesizedCapability,
} from './types.js';

export interface ResolveOptions {
  readonly attempted?: readonly string[];
  readonly synthesized?: readonly SynthesizedCapability[];
  readonly mappings?: readonly { readonly requested: string; readonly resolved: string }[];
  readonly allow_synthesis?: boolean;
}

const VERB_SYNONYMS: Readonly<Record<string, string>> = {
  list: 'get',
  fetch: 'get',
  retrieve: 'get',
};

/** Tokens of an id without the `generated.` / `core.data.` / `core.gen.` prefixes, verbs unified. */
function idTokens(id: string): string[] {
  const rest = id.replace(/^(?:generated|core\.data|core\.gen)\./, '');
  return tokens(rest).map((t) => VERB_SYNONYMS[t] ?? t);
}

/** `idTokens(e.id)`, from the entry's scoring tokens when its id has no prefix to drop. */
function entryIdTokens(e: CatalogEntry): string[] {
  const id = e.id;
  if (id.startsWith('generated.') || id.startsWith('core.data.') || id.startsWith('core.gen.'))
    return idTokens(id);
  return Array.from(entryTokens(e).id, (t) => VERB_SYNONYMS[t] ?? t);
}

interface FuzzyIndex {
  /** The entries gap resolution may map to, in catalog order. */
  readonly candidates: readonly CatalogEntry[];
  /** `idTokens` of each candidate. */
  readonly tokens: readonly (readonly string[])[];
  readonly byToken: ReadonlyMap<string, readonly number[]>;
  readonly byLast: ReadonlyMap<string, readonly number[]>;
}

const FUZZY = {};

/** Per catalog: the candidates' id tokens, indexed by token and by last id segment. */
function fuzzyIndex(catalog: Catalog): FuzzyIndex {
  return perCatalog(FUZZY, catalog, (c) => {
    const candidates = c.entries.filter(
      (e) => !isMetaCapability(e.id) && !e.id.startsWith('ccos.'),
    );
    const byToken = new Map<string, number[]>();
    const byLast = new Map<string, number[]>();
    const add = (m: Map<string, number[]>, key: string, at: number): void => {
      const l = m.get(key);
      if (l === undefined) m.set(key, [at]);
      else if (l[l.length - 1] !== at) l.push(at);
    };
    const tokens = candidates.map((e, at) => {
      const t = entryIdTokens(e);
      for (const x of t) add(byToken, x, at);
      add(byLast, e.id.split('.').pop() ?? '', at);
      return t;
    });
    return { candidates, tokens, byToken, byLast };
  });
}

/**
 * The fuzzy catalog match of `requested` (stage 3), if any. A Jaccard score ≥ 0.5 needs a
 * shared token, so only the entries indexed under one of `requested`'s tokens are scored.
 */
export function fuzzyMatch(requested: string, catalog: Catalog): string | undefined {
  const last = requested.split('.').pop() ?? requested;
  const ix = fuzzyIndex(catalog);
  const sameLast = (ix.byLast.get(last) ?? []).map((at) => ix.candidates[at] as CatalogEntry);
  if (sameLast.length > 0 && !requested.startsWith('generated.'))
    return [...sameLast].sort((a, b) => compareIds(a.id, b.id))[0]?.id;
  const rt = idTokens(requested);
  // An invented id maps only to a capability doing the same kind of thing (its verb).
  const verb = idParts(requested).verb;
  let best: { id: string; score: number } | undefined;
  for (const at of positionsIn(rt.map((t) => ix.byToken.get(t)))) {
    const e = ix.candidates[at] as CatalogEntry;
    const score = jaccard(rt, ix.tokens[at] ?? []);
    if (score < 0.5) continue;
    if (requested.startsWith('generated.') && !sameKind(verb, idParts(e.id).verb)) continue;
    if (
      best === undefined ||
      score > best.score ||
      (score === best.score && compareIds(e.id, best.id) < 0)
    )
      best = { id: e.id, score };
  }
  return best?.id;
}

function sameKind(a: string | undefined, b: string | undefined): boolean {
  const fam = lexicon().family;
  // A capability without a verb in its id reads (`weather.current`): a reading verb fits it.
  if (b === undefined) return a === undefined || fam.get(a) === 'read';
  if (a === undefined) return false;
  return a === b || (fam.get(a) !== undefined && fam.get(a) === fam.get(b));
}

export function requestId(goal: string, id: string): string {
  return `cap-request-${id}-${sha256Hex(goal + id).slice(0, 8)}`;
}

const RANK: readonly ResolutionOutcome[] = [
  'no-action',
  'failed',
  'awaiting-external',
  'discovered',
  'synthesized',
];

export function resolveGaps(
  coverage: Coverage,
  signals: GoalSignals,
  catalog: Catalog,
  opts: ResolveOptions = {},
): Resolution {
  const attempted = [...(opts.attempted ?? [])];
  const synthesized = [...(opts.synthesized ?? [])];
  const mappings = [...(opts.mappings ?? [])];
  const targets: string[] = [];
  for (const id of [...coverage.missing_capabilities, ...coverage.incomplete_capabilities]) {
    if (!targets.includes(id)) targets.push(id);
  }
  for (const r of signals.requirements) {
    const id = r.capability_id;
    if (r.kind !== 'must-call-capability' || r.priority !== 'must' || id === undefined) continue;
    if (
      r.readiness === 'identified' &&
      !targets.includes(id) &&
      !coverage.pending_capabilities.includes(id)
    )
      targets.push(id);
  }
  let s = signals;
  let outcome: ResolutionOutcome = 'no-action';
  const capabilities: ResolvedCapability[] = [];
  const pending: PendingRequest[] = [];
  const notes: string[] = [];
  const raise = (o: ResolutionOutcome): void => {
    if (RANK.indexOf(o) > RANK.indexOf(outcome)) outcome = o;
  };
  const map = (requested: string, resolved: string, method: ResolvedCapability['method']): void => {
    if (requested !== resolved) {
      mappings.push({ requested, resolved });
      s = { ...s, requirements: s.requirements.filter((r) => r.id !== mustCallId(requested)) };
    }
    s = upsertRequirement(
      s,
      mustCall(
        resolved,
        'must',
        { kind: 'derived', rationale: `resolved from ${requested}` },
        'available',
        {
          resolution_method: method,
          ...(requested !== resolved ? { mapped_from: requested } : {}),
        },
      ),
    );
  };
  for (const id of targets) {
    if (attempted.includes(id)) {
      notes.push(`${id}: already attempted`);
      continue;
    }
    attempted.push(id);
    const exact = id.startsWith('core.gen.') ? undefined : catalog.get(id);
    if (exact !== undefined) {
      capabilities.push({ id, method: 'exact', provider: exact.provider });
      map(id, id, 'exact');
      raise('discovered');
      notes.push(`${id}: found in the catalog`);
      continue;
    }
    const alias = resolveAlias(id, catalog) ?? undefined;
    // An id a model invented is never mapped to a look-alike: it was reported back to the
    // model, and what is still missing is a gap.
    const invented =
      s.requirements.find((r) => r.capability_id === id)?.metadata['origin_rule'] === 'llm';
    const fuzzy = alias === undefined && !invented ? fuzzyMatch(id, catalog) : undefined;
    const target = alias ?? fuzzy;
    if (target !== undefined) {
      const method = alias !== undefined ? 'alias' : 'fuzzy';
      capabilities.push({
        id: target,
        method,
        provider: catalog.get(target)?.provider ?? 'catalog',
      });
      map(id, target, method);
      raise('discovered');
      notes.push(`${id} → ${target} (${method})`);
      continue;
    }
    // An invented id names its operation by its verb, the first word ("order" in
    // generated.generate_invoice_order is a noun, not a sort).
    const opWords = id.startsWith('generated.') ? idTokens(id).slice(0, 1) : idTokens(id);
    const op = opts.allow_synthesis === false || invented ? undefined : genOpFor(opWords);
    if (op !== undefined) {
      const t = genTemplate(op);
      if (!synthesized.some((x) => x.id === t.id)) synthesized.push(t);
      capabilities.push({ id: t.id, method: 'template', provider: 'synthesized' });
      map(id, t.id, 'template');
      raise('synthesized');
      notes.push(`${id} → ${t.id} (template)`);
      continue;
    }
    const request = requestId(s.goal_text, id);
    pending.push({
      capability_id: id,
      request_id: request,
      suggested_human_action: `provide a capability "${id}" or add it to the catalog`,
    });
    s = upsertRequirement(s, {
      ...mustCall(id, 'must', { kind: 'derived', rationale: 'unresolved' }, 'pending-external', {
        resolution_method: 'pending-external',
      }),
      pending_request_id: request,
    });
    raise('awaiting-external');
    notes.push(`${id}: pending external (${request})`);
  }
  const sortedSynth = [...synthesized].sort((a, b) => compareIds(a.id, b.id));
  return {
    outcome,
    capabilities,
    pending_requests: pending,
    mappings,
    synthesized: sortedSynth,
    goal_signals: { ...s, resolution: { attempted, synthesized: sortedSynth, mappings } },
    attempted,
    summary: notes.length > 0 ? notes.join('; ') : 'nothing to resolve',
  };
}

/**
 * `planner.build_capability_menu` (planner.md §2.2 TS design): a pure function of
 * (signals, catalog, limit). Entries, in order of precedence: (a) pinned, score 1.0:
 * every `:must` MustCall requirement (and every capability the current plan uses,
 * `used_by_plan`) found in the catalog or among the synthesized capabilities, and `ccos.user.ask` when the goal asks the user something; (b) catalog
 * entries scoring ≥ `min_score`; (c) the utilities `ccos.echo` and `ccos.user.ask` at
 * 0.1; (d) for an unmet MustFilter with no filtering entry, `core.data.filter` from
 * the catalog or else a synthetic `core.gen.filter` scaffold. Sorted by (−score, id)
 * and truncated to `limit`, pinned entries always kept.
 */
import type { Catalog, CatalogEntry } from './catalog/index.js';
import { schemaInfo } from './catalog/index.js';
import { inputKeywords, menuCandidates } from './catalog-index.js';
import { genTemplate } from './gen-templates.js';
import { isMetaCapability, scoreEntry } from './scoring.js';
import { signalQuery } from './signals.js';
import { compareIds, round4 } from './text.js';
import type { GoalSignals, MenuEntry, Provenance, SynthesizedCapability } from './types.js';

/** Built-in list operations every menu offers (filters, sorts, counts, groups). */
const LIST_OPERATIONS = [
  'core.data.count',
  'core.data.filter',
  'core.data.group',
  'core.data.sort',
];

export interface MenuOptions {
  readonly limit?: number;
  readonly include_synthetic?: boolean;
  readonly min_score?: number;
  readonly synthesized?: readonly SynthesizedCapability[];
}

export interface MenuResult {
  readonly menu: MenuEntry[];
  readonly discovery: {
    readonly capability_id: string;
    readonly status: string;
    readonly notes: string;
  }[];
  readonly catalog_snapshot: string;
}

/** A catalog entry for a capability synthesized from a template. */
export function synthesizedEntry(s: SynthesizedCapability): CatalogEntry {
  return {
    id: s.id,
    name: s.id,
    description: s.description,
    provider: 'synthesized',
    effects: ['pure'],
    inputSchema: s.input_schema,
    outputSchema: s.output_schema,
    metadata: {},
    aliases: [],
    builtin: true,
  };
}

export function menuEntry(
  e: CatalogEntry,
  score: number,
  provenance: Provenance,
  metadata: Record<string, string> = {},
): MenuEntry {
  const info = schemaInfo(e);
  return {
    id: e.id,
    provider_label: e.provider,
    description: e.description,
    required_inputs: info.inputs.filter((i) => !i.optional).map((i) => i.name),
    optional_inputs: info.inputs.filter((i) => i.optional).map((i) => i.name),
    outputs: info.allOutputs,
    provenance,
    score,
    effects: e.effects,
    metadata: { ...e.metadata, ...metadata },
    input_schema: e.inputSchema,
    output_schema: e.outputSchema,
  };
}

/** A menu entry to be: its id and score now, the entry itself only if it is kept. */
interface Candidate {
  readonly id: string;
  readonly score: number;
  readonly make: () => MenuEntry;
}

const ready = (m: MenuEntry): Candidate => ({ id: m.id, score: m.score, make: () => m });

const lazyEntry = (e: CatalogEntry, score: number, provenance: Provenance): Candidate => ({
  id: e.id,
  score,
  make: () => menuEntry(e, score, provenance),
});

export function buildMenu(
  signals: GoalSignals,
  catalog: Catalog,
  opts: MenuOptions = {},
): MenuResult {
  const limit = opts.limit ?? 16;
  const minScore = opts.min_score ?? 0.3;
  const synthesized = new Map<string, SynthesizedCapability>();
  for (const s of opts.synthesized ?? []) synthesized.set(s.id, s);
  const lookup = (id: string): CatalogEntry | undefined => {
    const s = synthesized.get(id);
    return s !== undefined ? synthesizedEntry(s) : catalog.get(id);
  };
  const chosen = new Map<string, { entry: Candidate; pinned: boolean }>();
  const put = (m: Candidate | MenuEntry, pinned: boolean): void => {
    const c = 'make' in m ? m : ready(m);
    const prev = chosen.get(c.id);
    if (prev === undefined || (pinned && !prev.pinned) || c.score > prev.entry.score)
      chosen.set(c.id, { entry: c, pinned: pinned || (prev?.pinned ?? false) });
  };
  const discovery: MenuResult['discovery'] = [];
  // (a) pinned
  for (const r of signals.requirements) {
    if (r.kind !== 'must-call-capability' || r.capability_id === undefined) continue;
    if (r.priority !== 'must' && r.metadata['used_by_plan'] !== 'true') continue;
    const e = lookup(r.capability_id);
    if (e === undefined) continue;
    put(menuEntry(e, 1, synthesized.has(e.id) ? 'synthesized' : 'catalog'), true);
  }
  for (const s of [...synthesized.values()].sort((a, b) => compareIds(a.id, b.id))) {
    put(menuEntry(synthesizedEntry(s), 1, 'synthesized'), true);
    discovery.push({ capability_id: s.id, status: 'synthesized', notes: 'template synthesis' });
  }
  const asks = signals.contextual_facts['ask_user'];
  const ask = catalog.get('ccos.user.ask');
  if (asks !== undefined && asks !== null && ask !== undefined)
    put(menuEntry(ask, 1, 'catalog'), true);
  // (b) scored: words, plus the share of required inputs the goal gives (a capability
  // the goal's values can call is relevant: `symbol` AAPL → stocks.get_quote). Only
  // entries with a query token or a given input can score above 0 (catalog-index.ts);
  // with a threshold of 0 or less every entry is in.
  const query = signalQuery(signals);
  const given = new Set(signals.constraints.map((c) => c.name));
  const candidates = minScore > 0 ? menuCandidates(catalog, query, given) : catalog.entries;
  for (const e of candidates) {
    if (isMetaCapability(e.id) || e.id.startsWith('ccos.')) continue;
    let bonus = 0;
    if ([...inputKeywords(e)].some((k) => given.has(k))) {
      const required = schemaInfo(e).inputs.filter((i) => !i.optional);
      const have = required.filter((i) => given.has(i.name)).length;
      bonus = required.length > 0 ? (0.3 * have) / required.length : 0;
    }
    const score = round4(Math.min(1, scoreEntry(e, query) + bonus));
    if (score >= minScore) put(lazyEntry(e, score, 'catalog'), false);
  }
  // (c) utilities, and the pure list operations synthesis writes filters, sorts and counts with
  for (const id of ['ccos.echo', 'ccos.user.ask']) {
    const e = catalog.get(id);
    if (e !== undefined && !chosen.has(id)) put(menuEntry(e, 0.1, 'catalog'), false);
  }
  for (const id of LIST_OPERATIONS) {
    const e = catalog.get(id);
    if (e !== undefined && !chosen.has(id)) put(menuEntry(e, 0.1, 'catalog'), true);
  }
  // (d) scaffolds for unmet filters
  if (opts.include_synthetic !== false) {
    const filters = signals.requirements.filter(
      (r) => r.kind === 'must-filter' && r.readiness !== 'available',
    );
    const hasFilter = [...chosen.keys()].some((id) => id.includes('filter'));
    if (filters.length > 0 && !hasFilter) {
      const builtin = catalog.get('core.data.filter');
      if (builtin !== undefined) put(menuEntry(builtin, 0.5, 'catalog'), true);
      else {
        const t = genTemplate('filter');
        put(
          menuEntry(synthesizedEntry(t), 0.5, 'synthetic', { capability_status: 'scaffold' }),
          true,
        );
        discovery.push({
          capability_id: t.id,
          status: 'scaffold',
          notes: 'synthetic filter scaffold',
        });
      }
    }
  }
  const all = [...chosen.values()].sort(
    (a, b) => b.entry.score - a.entry.score || compareIds(a.entry.id, b.entry.id),
  );
  const pinned = all.filter((x) => x.pinned);
  const rest = all.filter((x) => !x.pinned).slice(0, Math.max(0, limit - pinned.length));
  const menu = [...pinned, ...rest]
    .map((x) => x.entry.make())
    .sort((a, b) => b.score - a.score || compareIds(a.id, b.id));
  return { menu, discovery, catalog_snapshot: catalog.snapshot };
}

/**
 * What the language server knows besides the document: the core namespace (builtins
 * and the macros of stdlib/core.rtfs, with arities and docs), the special forms, and
 * the capabilities — built in, the planner's, and those of the catalogs named in the
 * workspace settings — with their effects and schemas.
 */
import { type Value, Keyword, RMap, type RList, Sym, printValue } from '../data/index.js';
import { specialFormNames } from '../analyzer/index.js';
import { createRuntime } from '../create-runtime.js';
import { Builtin, Fn } from '../runtime/index.js';
import { builtinCapabilities, type Capability } from '../host/index.js';
import { plannerCapabilities } from '../planner/capabilities/index.js';
import { type Diagnostic } from '../diagnostics/index.js';
import { loadCatalog, makeCatalog } from '../planner/index.js';
import { formatType } from '../types/index.js';
import {
  builtinArity,
  builtinDocs,
  coreDefn,
  defnSignatures,
  formatSignature,
} from '../docs/index.js';

export interface CapabilityInfo {
  readonly id: string;
  readonly description: string;
  readonly effects: readonly string[];
  readonly input: string | undefined;
  readonly output: string | undefined;
  /** Where it comes from: 'built-in', a catalog file, or 'this file'. */
  readonly origin: string;
}

export interface CoreInfo {
  readonly name: string;
  readonly kind: 'function' | 'macro' | 'special form' | 'value';
  /** A markdown description: signature, arity, docs. */
  readonly doc: string;
}

const quiet = (): void => undefined;

export class Knowledge {
  private coreCache: Map<string, CoreInfo> | undefined;
  private caps = new Map<string, CapabilityInfo>();
  /** Ids from catalogs (with them, unknown ids are errors in `rtfs check`). */
  catalogIds: string[] | undefined;
  catalogDiagnostics: Diagnostic[] = [];

  constructor() {
    this.setCatalogs([]);
  }

  /** The core namespace: builtins, core macros and special forms. */
  core(): ReadonlyMap<string, CoreInfo> {
    if (this.coreCache !== undefined) return this.coreCache;
    const m = new Map<string, CoreInfo>();
    for (const name of specialFormNames())
      m.set(name, { name, kind: 'special form', doc: `\`${name}\` — special form` });
    for (const name of [
      'def',
      'defn',
      'fn',
      'defmacro',
      'defcapability',
      'plan',
      'import',
      'module',
    ])
      if (!m.has(name))
        m.set(name, { name, kind: 'special form', doc: `\`${name}\` — special form` });
    const rt = createRuntime({ out: quiet, log: quiet, jit: false });
    const docs = builtinDocs();
    for (const name of rt.core.names()) {
      if (m.has(name)) continue;
      const cell = rt.core.lookup(name);
      const v = cell?.value;
      if (v === undefined) continue;
      const lines: string[] = [];
      let kind: CoreInfo['kind'] = 'value';
      if (v instanceof Builtin) {
        kind = 'function';
        const d = docs.get(name);
        lines.push(`\`(${name} …)\` — builtin, arity ${d?.arity ?? builtinArity(v)}`);
        if (d !== undefined) lines.push('', d.text);
      } else if (v instanceof Fn || cell?.macro === true) {
        kind = cell?.macro === true ? 'macro' : 'function';
        const form = coreDefn(name);
        const sigs = form ? defnSignatures(form).map(formatSignature) : [];
        lines.push('```rtfs', ...sigs.map((s) => `(${name} ${s.replace(/^\[|\]$/g, '')})`), '```');
        lines.push(`${kind} of stdlib/core.rtfs`);
      } else lines.push(`\`${name}\` = \`${printValue(v)}\``);
      if (cell?.doc !== undefined) lines.push('', cell.doc);
      m.set(name, { name, kind, doc: lines.join('\n') });
    }
    this.coreCache = m;
    return m;
  }

  /** Loads the catalogs of the workspace settings (paths already resolved). */
  setCatalogs(files: readonly string[]): void {
    const loaded = loadCatalog(files);
    this.catalogDiagnostics = loaded.diagnostics;
    this.catalogIds = files.length > 0 ? loaded.catalog.entries.map((e) => e.id) : undefined;
    const caps = new Map<string, CapabilityInfo>();
    const add = (c: Capability, origin: string): void => {
      caps.set(c.id, {
        id: c.id,
        description: c.description,
        effects: c.effects,
        input: c.inputSchema ? formatType(c.inputSchema) : undefined,
        output: c.outputSchema ? formatType(c.outputSchema) : undefined,
        origin,
      });
    };
    for (const c of builtinCapabilities({ log: quiet })) add(c, 'built-in');
    for (const c of plannerCapabilities({ catalog: makeCatalog([]) })) add(c, 'planner');
    for (const e of loaded.catalog.entries) {
      if (e.builtin === true) continue;
      caps.set(e.id, {
        id: e.id,
        description: e.description,
        effects: e.effects,
        input: e.inputSchema === null ? undefined : printValue(e.inputSchema),
        output: e.outputSchema === null ? undefined : printValue(e.outputSchema),
        origin: e.span?.source.uri ?? 'catalog',
      });
    }
    this.caps = caps;
  }

  capabilities(): ReadonlyMap<string, CapabilityInfo> {
    return this.caps;
  }
}

/**
 * The spec of a capability definition: `(defcapability "id" {spec} …)`'s map, or the
 * keyword arguments of the reference's `(capability "id" :key value …)` as a map.
 */
export function capabilitySpec(form: RList): Value | undefined {
  const items = form.items;
  const head = items[0];
  if (!(head instanceof Sym) || head.name !== 'capability') return items[2];
  const flat = items.slice(2);
  return flat.length % 2 === 0 ? RMap.fromFlat(flat) : undefined;
}

/** A capability definition's spec map as capability information. */
export function definedCapability(id: string, spec: Value | undefined): CapabilityInfo {
  const get = (k: string): Value | undefined =>
    spec instanceof RMap ? spec.get(Keyword.of(k)) : undefined;
  const d = get('description');
  const effects = get('effects');
  const schema = (k: string): string | undefined => {
    const v = get(k);
    return v === undefined ? undefined : printValue(v);
  };
  return {
    id,
    description: typeof d === 'string' ? d : '',
    effects:
      effects === undefined
        ? ['pure']
        : printValue(effects)
            .replace(/[[\]:]/g, '')
            .split(/\s+/)
            .filter(Boolean),
    input: schema('input-schema'),
    output: schema('output-schema'),
    origin: 'this file',
  };
}

/** Markdown for a capability. */
export function capabilityMarkdown(c: CapabilityInfo): string {
  const lines = [`**${c.id}** (${c.origin})`];
  if (c.description !== '') lines.push('', c.description);
  lines.push('', `effects: ${c.effects.map((e) => `\`:${e}\``).join(' ')}`);
  if (c.input !== undefined) lines.push('', `input: \`${c.input}\``);
  if (c.output !== undefined) lines.push('', `output: \`${c.output}\``);
  return lines.join('\n');
}

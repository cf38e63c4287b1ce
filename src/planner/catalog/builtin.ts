/** Catalog entries for the capabilities built into the host (`core.data.*`, `ccos.*`). */
import type { Value } from '../../data/index.js';
import { builtinCapabilities, type Capability } from '../../host/index.js';
import { read } from '../../syntax/index.js';
import { formatType } from '../../types/index.js';
import { type CatalogEntry, nameFromId } from './entry.js';

function formOf(form: Value | undefined, type: Capability['inputSchema']): Value {
  if (form !== undefined) return form;
  if (type === undefined) return null;
  return read(formatType(type), '<builtin-schema>').forms[0] ?? null;
}

/** The catalog entry describing an in-process capability. */
export function entryFromCapability(c: Capability, provider = 'builtin'): CatalogEntry {
  return {
    id: c.id,
    name: nameFromId(c.id),
    description: c.description,
    provider,
    effects: [...c.effects],
    inputSchema: formOf(c.inputSchemaForm, c.inputSchema),
    outputSchema: formOf(c.outputSchemaForm, c.outputSchema),
    metadata: {},
    aliases: [],
    builtin: c.external !== true,
  };
}

/** Entries for every built-in host capability (`core.data.*`, `ccos.*`). */
export function builtinEntries(): CatalogEntry[] {
  return builtinCapabilities({ log: () => undefined, readRoots: [] }).map((c) =>
    entryFromCapability(c),
  );
}

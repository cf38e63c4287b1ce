/**
 * Capability catalogs for `rtfs check --catalog FILE`: RTFS or JSON data holding a
 * vector (array) of maps (objects), each with an `:id` (`"id"`). Only the ids are
 * read; everything else in the entries is ignored.
 */
import { type Value, Keyword, RMap, RVector } from '../data/index.js';
import { parseConfigText } from '../config/index.js';
import { formatDiagnosticLine } from '../diagnostics/index.js';

export type CatalogResult = { readonly ids: string[] } | { readonly error: string };

export function catalogIds(text: string, uri: string): CatalogResult {
  const config = parseConfigText(text, uri);
  if (!config.ok) {
    const d = config.diagnostics[0];
    return { error: d === undefined ? `${uri}: cannot read` : formatDiagnosticLine(d) };
  }
  if (config.format === 'json') {
    const data = config.json;
    const list = Array.isArray(data) ? data : (data as { capabilities?: unknown })?.capabilities;
    if (!Array.isArray(list)) return { error: `${uri}: expected an array of {"id": …} objects` };
    const ids = list.map((e: unknown) => (e as { id?: unknown } | null)?.id);
    if (!ids.every((id) => typeof id === 'string')) {
      return { error: `${uri}: every entry needs a string "id"` };
    }
    return { ids: ids as string[] };
  }
  const ids: string[] = [];
  for (const form of [config.value]) {
    const list = form instanceof RMap ? form.get(Keyword.of('capabilities')) : form;
    if (!(list instanceof RVector)) {
      return { error: `${uri}: expected a vector of {:id "…"} maps` };
    }
    for (const entry of list) {
      const id = entry instanceof RMap ? idOf(entry) : undefined;
      if (id === undefined) return { error: `${uri}: every entry needs a string :id` };
      ids.push(id);
    }
  }
  return { ids };
}

function idOf(m: RMap): string | undefined {
  const id: Value | undefined = m.get(Keyword.of('id')) ?? m.get('id');
  return typeof id === 'string' ? id : undefined;
}

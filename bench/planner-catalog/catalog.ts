/** A generated catalog (generate.ts) loaded as `rtfs plan --catalog` loads a file: built-ins included. */
import {
  type Catalog,
  builtinEntries,
  loadCatalogText,
  makeCatalog,
  mergeEntries,
} from '../../src/planner/index.js';
import { catalogSource, generateCatalog } from './generate.js';

export function generatedCatalog(n: number, seed = 1): Catalog {
  const text = catalogSource(generateCatalog(n, seed), `generated, ${n} capabilities`);
  const r = loadCatalogText(text, `generated-${n}.rtfs`);
  const merged = mergeEntries([builtinEntries(), r.entries]);
  const problems = [...r.diagnostics, ...merged.diagnostics];
  if (problems.length > 0) throw new Error(problems.map((d) => d.message).join('\n'));
  return makeCatalog(merged.entries);
}

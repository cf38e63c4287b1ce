export {
  type CatalogEntry,
  type InputInfo,
  type SchemaInfo,
  schemaInfo,
  typeOf,
  recordOf,
  isFnType,
  nameFromId,
} from './entry.js';
export { type Catalog, makeCatalog, catalogSnapshot, entryToValue } from './catalog.js';
export { builtinEntries, entryFromCapability } from './builtin.js';
export { loadRtfsCatalog, type LoadResult } from './load-rtfs.js';
export { loadJsonCatalog } from './load-json.js';
export {
  loadCatalog,
  loadCatalogFile,
  loadCatalogText,
  mergeEntries,
  type LoadCatalogOptions,
} from './load.js';
export { catalogCapabilities } from './capabilities.js';
export { type CatalogCacheStore } from './cache.js';
export { catalogContent, catalogFromContent, catalogChanges } from './content.js';

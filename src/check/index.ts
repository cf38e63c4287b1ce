export { checkSources, checkSource, type CheckOptions, type FileReport } from './check.js';
export { catalogIds, type CatalogResult } from './catalog.js';
export { CheckCodes, type CheckCode } from './codes.js';

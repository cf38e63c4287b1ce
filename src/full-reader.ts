/**
 * Build entry for `dist/full-reader.js`: the Chevrotain reader alone, loaded lazily by
 * {@link loadFullReader} in index.ts (Chevrotain itself lives only in this bundle's chunk).
 */
export { chevrotainRead } from './syntax/chevrotain-reader.js';

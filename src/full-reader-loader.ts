/**
 * Loads the Chevrotain reader synchronously, on first use (src/reader.ts). In the
 * build, `full-reader.js` sits next to every bundle file (entries and chunks), and
 * `require` of an ES module shares module instances with `import`, so both readers
 * build the same keywords and classes. The CLI's single CommonJS bundle (ADR 0024)
 * replaces this file with full-reader-loader.bundled.ts.
 */
import { createRequire } from 'node:module';
import type { FullReader } from './syntax/index.js';

export function requireFullReader(): FullReader {
  const load = createRequire(import.meta.url);
  return (load('./full-reader.js') as { chevrotainRead: FullReader }).chevrotainRead;
}

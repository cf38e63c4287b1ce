/**
 * The reading half of the public API (`rtfs-ts/reader`; `rtfs-ts` re-exports all of it):
 * reading RTFS text into RTFS data (`read`), the data model, printing (`printValue`),
 * sources/spans and diagnostics, without the runtime. The CLI imports this module
 * statically and the runtime (index.ts) only in the commands that evaluate, so that
 * `rtfs read` does not load the evaluator.
 *
 * `read` parses valid text with a fast hand-written scanner and needs the Chevrotain
 * reader only for input that scanner rejects (it produces the diagnostics). Importing
 * this module installs a loader that `require`s that reader synchronously the first
 * time it is needed (`dist/full-reader.js`), so programs that only read valid text
 * never load Chevrotain. `import 'rtfs-ts/full'` installs it eagerly instead.
 */
import { createRequire } from 'node:module';
import { hasFullReader, setFullReader, type FullReader } from './syntax/index.js';

export * from './source/index.js';
export * from './diagnostics/index.js';
export * from './data/index.js';
export * from './syntax/index.js';

/**
 * Loads the Chevrotain reader synchronously. In the build, `full-reader.js` sits next
 * to every bundle file (entries and chunks), and `require` of an ES module shares
 * module instances with `import`, so both readers build the same keywords and classes.
 */
export function loadFullReader(): FullReader {
  const load = createRequire(import.meta.url);
  return (load('./full-reader.js') as { chevrotainRead: FullReader }).chevrotainRead;
}

if (!hasFullReader()) setFullReader(loadFullReader, true);

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
import { hasFullReader, setFullReader, type FullReader } from './syntax/index.js';
import { requireFullReader } from './full-reader-loader.js';

export * from './source/index.js';
export * from './diagnostics/index.js';
export * from './data/index.js';
export * from './syntax/index.js';

/** Loads the Chevrotain reader synchronously (full-reader-loader.ts says from where). */
export function loadFullReader(): FullReader {
  return requireFullReader();
}

if (!hasFullReader()) setFullReader(loadFullReader, true);

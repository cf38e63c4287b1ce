/**
 * full-reader-loader.ts as the CLI's single CommonJS bundle has it (ADR 0024): the
 * Chevrotain reader is inside the bundle (sharing its data model), and esbuild runs
 * its module code on this first `require`.
 */
import type { FullReader } from './syntax/index.js';

export function requireFullReader(): FullReader {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- bundled, initialised on first use
  return (require('./full-reader.js') as { chevrotainRead: FullReader }).chevrotainRead;
}

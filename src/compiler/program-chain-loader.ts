/**
 * The recorded chain of a compiled module (program-chain.ts) as program-runtime.ts links
 * it. From source and in the CLI's single bundle it is imported with the rest; the ES
 * module build swaps this file for program-chain-loader.lazy.ts, which loads
 * `dist/program-chain.js` when a module runs with `--chain` or `--trace` (ADR 0046).
 */
import type { openRecordedChain as OpenRecordedChain } from './program-chain.js';

export { openRecordedChain } from './program-chain.js';

/** Installs the chain where it is loaded lazily; here it is linked already. */
export function setProgramChain(open: typeof OpenRecordedChain): void {
  void open;
}

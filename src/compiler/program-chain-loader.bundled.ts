/**
 * program-chain-loader.ts as the single CommonJS bundles have it (the CLI's, ADR 0024, and
 * the runtime of compiled modules, ADR 0052): the chain's writer, verifier, encoding,
 * signing and tree printer are inside the bundle (one data model), and esbuild runs their
 * module code on the first `require`, when a module runs with `--chain` or `--trace`.
 */
import type { openRecordedChain as OpenRecordedChain } from './program-chain.js';

let open: typeof OpenRecordedChain | undefined;

/** Installs `o` instead of the bundled chain (the interface of every program-chain-loader). */
export function setProgramChain(o: typeof OpenRecordedChain): void {
  open = o;
}

/** program-chain.ts's `openRecordedChain`, initialised on first use. */
export const openRecordedChain: typeof OpenRecordedChain = (dir, signKey) =>
  (open ??=
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- bundled, initialised on first use
    (require('./program-chain.js') as { openRecordedChain: typeof OpenRecordedChain })
      .openRecordedChain)(dir, signKey);

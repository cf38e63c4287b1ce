/**
 * program-chain-loader.ts as the ES module build has it (ADR 0046): the chain's writer,
 * verifier, encoding, signing and tree printer are not parsed when a compiled module
 * starts without `--chain` or `--trace` (its records are only counted). `dist/program-chain.js`
 * sits next to every bundle file, and `require` of an ES module shares module instances
 * with `import` (one data model). `rtfs compile --bundle` installs it with
 * `setProgramChain` instead (a bundle has no files beside it).
 */
import { createRequire } from 'node:module';
import type { openRecordedChain as OpenRecordedChain } from './program-chain.js';

let open: typeof OpenRecordedChain | undefined;

export function setProgramChain(o: typeof OpenRecordedChain): void {
  open = o;
}

/** program-chain.ts's `openRecordedChain`, loaded on first use. */
export const openRecordedChain: typeof OpenRecordedChain = (dir, signKey) =>
  (open ??= (
    createRequire(import.meta.url)('./program-chain.js') as {
      openRecordedChain: typeof OpenRecordedChain;
    }
  ).openRecordedChain)(dir, signKey);

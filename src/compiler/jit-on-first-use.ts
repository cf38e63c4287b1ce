/**
 * The lazy jit-loader twins' `fnJit` and `loopJit` (jit-loader.lazy.ts, ADR 0039;
 * jit-loader.bundled.ts, ADR 0052): each gets the tier from `load` when the first
 * function or loop gets hot, so a run whose code never gets hot never loads it.
 */
import type { Globals } from '../analyzer/index.js';
import type { FnJit, Host, LoopJit } from '../runtime/index.js';
import type { JitTier } from './jit-tier.js';

export function tierOnFirstUse(load: () => JitTier): Pick<JitTier, 'fnJit' | 'loopJit'> {
  return {
    fnJit(host: Host, core?: Globals): FnJit {
      let jit: FnJit | undefined;
      return (n) => (jit ??= load().fnJit(host, core))(n);
    },
    loopJit(host: Host, core?: Globals): LoopJit {
      let jit: LoopJit | undefined;
      return (n, frameSize) => (jit ??= load().loopJit(host, core))(n, frameSize);
    },
  };
}

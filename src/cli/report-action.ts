/**
 * `rtfs chain report DIR` and the `--report FILE` option of `rtfs plan` and
 * `rtfs chain replay`: writes the HTML run report (src/report) of a run in a chain
 * directory (loaded on demand).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { type ChainRecord, verifyChain } from '../audit/index.js';
import { readChain } from './chain-read.js';
import { chainDir } from './chain-actions.js';
import { replayRecorded } from '../meta/replay.js';
import { runReportHtml } from '../report/index.js';
import { formatBytes } from '../report/html.js';

export { formatBytes };
import type { CliContext } from './io.js';
import { ExitCode, UsageError } from './exit-codes.js';

export interface ReportFlags {
  readonly run?: string;
  readonly output?: string;
  readonly pubkey?: string;
  /** Replay the run and mark the divergence point. */
  readonly replay?: boolean;
}

/**
 * Replays a run as `rtfs chain replay` does (any run: deterministic calls re-executed,
 * the rest answered from the log; a failed run reproduced is not a divergence) and
 * returns the divergence message, or undefined when the replay reproduced the run.
 */
function replayDivergence(
  records: readonly ChainRecord[],
  runId: string | undefined,
): string | undefined {
  try {
    const r = replayRecorded(records, runId !== undefined ? { runId } : {});
    return r.ok ? undefined : r.message;
  } catch (e) {
    return `the replay could not run: ${(e as Error).message}`;
  }
}

function readKey(file: string | undefined): string | undefined {
  if (file === undefined) return undefined;
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read public key ${file}: ${(e as Error).message}`);
  }
}

/**
 * Writes the report of run `runId` (default: the last run) in `dir` to `file`, or to
 * stdout when `file` is `-`. Returns the bytes written, or an error message.
 */
export function writeRunReport(
  dir: string,
  file: string,
  ctx: CliContext,
  opts: {
    runId?: string;
    divergence?: string;
    publicKey?: string;
    replay?: boolean;
    /** What the report names as the chain (default: `dir`). */
    chainLabel?: string;
  } = {},
):
  | { ok: true; bytes: number; divergence?: string; damaged: boolean }
  | { ok: false; error: string } {
  const { records, ok: intact } = readChain(dir, ctx);
  const divergence = opts.replay === true ? replayDivergence(records, opts.runId) : opts.divergence;
  const verification = verifyChain(dir, opts.publicKey ? { publicKey: opts.publicKey } : {});
  const r = runReportHtml(
    {
      records,
      verification,
      trustedKey: opts.publicKey !== undefined,
      chainDir: opts.chainLabel ?? dir,
      ...(opts.runId !== undefined ? { runId: opts.runId } : {}),
      ...(divergence !== undefined ? { divergence } : {}),
    },
    { generator: `rtfs-ts ${ctx.version ?? 'dev'}` },
  );
  if (!r.ok) return r;
  if (file === '-') ctx.io.stdout.write(r.html);
  else {
    try {
      writeFileSync(file, r.html);
    } catch (e) {
      return { ok: false, error: `cannot write ${file}: ${(e as Error).message}` };
    }
  }
  return {
    ok: true,
    bytes: Buffer.byteLength(r.html),
    damaged: !intact,
    ...(divergence !== undefined ? { divergence } : {}),
  };
}

export function reportAction(dir: string, flags: ReportFlags, ctx: CliContext): ExitCode {
  chainDir(dir);
  const file = flags.output ?? '-';
  if (file === '-' && ctx.io.stdout.isTTY === true)
    throw new UsageError('the report is an HTML file: give -o FILE (or redirect stdout)');
  const r = writeRunReport(dir, file, ctx, {
    ...(flags.run !== undefined ? { runId: flags.run } : {}),
    ...(flags.pubkey !== undefined ? { publicKey: readKey(flags.pubkey) as string } : {}),
    ...(flags.replay === true ? { replay: true } : {}),
  });
  if (!r.ok) {
    ctx.io.stderr.write(`error: ${r.error}\n`);
    return ExitCode.inputErrors;
  }
  if (flags.replay === true)
    ctx.io.stderr.write(r.divergence === undefined ? 'replay OK\n' : `DIVERGED: ${r.divergence}\n`);
  if (file !== '-') ctx.io.stdout.write(`wrote ${file} (${formatBytes(r.bytes)})\n`);
  return r.divergence === undefined && !r.damaged ? ExitCode.ok : ExitCode.inputErrors;
}

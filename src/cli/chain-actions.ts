/** The work of the `rtfs chain` commands (loaded on demand). */
import { existsSync, readFileSync } from 'node:fs';
import {
  verifyChain,
  readRecords,
  formatTree,
  formatRecord,
  queryRecords,
  computeStats,
  formatStats,
  runIds,
  type ChainRecord,
} from '../audit/index.js';
import { printValue } from '../data/index.js';
import { clipText } from '../host/index.js';
import { replayRecorded, type RecordedReplay } from '../meta/replay.js';
import type { CliContext } from './io.js';
import { ExitCode, UsageError } from './exit-codes.js';

function records(dir: string): ChainRecord[] {
  if (!existsSync(dir)) throw new UsageError(`no chain directory ${dir}`);
  return readRecords(dir);
}

export function verifyAction(
  dir: string,
  flags: { strict?: boolean; pubkey?: string },
  ctx: CliContext,
): ExitCode {
  if (!existsSync(dir)) throw new UsageError(`no chain directory ${dir}`);
  let publicKey: string | undefined;
  if (flags.pubkey !== undefined) {
    try {
      publicKey = readFileSync(flags.pubkey, 'utf8');
    } catch (e) {
      throw new UsageError(`cannot read public key ${flags.pubkey}: ${(e as Error).message}`);
    }
  }
  const r = verifyChain(dir, {
    ...(flags.strict ? { strict: true } : {}),
    ...(publicKey ? { publicKey } : {}),
  });
  if (r.ok) {
    const head = r.head ? `, head seq ${r.head.seq} ${r.head.hash.slice(0, 16)}…` : '';
    const signed =
      r.checkpoints > 0
        ? `, ${r.checkpoints} signed checkpoint(s) through seq ${r.signedThrough}`
        : '';
    ctx.io.stdout.write(`chain OK: ${r.count} records${head}${signed}\n`);
    return ExitCode.ok;
  }
  ctx.io.stdout.write(
    `chain BAD: ${r.segment} line ${r.line} (seq ${r.seq ?? '?'}): ${r.kind}: ${r.message}\n` +
      `  expected ${r.expected}\n  actual   ${r.actual}\n  ${r.verified} records before it verified\n`,
  );
  return ExitCode.inputErrors;
}

export function showAction(
  dir: string,
  flags: { tree?: boolean; run?: string },
  ctx: CliContext,
): ExitCode {
  const rs = records(dir);
  if (flags.tree) {
    const runs = flags.run !== undefined ? [flags.run] : runIds(rs);
    for (const run of runs) ctx.io.stdout.write(`${formatTree(rs, run)}\n`);
    return ExitCode.ok;
  }
  for (const r of queryRecords(rs, flags.run !== undefined ? { run: flags.run } : {})) {
    ctx.io.stdout.write(`${formatRecord(r)}\n`);
  }
  return ExitCode.ok;
}

export function queryAction(
  dir: string,
  flags: { cap?: string; type?: string; run?: string; json?: boolean },
  ctx: CliContext,
): ExitCode {
  const found = queryRecords(records(dir), {
    ...(flags.cap !== undefined ? { cap: flags.cap } : {}),
    ...(flags.type !== undefined ? { type: flags.type } : {}),
    ...(flags.run !== undefined ? { run: flags.run } : {}),
  });
  for (const r of found) {
    if (flags.json) {
      const a = r.action;
      ctx.io.stdout.write(
        `${JSON.stringify({
          seq: r.seq,
          hash: r.hash,
          id: a.id,
          type: a.type,
          parent: a.parent,
          run: a.run,
          call_path: a.callPath,
          name: a.name,
          args: a.args === undefined ? undefined : printValue(a.args),
          result:
            a.result === undefined
              ? undefined
              : a.result.ok
                ? { ok: true, value: printValue(a.result.value) }
                : a.result,
          duration_ms: a.durationMs,
        })}\n`,
      );
    } else {
      ctx.io.stdout.write(`${formatRecord(r)}\n`);
    }
  }
  return ExitCode.ok;
}

export function statsAction(dir: string, ctx: CliContext): ExitCode {
  ctx.io.stdout.write(`${formatStats(computeStats(records(dir)))}\n`);
  return ExitCode.ok;
}

export function replayAction(
  dir: string,
  flags: { run?: string; source?: string; catalog?: readonly string[] },
  ctx: CliContext,
): ExitCode {
  let source: string | undefined;
  if (flags.source !== undefined) {
    try {
      source = readFileSync(flags.source, 'utf8');
    } catch (e) {
      throw new UsageError(`cannot read ${flags.source}: ${(e as Error).message}`);
    }
  }
  const recs = records(dir);
  let r;
  try {
    r = replayRecorded(recs, {
      ...(flags.run !== undefined ? { runId: flags.run } : {}),
      ...(flags.catalog !== undefined ? { catalogFiles: flags.catalog } : {}),
      ...(source !== undefined ? { source } : {}),
    });
  } catch (e) {
    if (e instanceof UsageError) throw e;
    ctx.io.stderr.write(`replay: ${(e as Error).message}\n`);
    return ExitCode.inputErrors;
  }
  if (!r.ok) {
    ctx.io.stdout.write(`DIVERGED: ${r.message}\n`);
    return ExitCode.inputErrors;
  }
  ctx.io.stdout.write(`${replayLine(r)}\n`);
  return ExitCode.ok;
}

/** `REPLAY OK …`: what was reproduced, and how (re-executed, from the log, live). */
export function replayLine(r: Extract<RecordedReplay, { ok: true }>): string {
  const what = r.failed
    ? `reproduced: failed as recorded (${r.failed.code}: ${clipText(r.failed.message, 160)})`
    : `final value sha256:${r.finalHash}`;
  const plan = r.finalPlanHash !== undefined ? `plan=${r.finalPlanHash} ` : '';
  const meta =
    r.metaPlanHash !== undefined
      ? `; plan sha256:${r.metaPlanHash.slice(0, 12)}… rebuilt from its source and rewrites`
      : '';
  return (
    `REPLAY OK ${plan}run ${r.runId}: ${what}${meta}; ` +
    `${plural(r.reexecuted, 'deterministic call')} re-executed and matched, ${plural(r.fromLog, 'answer')} from the log, ${plural(r.liveCalls, 'live call')}`
  );
}

function plural(n: number, what: string): string {
  return `${n} ${what}${n === 1 ? '' : 's'}`;
}

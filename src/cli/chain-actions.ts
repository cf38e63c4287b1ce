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
import { replayRun } from '../host/index.js';
import { isPlannerRun, replayPlanner } from '../meta/replay-planner.js';
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
  if (source === undefined && isPlannerRun(recs, flags.run)) {
    let p;
    try {
      p = replayPlanner(recs, {
        ...(flags.run !== undefined ? { runId: flags.run } : {}),
        ...(flags.catalog !== undefined ? { catalogFiles: flags.catalog } : {}),
      });
    } catch (e) {
      ctx.io.stderr.write(`replay: ${(e as Error).message}\n`);
      return ExitCode.inputErrors;
    }
    if (p.ok) {
      ctx.io.stdout.write(
        `REPLAY OK plan=${p.finalPlanHash} (run ${p.runId}; meta-plan sha256:${p.metaPlanHash.slice(0, 12)}… rebuilt from its rewrites; ${p.liveCalls} deterministic calls re-executed and matched; LLM, human and external answers from the log)\n`,
      );
      return ExitCode.ok;
    }
    ctx.io.stdout.write(`DIVERGED: ${p.message}\n`);
    return ExitCode.inputErrors;
  }
  let r;
  try {
    r = replayRun(recs, {
      ...(flags.run !== undefined ? { runId: flags.run } : {}),
      ...(source !== undefined ? { source } : {}),
    });
  } catch (e) {
    if (e instanceof UsageError) throw e;
    ctx.io.stderr.write(`replay: ${(e as Error).message}\n`);
    return ExitCode.inputErrors;
  }
  if (r.ok) {
    ctx.io.stdout.write(
      `replay OK: run ${r.runId}, final value ${r.finalHash}, ${r.liveCalls} live calls\n`,
    );
    return ExitCode.ok;
  }
  ctx.io.stdout.write(`${r.message}\n`);
  return ExitCode.inputErrors;
}

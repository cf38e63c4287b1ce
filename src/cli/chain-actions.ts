/** The work of the `rtfs chain` commands (loaded on demand). */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import {
  ChainReadError,
  generateSigningKeys,
  loadPublicKey,
  listSegments,
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

/** `dir` must be a directory holding a chain (usage error otherwise, with the path). */
export function chainDir(dir: string): string {
  let isDir: boolean;
  try {
    isDir = statSync(dir).isDirectory();
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(
      code === 'ENOENT'
        ? `no chain directory ${dir}`
        : `cannot read ${dir}: ${(e as Error).message}`,
    );
  }
  if (!isDir) throw new UsageError(`${dir} is not a directory (give the chain directory)`);
  let segments: string[];
  try {
    segments = listSegments(dir);
  } catch (e) {
    throw new UsageError(`cannot read ${dir}: ${(e as Error).message}`);
  }
  if (segments.length === 0)
    throw new UsageError(`${dir} holds no causal chain (no seg-*.jsonl files)`);
  return dir;
}

/** The records of a chain; lines that are not records are reported, not fatal. */
function load(dir: string, ctx: CliContext): { records: ChainRecord[]; ok: boolean } {
  const bad: ChainReadError[] = [];
  const records = readRecords(chainDir(dir), { onBadLine: (e) => bad.push(e) });
  for (const e of bad) ctx.io.stderr.write(`error: chain ${dir}: ${e.message}\n`);
  return { records, ok: bad.length === 0 };
}

/** For replay: every line must be a record. */
function records(dir: string): ChainRecord[] {
  try {
    return readRecords(chainDir(dir));
  } catch (e) {
    if (e instanceof ChainReadError) throw new ChainUnreadable(dir, e);
    throw e;
  }
}

class ChainUnreadable extends Error {
  constructor(dir: string, e: ChainReadError) {
    super(`chain ${dir}: ${e.message} (run rtfs chain verify ${dir})`);
  }
}

/** The trusted public key of `--pubkey FILE` (PEM). */
function publicKeyFrom(file: string | undefined): string | undefined {
  if (file === undefined) return undefined;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read public key ${file}: ${(e as Error).message}`);
  }
  try {
    loadPublicKey(text);
  } catch (e) {
    throw new UsageError(`${file} is not an Ed25519 public key: ${(e as Error).message}`);
  }
  return text;
}

export function verifyAction(
  dir: string,
  flags: { strict?: boolean; pubkey?: string },
  ctx: CliContext,
): ExitCode {
  chainDir(dir);
  const publicKey = publicKeyFrom(flags.pubkey);
  const r = verifyChain(dir, {
    ...(flags.strict ? { strict: true } : {}),
    ...(publicKey ? { publicKey } : {}),
  });
  if (r.ok) {
    const head = r.head ? `, head seq ${r.head.seq} ${r.head.hash.slice(0, 16)}…` : '';
    const signed =
      r.checkpoints > 0
        ? `, ${r.checkpoints} signed checkpoint(s) through seq ${r.signedThrough}${publicKey ? ' (by the given key)' : ''}`
        : '';
    ctx.io.stdout.write(`chain OK: ${r.count} records${head}${signed}\n`);
    if (r.checkpoints > 0 && r.unsigned > 0)
      ctx.io.stdout.write(
        `  note: the last ${r.unsigned} record(s) are not covered by a signed checkpoint (verify --pubkey refuses them)\n`,
      );
    if (r.checkpoints === 0)
      ctx.io.stdout.write(
        '  note: unsigned chain: this proves no accidental corruption, not who wrote it (see rtfs run --sign-key)\n',
      );
    if (!r.headFile)
      ctx.io.stdout.write('  note: no HEAD file: a cut of the newest records cannot be detected\n');
    return ExitCode.ok;
  }
  ctx.io.stdout.write(
    `chain BAD: ${r.segment} line ${r.line} (seq ${r.seq ?? '?'}): ${r.kind}: ${r.message}\n` +
      `  expected ${r.expected}\n  actual   ${r.actual}\n  ${r.verified} records before it verified\n`,
  );
  return ExitCode.inputErrors;
}

/** `rtfs chain keygen FILE`: a new Ed25519 key pair, FILE (private, mode 0600) and FILE.pub. */
export function keygenAction(file: string, ctx: CliContext): ExitCode {
  const { privateKeyPem, publicKeyPem } = generateSigningKeys();
  try {
    writeFileSync(file, privateKeyPem, { mode: 0o600, flag: 'wx' });
    writeFileSync(`${file}.pub`, publicKeyPem, { flag: 'wx' });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(
      code === 'EEXIST'
        ? `${(e as NodeJS.ErrnoException).path ?? file} already exists (not overwritten)`
        : `cannot write ${file}: ${(e as Error).message}`,
    );
  }
  ctx.io.stdout.write(
    `private key: ${file} (keep it outside the chain directory)\npublic key:  ${file}.pub\n` +
      `sign:   rtfs run plan.rtfs --chain DIR --sign-key ${file}\n` +
      `verify: rtfs chain verify DIR --pubkey ${file}.pub\n`,
  );
  return ExitCode.ok;
}

export function showAction(
  dir: string,
  flags: { tree?: boolean; run?: string },
  ctx: CliContext,
): ExitCode {
  const { records: rs, ok } = load(dir, ctx);
  const done = ok ? ExitCode.ok : ExitCode.inputErrors;
  if (flags.tree) {
    const runs = flags.run !== undefined ? [flags.run] : runIds(rs);
    for (const run of runs) ctx.io.stdout.write(`${formatTree(rs, run)}\n`);
    return done;
  }
  for (const r of queryRecords(rs, flags.run !== undefined ? { run: flags.run } : {})) {
    ctx.io.stdout.write(`${formatRecord(r)}\n`);
  }
  return done;
}

export function queryAction(
  dir: string,
  flags: { cap?: string; type?: string; run?: string; json?: boolean },
  ctx: CliContext,
): ExitCode {
  const loaded = load(dir, ctx);
  const found = queryRecords(loaded.records, {
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
  return loaded.ok ? ExitCode.ok : ExitCode.inputErrors;
}

export function statsAction(dir: string, ctx: CliContext): ExitCode {
  const { records: rs, ok } = load(dir, ctx);
  ctx.io.stdout.write(`${formatStats(computeStats(rs))}\n`);
  return ok ? ExitCode.ok : ExitCode.inputErrors;
}

export function replayAction(
  dir: string,
  flags: { run?: string; source?: string; catalog?: readonly string[]; pubkey?: string },
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
  // A replay reproduces what the log says happened: the log must verify first.
  const publicKey = publicKeyFrom(flags.pubkey);
  const v = verifyChain(chainDir(dir), publicKey === undefined ? {} : { publicKey });
  if (!v.ok) {
    ctx.io.stderr.write(
      `error: chain ${dir} does not verify: ${v.segment} line ${v.line}: ${v.kind}: ${v.message}\n`,
    );
    return ExitCode.inputErrors;
  }
  let recs: ChainRecord[];
  try {
    recs = records(dir);
  } catch (e) {
    if (!(e instanceof ChainUnreadable)) throw e;
    ctx.io.stderr.write(`error: ${e.message}\n`);
    return ExitCode.inputErrors;
  }
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

/**
 * `rtfs chain export DIR --format otlp-json`: the chain's runs as OpenTelemetry spans
 * in an OTLP/JSON file (src/export/otlp), for any trace store that reads OTLP (loaded
 * on demand).
 */
import { writeFileSync } from 'node:fs';
import { readChain } from './chain-read.js';
import { chainDir } from './chain-actions.js';
import { otlpJson } from '../export/otlp/file-export.js';
import type { CliContext } from './io.js';
import { ExitCode, UsageError } from './exit-codes.js';

export interface ExportFlags {
  readonly format?: string;
  readonly run?: string;
  readonly includeValues?: boolean;
  readonly output?: string;
}

export const EXPORT_FORMATS = ['otlp-json'] as const;

export async function exportAction(
  dir: string,
  flags: ExportFlags,
  ctx: CliContext,
): Promise<ExitCode> {
  chainDir(dir);
  const format = flags.format ?? 'otlp-json';
  if (!(EXPORT_FORMATS as readonly string[]).includes(format))
    throw new UsageError(`--format must be one of ${EXPORT_FORMATS.join(', ')}, got '${format}'`);
  const { records, ok: intact } = readChain(dir, ctx);
  const r = await otlpJson(records, {
    version: ctx.version ?? 'dev',
    includeValues: flags.includeValues === true,
    ...(flags.run !== undefined ? { runId: flags.run } : {}),
  });
  if (!r.ok) {
    ctx.io.stderr.write(`error: ${r.error}\n`);
    return ExitCode.inputErrors;
  }
  const file = flags.output ?? '-';
  const exit = intact ? ExitCode.ok : ExitCode.inputErrors;
  if (file === '-') {
    ctx.io.stdout.write(`${r.json}\n`);
    return exit;
  }
  try {
    writeFileSync(file, `${r.json}\n`);
  } catch (e) {
    throw new UsageError(`cannot write ${file}: ${(e as Error).message}`);
  }
  ctx.io.stdout.write(`wrote ${file}: ${r.spans} spans in ${r.runs} trace(s)\n`);
  return exit;
}

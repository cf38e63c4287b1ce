/**
 * `rtfs run FILE --report run.html`: the run's HTML report (src/report), as `rtfs plan
 * --report` and `rtfs chain report` write it. The report is built from the chain on
 * disk: the run's `--chain DIR`, or, without one, a temporary chain removed afterwards.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CliContext } from './io.js';
import { ExitCode, UsageError } from './exit-codes.js';

export interface RunReportFlags {
  readonly report?: string;
  readonly chain?: string;
}

/**
 * Runs `run` with a chain directory when a report is asked for, then writes the report
 * of the run's last run. A report that cannot be written makes a successful run exit 1;
 * the run's own failure code wins otherwise.
 */
export async function withRunReport<F extends RunReportFlags>(
  flags: F,
  ctx: CliContext,
  run: (flags: F) => ExitCode | Promise<ExitCode>,
): Promise<ExitCode> {
  const file = flags.report;
  if (file === undefined) return run(flags);
  if (file === '-' || file === '')
    throw new UsageError('--report takes a file name (stdout is the program’s output)');
  const temporary =
    flags.chain === undefined ? mkdtempSync(join(tmpdir(), 'rtfs-run-report-')) : undefined;
  const dir = flags.chain ?? (temporary as string);
  try {
    const code = await run({ ...flags, chain: dir });
    const { writeRunReport, formatBytes } = await import('./report-action.js');
    const r = writeRunReport(dir, file, ctx, {
      ...(temporary !== undefined
        ? { chainLabel: '(temporary: give --chain DIR to keep the chain)' }
        : {}),
    });
    if (!r.ok) {
      ctx.io.stderr.write(`error: ${r.error}\n`);
      return code === ExitCode.ok ? ExitCode.inputErrors : code;
    }
    ctx.io.stderr.write(`Report: ${file} (${formatBytes(r.bytes)})\n`);
    return code;
  } finally {
    if (temporary !== undefined) rmSync(temporary, { recursive: true, force: true });
  }
}

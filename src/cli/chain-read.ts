/** Reading a chain directory for `rtfs chain report` and `rtfs chain export`. */
import { type ChainReadError, type ChainRecord, readRecords } from '../audit/index.js';
import type { CliContext } from './io.js';

/**
 * The records of the chain in `dir` (a directory already checked by `chainDir`). A
 * line that is not a record is reported on stderr, naming its segment and line, and
 * skipped, so a damaged chain can still be looked at; `ok` is false then.
 */
export function readChain(dir: string, ctx: CliContext): { records: ChainRecord[]; ok: boolean } {
  const bad: ChainReadError[] = [];
  const records = readRecords(dir, { onBadLine: (e) => bad.push(e) });
  for (const e of bad) ctx.io.stderr.write(`error: chain ${dir}: ${e.message}\n`);
  return { records, ok: bad.length === 0 };
}

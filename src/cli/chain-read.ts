/** Reading a chain directory for a command, with a bad line as an error message. */
import { type ChainRecord, readRecords } from '../audit/index.js';

/** The records of `dir`, or why they cannot be read (a line that does not parse). */
export function readChain(dir: string): ChainRecord[] | string {
  try {
    return readRecords(dir);
  } catch (e) {
    return `cannot read the chain in ${dir}: ${(e as Error).message} (rtfs chain verify ${dir} says more)`;
  }
}

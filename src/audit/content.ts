/**
 * Content stored in the chain once (`ContentStored` records, named by the content's
 * hash, e.g. a run's catalog): which hashes a log already holds, so a writer stores each
 * content once per chain.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { listSegments } from './verify.js';

const TYPE = '"type":"ContentStored"}';
const NAME = /"name":"([^"\\]+)"/;

/** The names (content hashes) of the ContentStored records in these JSONL lines. */
export function contentNamesIn(text: string, into = new Set<string>()): Set<string> {
  let at = text.indexOf(TYPE);
  while (at >= 0) {
    const start = text.lastIndexOf('\n', at) + 1;
    const m = NAME.exec(text.slice(start, at));
    if (m?.[1] !== undefined) into.add(m[1]);
    at = text.indexOf(TYPE, at + TYPE.length);
  }
  return into;
}

/** The content hashes stored in the chain directory `dir`. */
export function contentNamesInDir(dir: string): Set<string> {
  const names = new Set<string>();
  for (const seg of listSegments(dir)) contentNamesIn(readFileSync(join(dir, seg), 'utf8'), names);
  return names;
}

/**
 * Tab completion for node:readline: the word before the cursor is completed from the
 * session's symbols (core and user-defined), the keywords seen in the session, the
 * capability ids of the registry (inside a string, or as a keyword) and, at the
 * start of a line, the REPL commands.
 */
import type { Completions } from './protocol.js';
import { COMMANDS } from './input.js';

/** The word being completed: everything after the last delimiter. */
const WORD = /(?:^|[\s()[\]{},'`~@^])("?[^\s()[\]{},'`~@^"]*)$/;

export type CompleterResult = [string[], string];

export function complete(line: string, names: Completions, atStart: boolean): CompleterResult {
  if (atStart && /^\s*:[a-z]*$/.test(line)) {
    const word = line.trimStart();
    const hits = COMMANDS.map((c) => `:${c}`).filter((c) => c.startsWith(word));
    const kws = names.keywords.map((k) => `:${k}`).filter((k) => k.startsWith(word));
    return [unique([...hits, ...kws]), word];
  }
  const m = WORD.exec(line);
  const word = m?.[1] ?? '';
  if (word === '') return [[], word];
  let candidates: string[];
  if (word.startsWith('"')) {
    candidates = names.capabilities.map((c) => `"${c}"`);
  } else if (word.startsWith(':')) {
    candidates = [...names.keywords, ...names.capabilities].map((k) => `:${k}`);
  } else {
    candidates = [...names.symbols];
  }
  return [unique(candidates.filter((c) => c.startsWith(word))).sort(), word];
}

function unique(xs: string[]): string[] {
  return [...new Set(xs)];
}

/**
 * clojure.string's functions under the namespaces LLM-written plans use:
 * `clojure.string/join`, `str/join` and `string/join` are `join`, and so on for every
 * clojure.string function RTFS has. The reference has no namespaced string names (its
 * planner prompt tells models not to use them); plans written by others do, so these
 * are plain aliases with the unqualified function's semantics and argument order
 * (which is clojure.string's). A module imported `:as str` still takes precedence.
 */
import type { Builtin } from '../runtime/fn.js';
import { aliasOf, builtinNamed } from './aliases.js';

/** The namespaces written for clojure.string. */
export const STRING_NAMESPACES = ['clojure.string', 'str', 'string'] as const;

/** clojure.string's functions that RTFS has, by their clojure.string name. */
export const STRING_FUNCTIONS = `blank? capitalize ends-with? escape includes? index-of join
  last-index-of lower-case replace replace-first reverse split split-lines starts-with? trim
  trim-newline triml trimr upper-case`
  .trim()
  .split(/\s+/);

/** The aliases, made from the unqualified builtins in `table`. */
export function stringAliases(table: readonly Builtin[]): Builtin[] {
  // One pass over the table (the first builtin of each name, as builtinNamed finds it),
  // not one search of it per name: this runs at every start of a runtime.
  const wanted = new Set(STRING_FUNCTIONS);
  const found = new Map<string, Builtin>();
  for (const b of table) {
    const n = b.name;
    if (n !== undefined && wanted.has(n) && !found.has(n)) found.set(n, b);
  }
  const out: Builtin[] = [];
  for (const name of STRING_FUNCTIONS) {
    const b = found.get(name) ?? builtinNamed(table, name);
    for (const ns of STRING_NAMESPACES) out.push(aliasOf(b, `${ns}/${name}`));
  }
  return out;
}

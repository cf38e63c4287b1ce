/**
 * `check(text)`: what `rtfs check` reports for a program, without running it: syntax
 * errors, unbound symbols, bad special forms, step references, arity and literal type
 * mismatches, unknown capability ids (errors when catalogs are given).
 */
import type { Diagnostic } from '../diagnostics/index.js';
import { Source } from '../source/index.js';
import { checkSource } from '../check/index.js';
import { loadCatalog } from '../planner/index.js';
import { RtfsConfigError } from './options.js';

export interface CheckTextOptions {
  /** The name diagnostics give the text (default `<check>`; a path resolves imports). */
  readonly uri?: string;
  /** Module directories for `(import …)`. */
  readonly paths?: readonly string[];
  /** Capability catalog files: with them, an unknown capability id is an error. */
  readonly catalogs?: readonly string[];
}

/** Every diagnostic of `text`, sorted by position (an empty array: nothing to report). */
export function check(text: string, options: CheckTextOptions = {}): Diagnostic[] {
  let catalog: string[] | undefined;
  if (options.catalogs !== undefined) {
    const loaded = loadCatalog(options.catalogs, { builtins: false });
    if (loaded.diagnostics.length > 0) throw new RtfsConfigError(loaded.diagnostics);
    catalog = loaded.catalog.entries.map((e) => e.id);
  }
  return checkSource(new Source(options.uri ?? '<check>', text), {
    ...(options.paths ? { paths: options.paths } : {}),
    ...(catalog ? { catalog } : {}),
  });
}

/**
 * `checkSources`: reads and analyzes RTFS files without running them and returns
 * every diagnostic (syntax, analysis, and the lint pass), sorted by position.
 */
import type { Source } from '../source/index.js';
import type { Diagnostic } from '../diagnostics/index.js';
import { read } from '../syntax/index.js';
import { createRuntime } from '../create-runtime.js';
import { builtinCapabilities } from '../host/index.js';
import { plannerCapabilities } from '../planner/capabilities/index.js';
import { makeCatalog } from '../planner/catalog/index.js';
import { CheckHost } from './check-host.js';
import { definedCapabilities, lint } from './lint.js';

export interface CheckOptions {
  /** Module directories for `(import …)` (`--path`). */
  readonly paths?: readonly string[];
  /** Capability ids from catalogs; when given, an unknown id is an error. */
  readonly catalog?: readonly string[];
}

export interface FileReport {
  readonly uri: string;
  readonly diagnostics: readonly Diagnostic[];
}

/** Checks each source on its own (a fresh runtime per file). */
export function checkSources(sources: readonly Source[], opts: CheckOptions = {}): FileReport[] {
  return sources.map((s) => ({ uri: s.uri, diagnostics: checkSource(s, opts) }));
}

export function checkSource(source: Source, opts: CheckOptions = {}): Diagnostic[] {
  const r = read(source);
  if (r.diagnostics.length > 0) return r.diagnostics;
  const quiet = (): void => undefined;
  const rt = createRuntime({ out: quiet, log: quiet, paths: opts.paths ?? [] });
  const host = new CheckHost(rt);
  host.checkForms(r.forms, r.spans, source.uri);
  const nodes = host.analyzed.map((a) => a.node);
  const capabilities = new Set([
    ...builtinCapabilities({ log: quiet }).map((c) => c.id),
    ...plannerCapabilities({ catalog: makeCatalog([]) }).map((c) => c.id),
    ...definedCapabilities(nodes),
    ...(opts.catalog ?? []),
  ]);
  const all = [
    ...host.diagnostics,
    ...lint(nodes, { capabilities, strictCapabilities: opts.catalog !== undefined }),
  ];
  return sortAndDedupe(all);
}

function sortAndDedupe(ds: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  const out: Diagnostic[] = [];
  for (const d of ds) {
    const key = `${d.span.source.uri}\0${d.span.start}\0${d.code}\0${d.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(d);
  }
  return out.sort(
    (a, b) =>
      (a.span.source.uri === b.span.source.uri
        ? 0
        : a.span.source.uri < b.span.source.uri
          ? -1
          : 1) || a.span.start - b.span.start,
  );
}

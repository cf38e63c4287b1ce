/**
 * Hover, completion and go to definition over a document's analysis (document.ts),
 * the core namespace and the capabilities (knowledge.ts). Positions are offsets here;
 * server.ts converts them.
 */
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { Keyword, Sym } from '../data/index.js';
import type { Span } from '../source/index.js';
import { Source } from '../source/index.js';
import { FsModuleLoader, stdlibDir } from '../modules/index.js';
import { join } from 'node:path';
import { coreDefn } from '../docs/index.js';
import type { Analysis } from './document.js';
import { analyze } from './document.js';
import { type Located, locate } from './locate.js';
import type { Definition, Local } from './outline.js';
import {
  type Knowledge,
  capabilityMarkdown,
  capabilitySpec,
  definedCapability,
} from './knowledge.js';

/** A place in a file: its URI and span (in that file's text). */
export interface Place {
  readonly uri: string;
  readonly span: Span;
}

function enclosing(l: Located): { head: string; index: number } | undefined {
  const p = l.parents[l.parents.length - 1];
  const h = p?.list.items[0];
  return p !== undefined && h instanceof Sym ? { head: h.name, index: p.index } : undefined;
}

/** The innermost local named `name` visible at `offset`. */
export function localAt(a: Analysis, name: string, offset: number): Local | undefined {
  let best: Local | undefined;
  for (const l of a.outline.locals) {
    if (l.name !== name || offset < l.from || offset > l.to) continue;
    if (best === undefined || l.from >= best.from) best = l;
  }
  return best;
}

function definitionNamed(a: Analysis, name: string): Definition | undefined {
  return a.outline.definitions.find((d) => d.name === name && d.kind !== 'defcapability');
}

function definitionMarkdown(d: Definition): string {
  const lines = ['```rtfs'];
  if (d.signatures.length > 0)
    for (const s of d.signatures) lines.push(`(${d.kind} ${d.name} ${s})`);
  else lines.push(`(${d.kind} ${d.name} …)`);
  lines.push('```');
  if (d.doc !== undefined) lines.push('', d.doc);
  return lines.join('\n');
}

/** Markdown for what is at `offset`, or undefined. */
export function hover(
  a: Analysis,
  offset: number,
  k: Knowledge,
): { markdown: string; span: Span } | undefined {
  const l = locate(a.forms, a.spans, offset);
  if (l === undefined) return undefined;
  const call = enclosing(l);
  if (typeof l.value === 'string' && call !== undefined && call.index === 1) {
    if (call.head === 'call' || call.head === 'defcapability') {
      const c = capabilityInfo(a, l.value, k);
      return c === undefined ? undefined : { markdown: c, span: l.span };
    }
    if (call.head === 'step-result') {
      const step = a.outline.steps.find((s) => s.name === l.value);
      const md = step
        ? `step \`"${step.name}"\` (line ${a.source.position(step.span.start).line})`
        : `no step \`"${l.value}"\` in this file`;
      return { markdown: md, span: l.span };
    }
  }
  if (l.value instanceof Keyword && call?.head === 'call' && call.index === 1) {
    const c = capabilityInfo(a, l.value.name, k);
    return c === undefined ? undefined : { markdown: c, span: l.span };
  }
  if (!(l.value instanceof Sym)) return undefined;
  const name = l.value.name;
  const local = localAt(a, name, offset);
  if (local !== undefined) {
    const type = local.type === undefined ? '' : ` ${local.type}`;
    return {
      markdown: `\`\`\`rtfs\n${name}${type}\n\`\`\`\n${local.kind === 'param' ? 'parameter' : 'local'}`,
      span: l.span,
    };
  }
  const d = definitionNamed(a, name);
  if (d !== undefined) return { markdown: definitionMarkdown(d), span: l.span };
  const core = k.core().get(name);
  if (core !== undefined) return { markdown: core.doc, span: l.span };
  return undefined;
}

function capabilityInfo(a: Analysis, id: string, k: Knowledge): string | undefined {
  const own = a.outline.definitions.find((d) => d.kind === 'defcapability' && d.name === id);
  if (own !== undefined) return capabilityMarkdown(definedCapability(id, capabilitySpec(own.form)));
  const c = k.capabilities().get(id);
  return c === undefined ? undefined : capabilityMarkdown(c);
}

export type CompletionKind = 'local' | 'definition' | 'core' | 'keyword' | 'capability' | 'step';

export interface Candidate {
  readonly label: string;
  readonly kind: CompletionKind;
  readonly detail?: string;
  readonly documentation?: string;
}

const CALL_STRING = /\(\s*call\s+"([^"]*)$/;
const STEP_STRING = /\(\s*step-result\s+"([^"]*)$/;
const WORD = /[^\s()[\]{}",'`~@^;]*$/;

/** Completion candidates at `offset` of `text` (`a`: its analysis, possibly of a closed prefix). */
export function complete(
  text: string,
  offset: number,
  a: Analysis | undefined,
  k: Knowledge,
): Candidate[] {
  const line = text.slice(text.lastIndexOf('\n', offset - 1) + 1, offset);
  if (CALL_STRING.test(line)) {
    const own = (a?.outline.definitions ?? []).filter((d) => d.kind === 'defcapability');
    return [
      ...own.map((d) => ({
        label: d.name,
        kind: 'capability' as const,
        detail: 'defcapability (this file)',
      })),
      ...[...k.capabilities().values()].map((c) => ({
        label: c.id,
        kind: 'capability' as const,
        detail: c.effects.map((e) => `:${e}`).join(' '),
        documentation: capabilityMarkdown(c),
      })),
    ];
  }
  if (STEP_STRING.test(line))
    return unique((a?.outline.steps ?? []).map((s) => ({ label: s.name, kind: 'step' as const })));
  const word = WORD.exec(line)?.[0] ?? '';
  if (word.startsWith(':'))
    return [...(a?.outline.keywords ?? [])].map((kw) => ({
      label: `:${kw}`,
      kind: 'keyword' as const,
    }));
  const out: Candidate[] = [];
  if (a !== undefined) {
    for (const l of a.outline.locals)
      if (offset >= l.from && offset <= l.to)
        out.push({
          label: l.name,
          kind: 'local',
          detail: l.kind === 'param' ? 'parameter' : 'local',
        });
    for (const d of a.outline.definitions)
      if (d.kind !== 'defcapability')
        out.push({
          label: d.name,
          kind: 'definition',
          detail: d.kind,
          documentation: definitionMarkdown(d),
        });
    for (const i of a.outline.imports)
      for (const n of i.only)
        out.push({ label: n, kind: 'definition', detail: `from ${i.module}` });
  }
  for (const c of k.core().values())
    out.push({ label: c.name, kind: 'core', detail: c.kind, documentation: c.doc });
  return unique(out);
}

function unique(cs: Candidate[]): Candidate[] {
  const seen = new Set<string>();
  return cs.filter((c) => (seen.has(c.label) ? false : (seen.add(c.label), true)));
}

/** Where what is at `offset` is defined: locals, definitions, imports, steps, core macros. */
export function definition(
  a: Analysis,
  uri: string,
  offset: number,
  paths: readonly string[] = [],
): Place | undefined {
  const l = locate(a.forms, a.spans, offset);
  if (l === undefined) return undefined;
  const here = (span: Span): Place => ({ uri, span });
  const call = enclosing(l);
  if (typeof l.value === 'string' && call?.index === 1) {
    if (call.head === 'step-result') {
      const s = a.outline.steps.find((x) => x.name === l.value);
      return s && here(s.nameSpan);
    }
    if (call.head === 'call') {
      const d = a.outline.definitions.find((x) => x.kind === 'defcapability' && x.name === l.value);
      return d && here(d.nameSpan);
    }
  }
  if (!(l.value instanceof Sym)) return undefined;
  const name = l.value.name;
  if (call?.head === 'import' && call.index === 1) return moduleFile(name, a.source.uri, paths);
  const local = localAt(a, name, offset);
  if (local !== undefined) return here(local.nameSpan);
  const d = definitionNamed(a, name);
  if (d !== undefined) return here(d.nameSpan);
  const slash = name.indexOf('/');
  for (const i of a.outline.imports) {
    if (i.only.includes(name)) return inModule(i.module, name, a.source.uri, paths);
    if (slash > 0 && (i.alias === name.slice(0, slash) || i.module === name.slice(0, slash)))
      return inModule(i.module, name.slice(slash + 1), a.source.uri, paths);
  }
  const core = coreDefn(name);
  if (core?.span !== undefined)
    return { uri: pathToFileURL(join(stdlibDir(), 'core.rtfs')).href, span: core.span };
  return undefined;
}

function loadModule(
  name: string,
  from: string,
  paths: readonly string[],
): { uri: string; text: string } | undefined {
  const r = new FsModuleLoader(paths).load(name, existsSync(from) ? from : undefined);
  return 'error' in r ? undefined : r;
}

function moduleFile(name: string, from: string, paths: readonly string[]): Place | undefined {
  const m = loadModule(name, from, paths);
  if (m === undefined) return undefined;
  return {
    uri: pathToFileURL(m.uri).href,
    span: { source: new Source(m.uri, m.text), start: 0, end: 0 },
  };
}

function inModule(
  module: string,
  name: string,
  from: string,
  paths: readonly string[],
): Place | undefined {
  const m = loadModule(module, from, paths);
  if (m === undefined) return undefined;
  const a = analyze(m.text, m.uri);
  const d = a?.outline.definitions.find((x) => x.name === name);
  if (d !== undefined) return { uri: pathToFileURL(m.uri).href, span: d.nameSpan };
  return moduleFile(module, from, paths);
}

/**
 * Building forms for reader macros, shared by both readers:
 * `'x` → `(quote x)`, `` `x `` → `(quasiquote x)`, `~x` → `(unquote x)`,
 * `~@x` → `(unquote-splicing x)`, `@x` → `(deref x)`, `#(…)` → `(fn [%1 …] (…))`,
 * `#"re"` → `(re-pattern "re")`,
 * and `^meta form` (metadata merged onto a symbol or collection).
 */
import { NodeSpan, type Source, type Span } from '../source/index.js';
import { SyntaxCodes, type SyntaxCode } from '../diagnostics/index.js';
import { type Value, Keyword, Sym, RList, RVector, RMap } from '../data/index.js';

export const QUOTE = Sym.of('quote');
export const QUASIQUOTE = Sym.of('quasiquote');
export const UNQUOTE = Sym.of('unquote');
export const UNQUOTE_SPLICING = Sym.of('unquote-splicing');
export const DEREF = Sym.of('deref');
export const RE_PATTERN = Sym.of('re-pattern');
const FN = Sym.of('fn');
const AMP = Sym.of('&');
const REST_ARG = Sym.of('%&');
const TAG = Keyword.of('tag');
const DELEGATION = Keyword.of('delegation');
const TARGET = Keyword.of('target');
const MODEL = Keyword.of('model');

export type BuildResult =
  | { readonly ok: true; readonly value: Value }
  | { readonly ok: false; readonly code: SyntaxCode; readonly message: string };

/** `(head form)`, with `prefixSpan` as the head's position. */
export function wrapForm(
  head: Sym,
  form: Value,
  span: Span,
  prefixSpan: Span,
  formSpan: Span,
): RList {
  const children = [prefixSpan.start, prefixSpan.end, formSpan.start, formSpan.end];
  return new RList([head, form], NodeSpan.of(span.source, span.start, span.end, children));
}

/**
 * `#"pattern"` (spanning `start`…`end`) as the form `(re-pattern "pattern")`, as `@x`
 * reads as `(deref x)`. The pattern is the text between the quotes, verbatim: `\d` is
 * the regex `\d` and `\"` a quote (Clojure's regex literal).
 */
export function regexForm(pattern: string, source: Source, start: number, end: number): RList {
  const children = [start, start + 1, start + 1, end];
  return new RList([RE_PATTERN, pattern], NodeSpan.of(source, start, end, children));
}

/**
 * Expands `#(body…)` (already read as the list `body`) into `(fn [params] body)`.
 * `%` is renamed `%1`; the highest `%N` fixes the arity; `%&` adds a rest parameter.
 */
export function buildAnonFn(body: RList, span: NodeSpan): BuildResult {
  const scan = { max: 0, rest: false, bare: false, bad: undefined as string | undefined };
  scanArgs(body, scan);
  if (scan.bad !== undefined) {
    return {
      ok: false,
      code: SyntaxCodes.invalidAnonFnArg,
      message: `invalid argument '${scan.bad}' in #(…): use %, %1 … %9 or %&`,
    };
  }
  const arity = Math.max(scan.max, scan.bare ? 1 : 0);
  const params: Value[] = [];
  for (let i = 1; i <= arity; i++) params.push(Sym.of(`%${i}`));
  if (scan.rest) params.push(AMP, REST_ARG);
  const renamed = scan.bare ? (renamePercent(body) as RList) : body;
  const h = [span.start, span.start + 2];
  const fnSpan = NodeSpan.of(span.source, span.start, span.end, [...h, ...h, span.start, span.end]);
  const fnForm = new RList([FN, RVector.from(params), renamed], fnSpan);
  return { ok: true, value: fnForm };
}

interface ArgScan {
  max: number;
  rest: boolean;
  bare: boolean;
  bad: string | undefined;
}

function scanArgs(v: Value, scan: ArgScan): void {
  if (typeof v !== 'object' || v === null) return;
  switch (v.kind) {
    case 'symbol': {
      const n = v.name;
      if (n.charCodeAt(0) !== 37 /* % */) return;
      if (n === '%') scan.bare = true;
      else if (n === '%&') scan.rest = true;
      else if (/^%[0-9]+$/.test(n)) {
        const k = Number(n.slice(1));
        if (k < 1 || k > 9) scan.bad = n;
        else scan.max = Math.max(scan.max, k);
      }
      return;
    }
    case 'list':
      for (const x of v.items) scanArgs(x, scan);
      return;
    case 'vector':
      for (const x of v) scanArgs(x, scan);
      return;
    case 'map':
      v.forEach((val, key) => {
        scanArgs(key, scan);
        scanArgs(val, scan);
      });
      return;
    default:
      return;
  }
}

function renamePercent(v: Value): Value {
  if (typeof v !== 'object' || v === null) return v;
  switch (v.kind) {
    case 'symbol':
      return v.name === '%' ? Sym.of('%1').withMeta(v.meta) : v;
    case 'list':
      return new RList(v.items.map(renamePercent), v.span, v.meta);
    case 'vector':
      return new RVector(v.toArray().map(renamePercent), v.count, v.span, v.meta);
    case 'map':
      return RMap.fromFlat(v.toFlat().map(renamePercent), v.span).withMeta(v.meta);
    default:
      return v;
  }
}

/** The metadata map written after `^`: a map, `:kw` (→ `{:kw true}`), or a tag. */
export function metaFromForm(form: Value): RMap | undefined {
  if (typeof form === 'string') return RMap.of(TAG, form);
  if (typeof form !== 'object' || form === null) return undefined;
  switch (form.kind) {
    case 'map':
      return form;
    case 'keyword':
      return RMap.of(form, true);
    case 'symbol':
      return RMap.of(TAG, form);
    default:
      return undefined;
  }
}

/** `^:delegation :local | :local-model "id" | :remote "id"?` as metadata. */
export function delegationMeta(target: Keyword, model: string | undefined): RMap {
  const spec =
    model === undefined ? RMap.of(TARGET, target) : RMap.of(TARGET, target, MODEL, model);
  return RMap.of(DELEGATION, spec);
}

export const DELEGATION_TARGETS: ReadonlySet<string> = new Set(['local', 'local-model', 'remote']);

export function isDelegationKeyword(v: Value): boolean {
  return v === DELEGATION;
}

/** Merges `meta` onto `target`'s metadata. Atoms cannot carry metadata. */
export function attachMeta(meta: RMap, target: Value): BuildResult {
  if (typeof target !== 'object' || target === null) return metaError(target);
  switch (target.kind) {
    case 'symbol':
      return { ok: true, value: target.withMeta(merge(target.meta, meta)) };
    case 'list':
      return { ok: true, value: target.withMeta(merge(target.meta, meta)) };
    case 'vector':
      return { ok: true, value: target.withMeta(merge(target.meta, meta)) };
    case 'map':
      return { ok: true, value: target.withMeta(merge(target.meta, meta)) };
    default:
      return metaError(target);
  }
}

function merge(existing: RMap | undefined, meta: RMap): RMap {
  if (existing === undefined) return meta;
  let out = existing;
  meta.forEach((v, k) => {
    out = out.assoc(k, v);
  });
  return out;
}

function metaError(_target: Value): BuildResult {
  return {
    ok: false,
    code: SyntaxCodes.metadataTarget,
    message: 'metadata can only be attached to a symbol, list, vector or map',
  };
}

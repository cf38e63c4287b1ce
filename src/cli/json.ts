/**
 * RTFS data → lossless tagged JSON, for `rtfs read --json`.
 *
 * Every node is `{"type": …, "span": …, …}`. Numbers are strings so nothing is lost:
 * `{"type":"int","value":"9007199254740993"}`, `{"type":"float","value":"4.0"}` (the
 * canonical printed form, so `##NaN`, `##Inf` and `-0.0` survive). Every form read
 * from source has a span, atoms included (children's spans come from their parent's
 * NodeSpan); forms the reader synthesised, such as the parameter vector of `#(…)`,
 * have none.
 */
import type { Comment, NodeSpan, ReadResult, RMap, Span, Value } from '../reader.js';
import { childSpan, diagnosticToJson, formatFloat } from '../reader.js';

export interface JsonSpan {
  readonly file: string;
  /** 0-based offsets, `end` exclusive (UTF-16 code units). */
  readonly start: number;
  readonly end: number;
  /** 1-based line and column of `start` and of `end`. */
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
}

/** Where the form was read, and its metadata map (symbols and collections). */
export interface JsonExtras {
  span?: JsonSpan;
  meta?: JsonForm;
}

export type JsonForm = JsonExtras &
  (
    | { type: 'nil' }
    | { type: 'boolean'; value: boolean }
    | { type: 'int' | 'float' | 'string' | 'timestamp' | 'uuid' | 'resource'; value: string }
    | { type: 'keyword' | 'symbol'; name: string }
    | { type: 'list' | 'vector'; items: JsonForm[] }
    | { type: 'map'; entries: [JsonForm, JsonForm][] }
    | { type: 'fn'; name: string | null }
    | { type: 'error'; code: string; message: string; data: JsonForm }
  );

export function spanToJson(s: Span): JsonSpan {
  const start = s.source.position(s.start);
  const end = s.source.position(s.end);
  return {
    file: s.source.uri,
    start: s.start,
    end: s.end,
    line: start.line,
    column: start.column,
    endLine: end.line,
    endColumn: end.column,
  };
}

/** One value as tagged JSON; `span` is where it was read (undefined when synthesised). */
export function formToJson(v: Value, span: Span | undefined): JsonForm {
  const node = bareForm(v);
  // `span` right after `type`, where a reader of the JSON looks for it.
  if (span === undefined) return node;
  const { type, ...rest } = node;
  return { type, span: spanToJson(span), ...rest } as JsonForm;
}

function bareForm(v: Value): JsonForm {
  switch (typeof v) {
    case 'object':
      return v === null ? { type: 'nil' } : objectForm(v);
    case 'boolean':
      return { type: 'boolean', value: v };
    case 'number':
    case 'bigint':
      return { type: 'int', value: v.toString() };
    case 'string':
      return { type: 'string', value: v };
    default:
      throw new Error(`formToJson: not an RTFS value (${typeof v})`);
  }
}

function objectForm(v: Exclude<Value, null | boolean | number | bigint | string>): JsonForm {
  switch (v.kind) {
    case 'float':
      return { type: 'float', value: formatFloat(v.value) };
    case 'keyword':
      return { type: 'keyword', name: v.name };
    case 'symbol':
      return withMeta({ type: 'symbol', name: v.name }, v.meta);
    case 'timestamp':
    case 'uuid':
    case 'resource':
      return { type: v.kind, value: v.text };
    case 'list':
      return withMeta({ type: 'list', items: itemsToJson(v.items, v.span) }, v.meta);
    case 'vector':
      return withMeta({ type: 'vector', items: itemsToJson(v.toArray(), v.span) }, v.meta);
    case 'map': {
      const entries: [JsonForm, JsonForm][] = [];
      let i = 0;
      v.forEach((val, key) => {
        entries.push([
          formToJson(key, childSpan(v.span, 2 * i)),
          formToJson(val, childSpan(v.span, 2 * i + 1)),
        ]);
        i++;
      });
      return withMeta({ type: 'map', entries }, v.meta);
    }
    case 'fn':
      return { type: 'fn', name: v.name ?? null };
    case 'error':
      return {
        type: 'error',
        code: v.code.name,
        message: v.message,
        data: formToJson(v.data, undefined),
      };
  }
}

function itemsToJson(items: readonly Value[], span: NodeSpan | undefined): JsonForm[] {
  return items.map((item, i) => formToJson(item, childSpan(span, i)));
}

function withMeta(node: JsonForm, meta: RMap | undefined): JsonForm {
  if (meta !== undefined) node.meta = formToJson(meta, meta.span);
  return node;
}

function commentToJson(c: Comment): { text: string; block: boolean; span: JsonSpan } {
  return { text: c.text, block: c.block, span: spanToJson(c.span) };
}

/** Everything `read` produced for one source. */
export function readResultToJson(file: string, r: ReadResult): Record<string, unknown> {
  return {
    file,
    forms: r.forms.map((f, i) => formToJson(f, r.spans[i])),
    comments: r.comments.map(commentToJson),
    diagnostics: r.diagnostics.map(diagnosticToJson),
    incomplete: r.incomplete,
  };
}

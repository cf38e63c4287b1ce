/**
 * The one loader of configuration files: policies (`--policy`), answers (`--answers`),
 * plan inputs (`--input-json FILE`), capability catalogs (`--catalog`), and the same
 * options of the library API. A file is JSON or RTFS data: `.json` files are JSON,
 * `.rtfs`/`.edn` files RTFS, and any other name is read as RTFS, then as JSON when it is
 * not RTFS but is JSON (`{"allow": ["ccos.*"]}` in `policy.conf`). JSON objects become
 * maps with keyword keys, as `fromPlain` makes them, so `{"allow": [...]}` and
 * `{:allow [...]}` are the same value. Every error is a diagnostic naming the file and
 * the position (`pol.json:2:14: config/syntax: …`).
 */
import { readFileSync } from 'node:fs';
import { parse as parseJsonc, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { type Value, fromPlain } from '../data/index.js';
import { type Diagnostic, diagnostic } from '../diagnostics/index.js';
import { Source, type Span } from '../source/index.js';
import { read } from '../syntax/index.js';

export const ConfigCodes = {
  /** The file cannot be read (missing, a directory, no permission). */
  unreadable: 'config/unreadable',
  /** The text is neither valid JSON nor valid RTFS data (the message says which). */
  syntax: 'config/syntax',
  /** The data has the wrong shape for what it configures (a policy that is not a map …). */
  shape: 'config/shape',
} as const;

export type ConfigFormat = 'json' | 'rtfs';

export type ConfigData =
  | {
      readonly ok: true;
      readonly format: ConfigFormat;
      /** The data as RTFS values (JSON objects are maps with keyword keys). */
      readonly value: Value;
      /** The parsed JSON (JSON files only), for loaders that validate plain data. */
      readonly json?: unknown;
      readonly source: Source;
      /** Where the value is (the whole form; the file start for JSON). */
      readonly span: Span;
    }
  | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };

/** The format a file name says, or undefined when it says none. */
export function formatOf(uri: string): ConfigFormat | undefined {
  const lower = uri.toLowerCase();
  if (lower.endsWith('.json')) return 'json';
  if (lower.endsWith('.rtfs') || lower.endsWith('.edn')) return 'rtfs';
  return undefined;
}

/** Parses configuration text named `uri` (see the module comment for the format). */
export function parseConfigText(text: string, uri: string, format?: ConfigFormat): ConfigData {
  const source = new Source(uri, text);
  const f = format ?? formatOf(uri);
  if (f === 'json') return parseJson(source);
  const rtfs = parseRtfs(source);
  if (rtfs.ok || f === 'rtfs') return rtfs;
  const json = parseJson(source);
  return json.ok ? json : rtfs;
}

/** Reads and parses a configuration file; `what` names it in errors ("policy file"). */
export function readConfigFile(path: string, what = 'file', format?: ConfigFormat): ConfigData {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    const source = new Source(path, '');
    const why =
      (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message;
    return {
      ok: false,
      diagnostics: [
        diagnostic(ConfigCodes.unreadable, 'syntax', `cannot read ${what} ${path}: ${why}`, {
          source,
          start: 0,
          end: 0,
        }),
      ],
    };
  }
  return parseConfigText(text, path, format);
}

/** A `config/shape` diagnostic at `span`: the data is not what `what` needs. */
export function shapeError(span: Span, message: string): Diagnostic {
  return diagnostic(ConfigCodes.shape, 'type', message, span);
}

function parseRtfs(source: Source): ConfigData {
  const r = read(source);
  if (r.diagnostics.length > 0) return { ok: false, diagnostics: r.diagnostics };
  const [form] = r.forms;
  if (form === undefined || r.forms.length !== 1) {
    const at = r.spans[1] ?? { source, start: 0, end: Math.min(1, source.text.length) };
    const n = r.forms.length;
    return {
      ok: false,
      diagnostics: [
        diagnostic(
          ConfigCodes.syntax,
          'syntax',
          `expected exactly one value (a map or a vector), found ${n === 0 ? 'none' : `${n} top-level forms`}`,
          at,
        ),
      ],
    };
  }
  const span = r.spans[0] ?? { source, start: 0, end: source.text.length };
  return { ok: true, format: 'rtfs', value: form, source, span };
}

function parseJson(source: Source): ConfigData {
  const span: Span = { source, start: 0, end: source.text.length };
  let json: unknown;
  try {
    json = JSON.parse(source.text);
  } catch (e) {
    const { at, message } = jsonError(source.text, e);
    const end = Math.min(at + 1, source.text.length);
    return {
      ok: false,
      diagnostics: [
        diagnostic(ConfigCodes.syntax, 'syntax', `invalid JSON: ${message}`, {
          source,
          start: at,
          end: Math.max(end, at),
        }),
      ],
    };
  }
  return { ok: true, format: 'json', value: fromPlain(json), json, source, span };
}

/**
 * Where and why `JSON.parse` rejected `text`: the first error jsonc-parser (strict
 * options: no comments, no trailing commas) finds, since V8's message does not always
 * give a position.
 */
export function jsonError(text: string, error: unknown): { at: number; message: string } {
  const errors: ParseError[] = [];
  parseJsonc(text, errors, { disallowComments: true, allowTrailingComma: false });
  const first = errors[0];
  if (first !== undefined) {
    const words = printParseErrorCode(first.error)
      .replace(/([a-z])([A-Z])/g, '$1 $2')
      .toLowerCase();
    return { at: Math.min(first.offset, text.length), message: words };
  }
  const m = /position (\d+)/.exec(error instanceof Error ? error.message : String(error));
  return {
    at: m ? Math.min(Number(m[1]), text.length) : 0,
    message: error instanceof Error ? error.message : String(error),
  };
}

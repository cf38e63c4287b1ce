/**
 * The quick scan of the core library (stdlib/core.rtfs) that core-library.ts installs
 * its forms from: where each top-level form is, and its name if a `defmacro` or a
 * `(def name nil)` (ADR 0018). A file of its own, without imports: the build runs it on
 * the package's core library for the runtime of compiled modules (ADR 0059).
 */
/**
 * One top-level form of the core library: where it is, and its name if a `defmacro`, or
 * if a `(def name nil)`.
 */
export interface CoreForm {
  readonly start: number;
  readonly end: number;
  readonly macro?: { readonly name: string; readonly doc?: string };
  readonly nilDef?: string;
}

const DEFMACRO = /^\(defmacro\s+([^\s()[\]{}"';`~^@]+)(?:\s+"([^"\\]*)")?/;
/** `(def name nil)`, for a plain name (not one the reader gives another meaning). */
const RESERVED = new Set(['nil', 'true', 'false']);
const DEF_NIL = /^\(def\s+([*A-Za-z][\w*+!?<>=-]*)\s+nil\s*\)$/;

/** The characters {@link scanForms} looks at. */
const SEMICOLON = 0x3b;
const NEWLINE = 0x0a;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_PAREN = 0x28;
const OPEN_BRACKET = 0x5b;
const OPEN_BRACE = 0x7b;
const CLOSE_PAREN = 0x29;
const CLOSE_BRACKET = 0x5d;
const CLOSE_BRACE = 0x7d;

/**
 * Splits `text` into top-level forms by bracket depth (strings and `;` comments
 * skipped), naming the `defmacro`s and their plain docstrings. Undefined when the text
 * has anything this quick scan does not handle (the whole file is then read at once).
 */
export function scanForms(text: string): CoreForm[] | undefined {
  // Character codes, not one-character strings: this runs over the whole file at every
  // start of a program, and comparing numbers is several times cheaper.
  const out: CoreForm[] = [];
  let depth = 0;
  let start = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === SEMICOLON) {
      while (i < text.length && text.charCodeAt(i) !== NEWLINE) i++;
    } else if (c === QUOTE) {
      for (i++; i < text.length && text.charCodeAt(i) !== QUOTE; i++)
        if (text.charCodeAt(i) === BACKSLASH) i++;
      if (i >= text.length) return undefined;
    } else if (c === OPEN_PAREN || c === OPEN_BRACKET || c === OPEN_BRACE) {
      if (depth === 0) {
        if (c !== OPEN_PAREN) return undefined;
        start = i;
      }
      depth++;
    } else if (c === CLOSE_PAREN || c === CLOSE_BRACKET || c === CLOSE_BRACE) {
      if (--depth < 0) return undefined;
      if (depth === 0) out.push(coreForm(text, start, i + 1));
    } else if (depth === 0 && !/\s|,/.test(text[i] as string)) {
      return undefined;
    }
  }
  return depth === 0 ? out : undefined;
}

function coreForm(text: string, start: number, end: number): CoreForm {
  const form = text.slice(start, end);
  const m = DEFMACRO.exec(form);
  if (m === null) {
    const d = DEF_NIL.exec(form);
    const name = d?.[1];
    return name === undefined || RESERVED.has(name) ? { start, end } : { start, end, nilDef: name };
  }
  // A docstring with escapes: evaluated eagerly rather than unescaped here.
  if (m[2] === undefined && /^\s+"/.test(text.slice(start + m[0].length))) return { start, end };
  // A docstring counts only when more forms follow it (as analyzeDefn has it).
  const doc = m[2] !== undefined && /\S/.test(text.slice(start + m[0].length, end - 1));
  const name = m[1] as string;
  return { start, end, macro: doc ? { name, doc: m[2] as string } : { name } };
}

/**
 * Printing types and mismatches for messages: `formatType` writes a {@link TypeAst}
 * back as RTFS text (which `parseTypeExpr` reads back to the same type), and
 * `formatMismatch` / `typeErrorMessage` build the texts users see.
 */
import { type Value, formatFloat, printValue, quoteString, typeName } from '../data/index.js';
import type { MapEntryType, Predicate, TypeAst } from './ast.js';

/** Where a value failed to match and why (see `compileValidator`). */
export interface Mismatch {
  /**
   * Steps from the checked value to the offending part: a string is a map key
   * (printed `.age`), a number a position in a vector or list (printed `[1]`).
   */
  readonly path: readonly (string | number)[];
  /** The expected type as RTFS text, e.g. `:int` or `[:vector :keyword]`. */
  readonly expected: string;
  /** What was found, e.g. `string "x"`, `nil`, `nothing (missing key :id)`. */
  readonly actual: string;
}

/** A type as RTFS text: `:int`, `:string?`, `[:map [:id :int] [:tags [:vector :keyword]]]`. */
export function formatType(t: TypeAst): string {
  const out: string[] = [];
  writeType(t, out);
  return out.join('');
}

function writeType(t: TypeAst, out: string[]): void {
  switch (t.kind) {
    case 'prim':
      out.push(':', t.name);
      return;
    case 'optional':
      if (t.inner.kind === 'prim') {
        out.push(':', t.inner.name, '?');
      } else {
        out.push('[:union :nil ');
        writeType(t.inner, out);
        out.push(']');
      }
      return;
    case 'vector':
    case 'list':
      out.push('[:', t.kind, ' ');
      writeType(t.element, out);
      out.push(']');
      return;
    case 'tuple':
      writeHead('tuple', t.elements, out);
      return;
    case 'array':
      out.push('[:array ');
      writeType(t.element, out);
      out.push(' [', t.shape.map((d) => (d === null ? '?' : String(d))).join(' '), ']]');
      return;
    case 'map':
      out.push('[:map');
      for (const e of t.entries) {
        out.push(' ');
        writeEntry(e, out);
      }
      if (t.rest !== undefined) {
        out.push(' [:* ');
        writeType(t.rest, out);
        out.push(']');
      }
      out.push(']');
      return;
    case 'map-of':
      out.push('[:map-of ');
      writeType(t.key, out);
      out.push(' ');
      writeType(t.value, out);
      out.push(']');
      return;
    case 'union':
      writeHead('union', t.members, out);
      return;
    case 'and':
      out.push('[:and');
      for (const x of t.types) {
        out.push(' ');
        writeType(x, out);
      }
      for (const p of t.predicates) out.push(' ', formatPredicate(p));
      out.push(']');
      return;
    case 'enum':
      out.push('[:enum');
      for (const v of t.values) out.push(' ', printValue(v));
      out.push(']');
      return;
    case 'val':
      out.push('[:val ', printValue(t.value), ']');
      return;
    case 'fn':
      out.push('[:fn [');
      t.params.forEach((p, i) => {
        if (i > 0) out.push(' ');
        writeType(p, out);
      });
      if (t.rest !== undefined) {
        out.push(t.params.length > 0 ? ' & ' : '& ');
        writeType(t.rest, out);
      }
      out.push('] ');
      writeType(t.ret, out);
      out.push(']');
      return;
    case 'resource':
      out.push('[:resource ', t.name, ']');
      return;
  }
}

function writeHead(head: string, parts: readonly TypeAst[], out: string[]): void {
  out.push('[:', head);
  for (const p of parts) {
    out.push(' ');
    writeType(p, out);
  }
  out.push(']');
}

function writeEntry(e: MapEntryType, out: string[]): void {
  out.push('[:', e.key.name, ' ');
  writeType(e.type, out);
  // `[:k :string?]` already means an optional key; anything else needs the property.
  const implied = e.type.kind === 'optional' && e.type.inner.kind === 'prim';
  if (e.optional && !implied) out.push(' {:optional true}');
  else if (!e.optional && implied) out.push(' {:optional false}');
  out.push(']');
}

/** A refinement predicate as RTFS text: `[:>= 0]`, `[:min-length 3]`, `[:non-empty]`. */
export function formatPredicate(p: Predicate): string {
  switch (p.kind) {
    case 'compare':
      return `[:${p.op} ${printValue(p.value)}]`;
    case 'size':
      return `[:${p.op} ${p.n}]`;
    case 'matches-regex':
      return `[:matches-regex ${quoteString(p.pattern)}]`;
    case 'in-range':
      return `[:in-range ${printValue(p.lo)} ${printValue(p.hi)}]`;
    case 'non-empty':
      return '[:non-empty]';
    case 'has-key':
      return `[:has-key ${printValue(p.key)}]`;
    case 'required-keys':
      return `[:required-keys [${p.keys.map(printValue).join(' ')}]]`;
  }
}

/** A path as text: `.items[2].name`; keys that are not plain words print as `["a b"]`. */
export function formatPath(path: readonly (string | number)[]): string {
  let s = '';
  for (const p of path) {
    if (typeof p === 'number') s += `[${p}]`;
    else if (/^[^\s.[\]"]+$/.test(p)) s += `.${p}`;
    else s += `[${quoteString(p)}]`;
  }
  return s;
}

/** `at .tags[1]: expected :keyword, got string "x"` (no `at` part for the value itself). */
export function formatMismatch(m: Mismatch): string {
  const where = m.path.length > 0 ? `at ${formatPath(m.path)}: ` : '';
  return `${where}expected ${m.expected}, got ${m.actual}`;
}

/**
 * The full message for a failed check, where `context` names what was checked:
 * `type mismatch in argument 'n' of add: expected :int, got string "x"`, or with a
 * path, `type mismatch in the return value of f at .tags[1]: expected …`.
 * See {@link argumentContext}, {@link returnContext}, {@link letContext}, {@link defContext}.
 */
export function typeErrorMessage(context: string, m: Mismatch): string {
  const where = m.path.length > 0 ? ` at ${formatPath(m.path)}` : '';
  return `type mismatch in ${context}${where}: expected ${m.expected}, got ${m.actual}`;
}

/** `argument 'n' of add` (`of an anonymous fn` when the function has no name). */
export function argumentContext(param: string, fnName: string | undefined): string {
  return `argument '${param}' of ${fnLabel(fnName)}`;
}

/** `rest argument 2 of f` for the i-th (0-based) value bound to `& xs :T`. */
export function restArgumentContext(index: number, fnName: string | undefined): string {
  return `rest argument ${index} of ${fnLabel(fnName)}`;
}

/** `the return value of f`. */
export function returnContext(fnName: string | undefined): string {
  return `the return value of ${fnLabel(fnName)}`;
}

/** `let binding 'x'`. */
export function letContext(name: string): string {
  return `let binding '${name}'`;
}

/** `def 'x'`. */
export function defContext(name: string): string {
  return `def '${name}'`;
}

function fnLabel(fnName: string | undefined): string {
  return fnName === undefined ? 'an anonymous fn' : fnName;
}

/** How long printed values in messages may get before they are cut with `…`. */
export const MAX_SHOWN = 60;

/**
 * A value as shown in `got …`: its type name and its printed form, cut to
 * {@link MAX_SHOWN} characters (large collections are not printed in full):
 * `string "x"`, `integer 5`, `float 1.5`, `vector [1 2 3]`, `nil`.
 */
export function describeValue(v: Value): string {
  return v === null ? 'nil' : `${typeName(v)} ${printBounded(v, MAX_SHOWN)}`;
}

/** `printValue`, but it stops once `max` characters are written (marked with `…`). */
export function printBounded(v: Value, max: number): string {
  const w = { s: '', max, full: false };
  writeBounded(v, w);
  return w.full ? `${w.s.slice(0, max)}…` : w.s;
}

interface BoundedWriter {
  s: string;
  readonly max: number;
  full: boolean;
}

function put(w: BoundedWriter, text: string): boolean {
  w.s += text;
  if (w.s.length > w.max) w.full = true;
  return !w.full;
}

function writeBounded(v: Value, w: BoundedWriter): boolean {
  if (typeof v !== 'object' || v === null) {
    if (typeof v === 'string' && v.length > w.max) return put(w, quoteString(v.slice(0, w.max)));
    return put(w, printValue(v));
  }
  switch (v.kind) {
    case 'float':
      return put(w, formatFloat(v.value));
    case 'vector': {
      if (!put(w, '[')) return false;
      for (let i = 0; i < v.count; i++) {
        if (i > 0 && !put(w, ' ')) return false;
        if (!writeBounded(v.get(i) as Value, w)) return false;
      }
      return put(w, ']');
    }
    case 'list': {
      if (!put(w, '(')) return false;
      for (let i = 0; i < v.items.length; i++) {
        if (i > 0 && !put(w, ' ')) return false;
        if (!writeBounded(v.items[i] as Value, w)) return false;
      }
      return put(w, ')');
    }
    case 'map': {
      if (!put(w, '{')) return false;
      let first = true;
      for (const [k, x] of v.entries()) {
        if (!first && !put(w, ' ')) return false;
        first = false;
        if (!writeBounded(k, w) || !put(w, ' ') || !writeBounded(x, w)) return false;
      }
      return put(w, '}');
    }
    default:
      return put(w, printValue(v));
  }
}

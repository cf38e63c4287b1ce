/**
 * The planner capabilities' schemas, with their shared parts read and parsed once
 * (ADR 0040). The schema texts embed the goal signals eight times, the plan and the
 * menu four times each; reading and parsing each of the 14 texts whole did that work
 * again every time. A text is read with each part's text replaced by a placeholder
 * symbol, which is then replaced by the part's own form (one object, shared), and its
 * type is parsed with each part's type known. The result equals reading and parsing
 * the whole text (test/planner/capabilities/schema-parts.test.ts).
 */
import { RVector, Sym, type Value } from '../../data/index.js';
import { read } from '../../syntax/index.js';
import { parseTypeExpr, parseTypeExprSharing, type TypeAst } from '../../types/index.js';

export interface ParsedSchema {
  readonly type: TypeAst;
  readonly form: Value;
}

interface Part {
  readonly text: string;
  readonly placeholder: string;
  readonly form: Value;
  readonly type: TypeAst;
}

/** The one form of `text` (a bug if it does not read). */
function readForm(text: string): Value {
  const r = read(text, '<builtin-schema>');
  const form = r.forms[0];
  if (r.diagnostics.length > 0 || form === undefined || r.forms.length !== 1)
    throw new Error(`bad builtin schema: ${text}`);
  return form;
}

function typeOf(r: ReturnType<typeof parseTypeExpr>, text: string): TypeAst {
  if ('diagnostic' in r) throw new Error(`bad builtin schema ${text}: ${r.diagnostic.message}`);
  return r.type;
}

/** `form` with each placeholder symbol replaced by its part's form. */
function substitute(form: Value, byName: ReadonlyMap<string, Part>): Value {
  if (form instanceof Sym) return byName.get(form.name)?.form ?? form;
  if (!(form instanceof RVector)) return form;
  let changed = false;
  const items = form.toArray().map((x) => {
    const y = substitute(x, byName);
    if (y !== x) changed = true;
    return y;
  });
  return changed ? RVector.from(items) : form;
}

/** Reads and parses schema texts whose embedded `parts` texts are read and parsed once. */
export function schemaReader(parts: readonly string[]): (text: string) => ParsedSchema {
  // Longest first: a part inside another is then replaced only where it stands alone.
  const ordered = [...parts].sort((a, b) => b.length - a.length);
  const made: Part[] = [];
  const byName = new Map<string, Part>();
  const known = new Map<Value, TypeAst>();
  const part = (i: number): Part => {
    let p = made[i];
    if (p === undefined) {
      const text = ordered[i] as string;
      const form = readForm(text);
      p = { text, placeholder: `schema-part-${i}`, form, type: typeOf(parseTypeExpr(form), text) };
      made[i] = p;
      byName.set(p.placeholder, p);
      known.set(p.form, p.type);
    }
    return p;
  };
  return (text) => {
    let template = text;
    ordered.forEach((partText, i) => {
      if (template.includes(partText))
        template = template.split(partText).join(` ${part(i).placeholder} `);
    });
    if (template === text) {
      const form = readForm(text);
      return { form, type: typeOf(parseTypeExpr(form), text) };
    }
    const form = substitute(readForm(template), byName);
    return { form, type: typeOf(parseTypeExprSharing(form, known), text) };
  };
}

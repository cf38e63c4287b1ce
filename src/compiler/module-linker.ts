/**
 * Links of an emitted ES module: each becomes an expression evaluated once at start-up
 * against the `Program` (program-runtime.ts): cells by namespace and name, constants
 * from their printed form (checked to read back equal), spans by source and offsets.
 */
import type { Span } from '../source/index.js';
import { type Value, printValue, equals } from '../data/index.js';
import { read } from '../syntax/index.js';
import type { Globals, Var } from '../analyzer/index.js';
import { formatType, type TypeAst } from '../types/index.js';
import type { Link } from './linker.js';
import { jsJson, jsString } from './js-text.js';

/** A value the emitted module cannot rebuild (a function inside a quoted form, …). */
export class LinkError extends Error {
  constructor(
    message: string,
    readonly span: Span | undefined,
  ) {
    super(message);
  }
}

export class ModuleLinks {
  /** Source files, in the order spans refer to them (index 0: the main file). */
  readonly sources: { uri: string; text: string }[] = [];

  constructor(private readonly namespaces: () => readonly Globals[]) {}

  sourceIndex(s: Span): number {
    const i = this.sources.findIndex((x) => x.uri === s.source.uri);
    if (i >= 0) return i;
    this.sources.push({ uri: s.source.uri, text: s.source.text });
    return this.sources.length - 1;
  }

  /** The namespace and name under which `cell` can be found again at start-up. */
  private where(cell: Var): [string, string] {
    for (const g of this.namespaces()) if (g.own(cell.name) === cell) return [g.name, cell.name];
    throw new LinkError(`cannot link global '${cell.name}': it is not defined`, undefined);
  }

  /** The start-up expression for `link` (`$m` is the Program). */
  expression(link: Link): string {
    switch (link.kind) {
      case 'const':
        return this.constant(link.value);
      case 'json':
        return jsJson(link.value);
      case 'cell': {
        const [ns, name] = this.where(link.cell);
        return `$m.cell(${jsString(ns)}, ${jsString(name)})`;
      }
      case 'builtin': {
        const [ns, name] = this.where(link.cell);
        return `$m.builtin(${jsString(ns)}, ${jsString(name)}, "${link.impl}")`;
      }
      case 'span':
        return `$m.span(${this.sourceIndex(link.span)}, ${link.span.start}, ${link.span.end})`;
      case 'validator':
        return `$m.validator(${this.typeText(link.type, link.form)})`;
      case 'type':
        return `$m.typeAst(${this.typeText(link.type, link.form)})`;
      case 'exports':
        return `$m.exports(${jsJson(link.exports.map((x) => [x.key.name, x.alias]))})`;
      case 'host':
        return '$m.host';
      case 'plans':
        return '$m.plans';
    }
  }

  /** A type expression as RTFS text: the form as written, else the printed type. */
  private typeText(type: TypeAst, form: Value | undefined): string {
    return jsString(form === undefined ? formatType(type) : printValue(form));
  }

  private constant(v: Value): string {
    const printed = printValue(v);
    const back = read(printed, '<constant>');
    if (
      back.diagnostics.length > 0 ||
      back.forms.length !== 1 ||
      !equals(back.forms[0] as Value, v)
    )
      throw new LinkError(
        `cannot compile the constant ${printed.slice(0, 80)}: it does not read back as itself`,
        undefined,
      );
    return `$m.value(${jsString(printed)})`;
  }
}

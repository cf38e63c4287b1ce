/**
 * The colon of a type annotation written the reference's way: `[x : Int]`,
 * `(fn [x] : Int …)`, and glued to a name, `x:int` or `x:[:vector :int]`. The readers
 * read a `:` standing alone as the symbol `:` and `x:` (a name glued to the colon) as
 * a symbol ending in `:`; the analyzer turns them into annotations where an annotation
 * can be (analyzer/annotations.ts) and rejects them anywhere else. Positions where no
 * annotation can ever be (top level, maps, the first or last element of a list or
 * vector, two colons in a row) are syntax errors here already.
 */
import { SyntaxCodes, type SyntaxCode } from '../diagnostics/index.js';
import { type Value, Sym } from '../data/index.js';

/** The symbol a lone `:` reads as. */
export const COLON = Sym.of(':');

/** A lone `:`. */
export function isColon(v: Value | undefined): v is Sym {
  return v instanceof Sym && v.name === ':';
}

/** The name of `x:` (a name glued to an annotation colon), else undefined. */
export function gluedColonName(v: Value | undefined): string | undefined {
  if (!(v instanceof Sym) || v.name.length < 2 || !v.name.endsWith(':')) return undefined;
  return v.name.slice(0, -1);
}

/** A lone `:` or a name ending in `:` (both announce a type that must follow). */
function announcesType(v: Value | undefined): boolean {
  return v instanceof Sym && v.name.endsWith(':');
}

export interface ColonProblem {
  readonly index: number;
  readonly code: SyntaxCode;
  readonly message: string;
}

/**
 * The first colon in `items` that cannot start an annotation: anywhere in a map or at
 * top level; the last element of a list or vector (no type follows); a lone `:` first
 * (nothing to annotate) or right after another colon.
 */
export function misplacedColon(
  items: readonly Value[],
  where: 'sequence' | 'other',
): ColonProblem | undefined {
  for (let i = 0; i < items.length; i++) {
    const v = items[i];
    if (!announcesType(v)) continue;
    const bad =
      where === 'other' ||
      i === items.length - 1 ||
      (isColon(v) && (i === 0 || announcesType(items[i - 1])));
    if (!bad) continue;
    const name = (v as Sym).name;
    return name === ':'
      ? { index: i, code: SyntaxCodes.invalidKeyword, message: `a keyword needs a name after ':'` }
      : {
          index: i,
          code: SyntaxCodes.invalidSymbol,
          message: `invalid symbol '${name}': a ':' must be followed by a name`,
        };
  }
  return undefined;
}

/**
 * The value of one atom token of the Chevrotain reader (parser.ts): symbols, numbers,
 * keywords, strings, regex literals, `##Inf`-style specials, resources, and the
 * diagnostic for an unknown `#` dispatch. Errors are reported and read as nil.
 */
import type { IToken } from 'chevrotain';
import type { Span } from '../source/index.js';
import { SyntaxCodes, type SyntaxCode } from '../diagnostics/index.js';
import type { Value } from '../data/index.js';
import * as T from './tokens.js';
import {
  classifyAtom,
  classifyKeyword,
  classifySpecial,
  decodeString,
  resourceHandle,
  type AtomResult,
} from './atoms.js';
import { regexForm } from './build.js';

export type Report = (code: SyntaxCode, message: string, span: Span) => void;

export function tokenValue(t: IToken, span: Span, report: Report): Value {
  let r: AtomResult;
  switch (t.tokenType) {
    case T.Atom:
      r = classifyAtom(t.image);
      break;
    case T.KeywordTok:
      r = classifyKeyword(t.image);
      break;
    case T.Special:
      r = classifySpecial(t.image);
      break;
    case T.Resource:
      r = { ok: true, value: resourceHandle(t.image) };
      break;
    case T.RegexLit:
      return regexForm(t.image.slice(2, -1), span.source, span.start, span.end);
    case T.StringLit: {
      const s = decodeString(t.image);
      if (!s.ok) {
        const at = span.start + s.offset;
        report(SyntaxCodes.invalidEscape, s.message, {
          source: span.source,
          start: at,
          end: at + s.length,
        });
        return null;
      }
      return s.value;
    }
    default: {
      const next = span.source.text.slice(span.end, span.end + 1);
      const what = next === '{' ? ' (RTFS has no set literal #{…}; use a vector)' : '';
      r = {
        ok: false,
        code: SyntaxCodes.unknownDispatch,
        message: `unknown reader dispatch '#${next}'${what}`,
      };
    }
  }
  if (!r.ok) {
    report(r.code, r.message, span);
    return null;
  }
  return r.value;
}

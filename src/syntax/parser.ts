/**
 * The Chevrotain parser for RTFS (grammar/rtfs.ebnf). Embedded actions build RTFS
 * data directly (code is data): every collection keeps its own span and the spans
 * of its children. Recovery is on, so one pass reports every error it can.
 *
 * All work on token contents happens inside `ACTION`, which Chevrotain skips while
 * it records the grammar.
 */
import { EmbeddedActionsParser, createToken, Lexer, type IToken, type TokenType } from 'chevrotain';
import { NodeSpan, type Source, type Span } from '../source/index.js';
import { diagnostic, SyntaxCodes, type Diagnostic, type SyntaxCode } from '../diagnostics/index.js';
import { type Value, RList, RVector, RMap, Keyword } from '../data/index.js';
import * as T from './tokens.js';
import { misplacedColon } from './colon.js';
import { decodeString } from './atoms.js';
import { tokenValue } from './token-value.js';
import {
  attachMeta,
  buildAnonFn,
  delegationMeta,
  DELEGATION_TARGETS,
  isDelegationKeyword,
  metaFromForm,
  wrapForm,
  QUOTE,
  QUASIQUOTE,
  UNQUOTE,
  UNQUOTE_SPLICING,
  DEREF,
} from './build.js';

/** A read form and where it was. */
export interface Form {
  readonly value: Value;
  readonly span: Span;
}

interface Elements {
  readonly items: Value[];
  /** `[start0, end0, start1, end1, …]` of the items. */
  readonly offsets: number[];
}

/** What `program` returns: the top-level forms and their spans. */
export interface Program {
  readonly items: Value[];
  readonly spans: Span[];
}

/** Category matched by any closing delimiter (only used to report strays). */
export const Closer = createToken({ name: 'Closer', pattern: Lexer.NA });
for (const t of [T.RParen, T.RBracket, T.RBrace]) {
  t.CATEGORIES = [Closer];
}

const PREFIXES: ReadonlyMap<TokenType, typeof QUOTE> = new Map([
  [T.Quote, QUOTE],
  [T.Backtick, QUASIQUOTE],
  [T.Unquote, UNQUOTE],
  [T.UnquoteSplicing, UNQUOTE_SPLICING],
  [T.Deref, DEREF],
]);

/** Marker put in ERR_MSG of a closing CONSUME: `close:<open offset>:<closer>`. */
export const CLOSE_MARK = 'close:';

export class RtfsParser extends EmbeddedActionsParser {
  source: Source | undefined;
  semantic: Diagnostic[] = [];
  private anonDepth = 0;

  constructor() {
    super([...T.allTokens, Closer], { recoveryEnabled: true, maxLookahead: 1 });
    this.performSelfAnalysis();
  }

  begin(source: Source, tokens: IToken[]): void {
    this.source = source;
    this.semantic = [];
    this.anonDepth = 0;
    this.input = tokens;
  }

  private spanOf(start: IToken, end: IToken): Span {
    return {
      source: this.source as Source,
      start: start.startOffset,
      end: end.startOffset + end.image.length,
    };
  }

  private report(code: SyntaxCode, message: string, span: Span): void {
    this.semantic.push(diagnostic(code, 'syntax', message, span));
  }

  private placeholder(): Form {
    const src = this.source as Source;
    return { value: null, span: { source: src, start: 0, end: 0 } };
  }

  public program = this.RULE('program', (): Program => {
    const items: Value[] = [];
    const spans: Span[] = [];
    this.MANY(() => {
      this.OR([
        { ALT: () => this.SUBRULE(this.discard) },
        {
          ALT: () => {
            const f = this.SUBRULE(this.form);
            this.ACTION(() => {
              this.anonDepth = 0;
              items.push(f.value);
              spans.push(f.span);
            });
          },
        },
        {
          ALT: () => {
            const t = this.CONSUME(Closer);
            this.ACTION(() =>
              this.report(
                SyntaxCodes.unexpectedCloser,
                `unexpected '${t.image}': there is no open form to close`,
                this.spanOf(t, t),
              ),
            );
          },
        },
      ]);
    });
    this.ACTION(() => {
      const offsets = spans.flatMap((x) => [x.start, x.end]);
      this.checkColons({ items, offsets }, 'other');
    });
    return { items, spans };
  });

  /** Reports an annotation colon where no annotation can be (syntax/colon.ts). */
  private checkColons(els: Elements, where: 'sequence' | 'other'): void {
    const p = misplacedColon(els.items, where);
    if (p === undefined) return;
    const start = els.offsets[2 * p.index] as number;
    const end = els.offsets[2 * p.index + 1] as number;
    this.report(p.code, p.message, { source: this.source as Source, start, end });
  }

  private elements = this.RULE('elements', (): Elements => {
    const items: Value[] = [];
    const offsets: number[] = [];
    this.MANY(() => {
      this.OR([
        { ALT: () => this.SUBRULE(this.discard) },
        {
          ALT: () => {
            const f = this.SUBRULE(this.form);
            this.ACTION(() => {
              items.push(f.value);
              offsets.push(f.span.start, f.span.end);
            });
          },
        },
      ]);
    });
    return { items, offsets };
  });

  private nodeSpan(open: IToken, close: IToken, els: Elements): NodeSpan {
    // A closer inserted by error recovery (`(]`) has no offset: end after the last element.
    const end = Number.isNaN(close.startOffset)
      ? Math.max(open.startOffset + open.image.length, els.offsets[els.offsets.length - 1] ?? 0)
      : close.startOffset + close.image.length;
    return NodeSpan.of(this.source as Source, open.startOffset, end, els.offsets);
  }

  /** `#_ form`: read and dropped. */
  private discard = this.RULE('discard', (): void => {
    this.CONSUME(T.Discard);
    this.SUBRULE(this.operand);
  });

  /** A form, possibly preceded by discards (the target of a prefix or of metadata). */
  private operand = this.RULE('operand', (): Form => {
    this.MANY(() => this.SUBRULE(this.discard));
    return this.SUBRULE(this.form);
  });

  public form = this.RULE(
    'form',
    (): Form =>
      this.OR([
        { ALT: () => this.SUBRULE(this.list) },
        { ALT: () => this.SUBRULE(this.vector) },
        { ALT: () => this.SUBRULE(this.map) },
        { ALT: () => this.SUBRULE(this.anonFn) },
        { ALT: () => this.SUBRULE(this.prefixed) },
        { ALT: () => this.SUBRULE(this.meta) },
        { ALT: () => this.SUBRULE(this.atom) },
      ]),
    { recoveryValueFunc: () => this.placeholder() },
  );

  private closeMsg(open: IToken, closer: string): string {
    return `${CLOSE_MARK}${open.startOffset}:${closer}`;
  }

  private list = this.RULE(
    'list',
    (): Form => {
      const open = this.CONSUME(T.LParen);
      const els = this.SUBRULE(this.elements);
      const close = this.CONSUME(T.RParen, { ERR_MSG: this.closeMsg(open, ')') });
      return this.ACTION(() => {
        const span = this.nodeSpan(open, close, els);
        this.checkColons(els, 'sequence');
        return { value: new RList(els.items, span), span };
      });
    },
    { recoveryValueFunc: () => this.placeholder() },
  );

  private vector = this.RULE(
    'vector',
    (): Form => {
      const open = this.CONSUME(T.LBracket);
      const els = this.SUBRULE(this.elements);
      const close = this.CONSUME(T.RBracket, { ERR_MSG: this.closeMsg(open, ']') });
      return this.ACTION(() => {
        const span = this.nodeSpan(open, close, els);
        this.checkColons(els, 'sequence');
        return { value: new RVector(els.items, els.items.length, span), span };
      });
    },
    { recoveryValueFunc: () => this.placeholder() },
  );

  private map = this.RULE(
    'map',
    (): Form => {
      const open = this.CONSUME(T.LBrace);
      const els = this.SUBRULE(this.elements);
      const close = this.CONSUME(T.RBrace, { ERR_MSG: this.closeMsg(open, '}') });
      return this.ACTION(() => {
        const span = this.nodeSpan(open, close, els);
        this.checkColons(els, 'other');
        if (els.items.length % 2 === 1) {
          const o = els.offsets;
          const lastText = span.source.text.slice(o[o.length - 2], o[o.length - 1]);
          this.report(
            SyntaxCodes.oddMapEntries,
            `map literal has ${els.items.length} forms: keys and values must come in pairs (${lastText} has no value)`,
            span,
          );
          return { value: RMap.EMPTY, span };
        }
        return { value: RMap.fromFlat(els.items, span), span };
      });
    },
    { recoveryValueFunc: () => this.placeholder() },
  );

  private anonFn = this.RULE(
    'anonFn',
    (): Form => {
      const open = this.CONSUME(T.AnonFnOpen);
      this.ACTION(() => {
        if (this.anonDepth > 0) {
          this.report(
            SyntaxCodes.nestedAnonFn,
            'nested #(…) is not allowed: use (fn [x] …) for the inner one',
            this.spanOf(open, open),
          );
        }
        this.anonDepth++;
      });
      const els = this.SUBRULE(this.elements);
      const close = this.CONSUME(T.RParen, { ERR_MSG: this.closeMsg(open, ')') });
      return this.ACTION(() => {
        this.anonDepth--;
        const span = this.nodeSpan(open, close, els);
        this.checkColons(els, 'sequence');
        const built = buildAnonFn(new RList(els.items, span), span);
        if (!built.ok) {
          this.report(built.code, built.message, span);
          return { value: null, span };
        }
        return { value: built.value, span };
      });
    },
    { recoveryValueFunc: () => this.placeholder() },
  );

  private prefixed = this.RULE('prefixed', (): Form => {
    const t = this.OR([
      { ALT: () => this.CONSUME(T.Quote) },
      { ALT: () => this.CONSUME(T.Backtick) },
      { ALT: () => this.CONSUME(T.Unquote) },
      { ALT: () => this.CONSUME(T.UnquoteSplicing) },
      { ALT: () => this.CONSUME(T.Deref) },
    ]);
    const f = this.SUBRULE(this.operand);
    return this.ACTION(() => {
      const head = PREFIXES.get(t.tokenType) ?? QUOTE;
      const prefixSpan = this.spanOf(t, t);
      const span: Span = {
        source: prefixSpan.source,
        start: prefixSpan.start,
        end: Math.max(f.span.end, prefixSpan.end),
      };
      return { value: wrapForm(head, f.value, span, prefixSpan, f.span), span };
    });
  });

  private meta = this.RULE('meta', (): Form => {
    const caret = this.CONSUME(T.Meta);
    const m = this.SUBRULE(this.operand);
    let target: IToken | undefined;
    let model: IToken | undefined;
    this.OPTION({
      GATE: () => isDelegationKeyword(m.value),
      DEF: () => {
        target = this.CONSUME(T.KeywordTok);
        this.OPTION2({
          GATE: () => target !== undefined && target.image !== ':local',
          DEF: () => {
            model = this.CONSUME(T.StringLit);
          },
        });
      },
    });
    const f = this.SUBRULE2(this.operand);
    return this.ACTION(() => {
      const span: Span = {
        source: this.source as Source,
        start: caret.startOffset,
        end: f.span.end,
      };
      const metaMap = this.metaMap(m, target, model);
      if (metaMap === undefined) return { value: f.value, span };
      const attached = attachMeta(metaMap, f.value);
      if (!attached.ok) {
        this.report(attached.code, attached.message, f.span);
        return { value: f.value, span };
      }
      return { value: attached.value, span };
    });
  });

  private metaMap(
    m: Form,
    target: IToken | undefined,
    model: IToken | undefined,
  ): RMap | undefined {
    if (target !== undefined) {
      const name = target.image.slice(1);
      if (!DELEGATION_TARGETS.has(name)) {
        this.report(
          SyntaxCodes.invalidDelegation,
          `unknown delegation target '${target.image}': expected :local, :local-model "id" or :remote "id"`,
          this.spanOf(target, target),
        );
        return undefined;
      }
      if (name === 'local-model' && model === undefined) {
        this.report(
          SyntaxCodes.invalidDelegation,
          ':local-model needs a model id string',
          this.spanOf(target, target),
        );
        return undefined;
      }
      const decoded = model === undefined ? undefined : decodeString(model.image);
      if (model !== undefined && decoded !== undefined && !decoded.ok) {
        const at = model.startOffset + decoded.offset;
        this.report(SyntaxCodes.invalidEscape, decoded.message, {
          source: this.source as Source,
          start: at,
          end: at + decoded.length,
        });
        return undefined;
      }
      return delegationMeta(Keyword.of(name), decoded?.ok ? decoded.value : undefined);
    }
    const meta = metaFromForm(m.value);
    if (meta === undefined) {
      this.report(
        SyntaxCodes.invalidMetadata,
        'metadata must be a map, a keyword, a symbol or a string',
        m.span,
      );
    }
    return meta;
  }

  private atom = this.RULE('atom', (): Form => {
    const t = this.OR([
      { ALT: () => this.CONSUME(T.Atom) },
      { ALT: () => this.CONSUME(T.KeywordTok) },
      { ALT: () => this.CONSUME(T.StringLit) },
      { ALT: () => this.CONSUME(T.RegexLit) },
      { ALT: () => this.CONSUME(T.Special) },
      { ALT: () => this.CONSUME(T.Resource) },
      { ALT: () => this.CONSUME(T.UnknownDispatch) },
    ]);
    return this.ACTION(() => this.atomValue(t));
  });

  private atomValue(t: IToken): Form {
    const span = this.spanOf(t, t);
    return {
      value: tokenValue(t, span, (code, message, at) => this.report(code, message, at)),
      span,
    };
  }
}

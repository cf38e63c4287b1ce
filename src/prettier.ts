/**
 * The prettier plugin (`rtfs-ts/prettier`): `prettier --plugin rtfs-ts/prettier x.rtfs`
 * formats RTFS exactly like `rtfs fmt` (the same CST and Doc, src/format/).
 *
 * The parser checks the text with the RTFS reader (a syntax error is reported with
 * its code and position) and builds the formatter's CST; the printer returns the
 * whole file's Doc from the root. Comments are part of the CST, so prettier's own
 * comment attachment is not used.
 */
import { read } from './reader.js';
import { parseCst, printRoot, type CstRoot } from './format/index.js';

const AST_FORMAT = 'rtfs-cst';

interface Located {
  readonly start: number;
  readonly end: number;
}

export const languages = [
  {
    name: 'RTFS',
    parsers: ['rtfs'],
    extensions: ['.rtfs'],
    vscodeLanguageIds: ['rtfs'],
  },
];

/** A syntax error in prettier's shape (`loc` gives it the code frame). */
class RtfsSyntaxError extends SyntaxError {
  constructor(
    message: string,
    readonly loc: { start: { line: number; column: number } },
  ) {
    super(message);
  }
}

export const parsers = {
  rtfs: {
    astFormat: AST_FORMAT,
    parse(text: string): CstRoot {
      const r = read(text, '<prettier>');
      const d = r.diagnostics[0];
      if (d !== undefined) {
        const p = d.span.source.position(d.span.start);
        throw new RtfsSyntaxError(`${d.code}: ${d.message} (${p.line}:${p.column})`, {
          start: { line: p.line, column: p.column },
        });
      }
      return parseCst(text);
    },
    locStart: (node: Located): number => node.start,
    locEnd: (node: Located): number => node.end,
  },
};

export const printers = {
  [AST_FORMAT]: {
    print(path: { node: CstRoot }): ReturnType<typeof printRoot> {
      return printRoot(path.node);
    },
  },
};

export default { languages, parsers, printers };

/**
 * CST → prettier Doc. Layout (Clojure conventions):
 *
 * - forms with a rule in forms.ts (`let`, `defn`, `when`, `step`, `match`, …): their
 *   first arguments on the head line, the body indented by two;
 * - other calls: arguments aligned with the first one; data lists and vectors: items
 *   aligned after the opening bracket (vectors of atoms filled line by line);
 * - maps and binding vectors: key/value pairs, one pair per line when broken.
 *
 * A group is printed on one line when it fits the width. Every form starts at the
 * indentation column of its group (arguments after others on a line are wrapped in an
 * `align` of the width already printed), so nested layouts line up. Atoms print their
 * source text unchanged.
 */
import { builders } from 'prettier/doc';
import type { CstColl, CstNode, CstRoot, CstTrivia } from './cst.js';
import { type Elem, elemEnd, elemStart, hasLineComment, newlinesIn, toSeq } from './elements.js';
import { type FormRule } from './forms.js';
import { triviaInline, Widths } from './widths.js';
import { canonicalAnnotations } from './annotations.js';
import { bindingChunks, bodyRuns, isFilled, isSymbol, pairsOf, ruleFor } from './layout-rules.js';

type Doc = builders.Doc;
const { group, indent, align, line, hardline, fill, lineSuffix, breakParent } = builders;
const BLANK: Doc = [hardline, hardline];

const CLOSE: Readonly<Record<CstColl['open'], string>> = {
  '(': ')',
  '[': ']',
  '{': '}',
  '#(': ')',
};

/** The Doc of `root`, its type annotations in canonical spelling when `canonical`. */
export function printRoot(root: CstRoot, canonical = true): Doc {
  const p = new DocPrinter(root.text);
  return p.root(canonical ? canonicalAnnotations(root) : root);
}

class DocPrinter {
  private readonly w: Widths;
  constructor(private readonly text: string) {
    this.w = new Widths(text);
  }

  root(root: CstRoot): Doc {
    const { elems, dangling } = toSeq(root.items, this.text);
    if (elems.length === 0 && dangling.length === 0) return '';
    const parts = this.join(elems, hardline);
    parts.push(this.dangling(elems, dangling, true));
    return [...parts, hardline];
  }

  // ---- elements, separators, trivia ----

  /** Elements separated by `dflt`, or a newline where comments or a blank line demand it. */
  private join(elems: readonly Elem[], dflt: Doc): Doc[] {
    const parts: Doc[] = [];
    elems.forEach((e, i) => {
      if (i > 0) parts.push(this.sep(elems[i - 1] as Elem, e, dflt));
      parts.push(this.elem(e));
    });
    return parts;
  }

  private sep(prev: Elem, next: Elem, dflt: Doc): Doc {
    if (newlinesIn(this.text, elemEnd(prev), elemStart(next)) >= 2) return BLANK;
    if (prev.trailing !== undefined || hasLineComment(next.leading)) return hardline;
    return dflt;
  }

  private elem(e: Elem): Doc {
    const parts: Doc[] = [];
    e.leading.forEach((t, i) => {
      const next = e.leading[i + 1]?.start ?? e.node.start;
      parts.push(this.trivia(t), this.afterTrivia(t, next));
    });
    parts.push(this.node(e.node));
    if (e.trailing !== undefined) parts.push(lineSuffix(` ${e.trailing.text}`));
    return parts;
  }

  private trivia(t: CstTrivia): Doc {
    return t.kind === 'comment' ? t.text : ['#_', align(2, this.node(t.target))];
  }

  private afterTrivia(t: CstTrivia, next: number): Doc {
    if (newlinesIn(this.text, t.end, next) >= 2) return BLANK;
    return triviaInline(this.text, t, next) ? ' ' : hardline;
  }

  /** Whether the source had a line break between two of these runs of elements (the
   * places that are line breaks when the form is broken): such a form stays broken, as
   * written. Breaks inside a run do not count, so formatting twice gives the same. */
  private writtenBroken(runs: readonly (readonly Elem[])[]): Doc {
    for (let i = 1; i < runs.length; i++) {
      const prev = runs[i - 1] as readonly Elem[];
      const next = runs[i] as readonly Elem[];
      const gap = newlinesIn(
        this.text,
        elemEnd(prev[prev.length - 1] as Elem),
        elemStart(next[0] as Elem),
      );
      if (gap > 0) return breakParent;
    }
    return '';
  }

  /** Trivia after the last element; a `;` comment last puts the closer on its own line. */
  private dangling(elems: readonly Elem[], trivia: readonly CstTrivia[], top: boolean): Doc {
    const last = elems[elems.length - 1];
    // A `;` comment after the last form keeps the closer on the next line, as written
    // (moving it past the closer could merge it with the comment of an outer form).
    if (trivia.length === 0) return !top && last?.trailing !== undefined ? hardline : '';
    const parts: Doc[] = [];
    let prevEnd = last === undefined ? undefined : elemEnd(last);
    let prevOwn = last?.trailing !== undefined;
    for (const t of trivia) {
      if (prevEnd !== undefined) {
        const nl = newlinesIn(this.text, prevEnd, t.start);
        parts.push(top && nl >= 2 ? BLANK : prevOwn || nl > 0 ? hardline : ' ');
      }
      parts.push(this.trivia(t));
      prevEnd = t.end;
      prevOwn = t.kind === 'comment' && !t.block;
    }
    if (prevOwn && !top) parts.push(hardline);
    return parts;
  }

  /** Elements on one line separated by spaces, each aligned where it starts. */
  private run(elems: readonly Elem[]): Doc[] {
    const parts: Doc[] = [];
    let col: number | undefined = 0;
    for (let i = 0; i < elems.length; i++) {
      const e = elems[i] as Elem;
      let at = col ?? 0;
      if (i > 0) {
        const prev = elems[i - 1] as Elem;
        if (col === undefined || prev.trailing !== undefined || hasLineComment(e.leading)) {
          parts.push(hardline);
          at = 0;
        } else {
          parts.push(' ');
          at += 1;
        }
      }
      parts.push(at === 0 ? this.elem(e) : align(at, this.elem(e)));
      col = this.w.endCol(e, at);
    }
    return parts;
  }

  // ---- nodes ----

  private node(n: CstNode): Doc {
    switch (n.kind) {
      case 'atom':
        return n.text;
      case 'prefix':
        return [n.prefix, align(n.prefix.length, this.node(n.target))];
      case 'meta': {
        const elems = [...n.meta, n.target].map((node) => ({
          leading: [],
          node,
          trailing: undefined,
        }));
        return ['^', align(1, this.run(elems))];
      }
      case 'coll':
        return this.coll(n);
      case 'lead':
        return this.elem({ leading: n.trivia, node: n.node, trailing: undefined });
    }
  }

  private coll(c: CstColl): Doc {
    const { elems, dangling } = toSeq(c.items, this.text);
    const open = c.open;
    const close = CLOSE[open];
    const dang = this.dangling(elems, dangling, false);
    if (open === '{') {
      const pairs = pairsOf(elems);
      return group([open, align(1, [this.chunks(pairs), dang]), close, this.writtenBroken(pairs)]);
    }
    const head = elems[0];
    if (head === undefined) return [open, align(open.length, dang), close];
    const name = head.node.kind === 'atom' ? head.node.text : undefined;
    if (open === '[') {
      // [:map [:k T] …] (type expressions) is laid out like a call on the keyword.
      const typeLike = name?.startsWith(':') === true && elems.some((e) => e.node.kind === 'coll');
      if (typeLike) return group([open, this.call(elems, open, dang), close]);
      return group([open, align(1, [this.items(elems), dang]), close]);
    }
    const arity: FormRule = { args: 0, body: 'forms' };
    // An arity of a multi-arity fn, ([x] body…), is laid out like a block.
    const rule =
      name === undefined
        ? head.node.kind === 'coll' && head.node.open === '['
          ? arity
          : undefined
        : ruleFor(name, elems);
    if (rule !== undefined) {
      const runs = [elems.slice(0, rule.args + 1), ...bodyRuns(elems.slice(rule.args + 1), rule)];
      const broken = this.writtenBroken(runs);
      return group([open, this.block(elems, rule, open.length, dang), close, broken]);
    }
    if (!isSymbol(name) || this.w.elemWidth(head) === undefined || elems.length === 1) {
      const broken = isFilled(elems) ? '' : this.writtenBroken(elems.map((e) => [e]));
      return group([open, align(open.length, [this.items(elems), dang]), close, broken]);
    }
    const broken = this.writtenBroken([elems.slice(0, 2), ...elems.slice(2).map((e) => [e])]);
    return group([open, this.call(elems, open, dang), close, broken]);
  }

  /** `(f a\n   b)`: arguments aligned with the first one. */
  private call(elems: readonly Elem[], open: string, dang: Doc): Doc {
    const head = elems[0] as Elem;
    const args = elems.slice(1);
    const first = args[0] as Elem;
    const lead = head.trailing !== undefined || hasLineComment(first.leading) ? hardline : ' ';
    const width = open.length + (this.w.elemWidth(head) ?? 0) + 1;
    return [this.elem(head), align(width, [lead, ...this.join(args, line), dang])];
  }

  /** Items of a vector or data list: filled when all are atoms, else one per line. */
  private items(elems: readonly Elem[]): Doc {
    return isFilled(elems) ? fill(this.join(elems, line)) : this.join(elems, line);
  }

  /** Runs of elements (pairs, clauses), one per line when the enclosing group breaks.
   * With `hang`, a run that does not fit puts its last element (the value) on the
   * next line, indented: `cond` and `case` clauses, `plan` properties. */
  private chunks(chunks: readonly Elem[][], hang = false): Doc[] {
    const parts: Doc[] = [];
    chunks.forEach((chunk, i) => {
      if (i > 0) {
        const prev = chunks[i - 1] as Elem[];
        parts.push(this.sep(prev[prev.length - 1] as Elem, chunk[0] as Elem, line));
      }
      const last = chunk[chunk.length - 1] as Elem;
      const before = chunk[chunk.length - 2];
      if (!hang || before === undefined || this.w.endCol(before, 0) === undefined) {
        parts.push(group(this.run(chunk)));
        return;
      }
      const lead = hasLineComment(last.leading) ? hardline : line;
      const head = group(this.run(chunk.slice(0, -1)));
      parts.push(group([head, indent([lead, this.elem(last)])]));
    });
    return parts;
  }

  /** `(head args… body…)`: args on the head line, the body indented by two. */
  private block(elems: readonly Elem[], rule: FormRule, openWidth: number, dang: Doc): Doc {
    const head = elems[0] as Elem;
    const args = elems.slice(1, 1 + rule.args);
    const body = elems.slice(1 + rule.args);
    const parts: Doc[] = [this.elem(head)];
    if (args.length > 0) {
      const headWidth = this.w.elemWidth(head);
      const lead = head.trailing !== undefined || hasLineComment(args[0]?.leading ?? []);
      const argDocs = rule.bindings === true ? this.bindingArgs(args) : this.run(args);
      if (headWidth === undefined || lead) parts.push(indent([hardline, ...argDocs]));
      else parts.push(' ', align(openWidth + headWidth + 1, argDocs));
    }
    if (body.length > 0) {
      const prev = elems[rule.args] as Elem;
      const bodyDoc =
        rule.body === 'forms' ? this.join(body, line) : this.chunks(bodyRuns(body, rule), true);
      parts.push(indent([this.sep(prev, body[0] as Elem, line), ...bodyDoc, dang]));
    } else {
      parts.push(indent(dang));
    }
    return parts;
  }

  /** A binding vector as the first head-line argument is printed in pairs. */
  private bindingArgs(args: readonly Elem[]): Doc[] {
    const [first, ...rest] = args;
    if (first === undefined) return [];
    const n = first.node;
    if (n.kind !== 'coll' || n.open !== '[' || first.leading.length > 0) return this.run(args);
    const { elems, dangling } = toSeq(n.items, this.text);
    const bindings = bindingChunks(n, elems, this.text);
    const vec = group([
      '[',
      align(1, this.chunks(bindings)),
      this.dangling(elems, dangling, false),
      ']',
      this.writtenBroken(bindings),
    ]);
    const doc: Doc[] = [vec];
    if (first.trailing !== undefined) doc.push(lineSuffix(` ${first.trailing.text}`));
    return rest.length === 0 ? doc : [...doc, hardline, ...this.run(rest)];
  }
}

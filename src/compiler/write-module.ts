/**
 * The text of an emitted ES module, and its source map: generated lines that start
 * with a span mark (see EmitOptions.marks) map to that RTFS position. The map is
 * written with source-map-js.
 */
import { SourceMapGenerator } from 'source-map-js';
import type { ProgramOutput } from './program.js';
import type { CompileOptions } from './program.js';
import { jsCommentText, jsJson, jsString, urlFileName } from './js-text.js';

// Marks use U+0001, which JSON.stringify always escapes, so no string literal holds one.
// eslint-disable-next-line no-control-regex -- the mark character is a control character
const MARK = /^\u0001(\d+)\u0001/;
// eslint-disable-next-line no-control-regex -- as above
const MARKS = /\u0001\d+\u0001/g;

export function writeModule(
  out: ProgramOutput,
  options: CompileOptions,
): { code: string; map: string | undefined } {
  const lines: string[] = [];
  lines.push(`// Compiled by rtfs compile from ${jsCommentText(out.uri)}. Do not edit.`);
  // Helpers are imported under a second name and bound to module variables: V8 reads
  // an imported binding through the exporting module's cell on every use. The meter is
  // a `const`, which V8 embeds in optimised code, so the step check `--$$meter[0]` costs
  // a decrement of a known address (ADR 0035). The other helpers, the links and `$m`
  // are `var` (nothing assigns them after this): measured, reads of them as `const`
  // cost more in hot loops (their temporal-dead-zone checks, as in-process code found
  // in ADR 0042), and the meter as `var` costs more in call-bound code (ADR 0053).
  const helpers = [...out.helpers];
  const imports = ['startProgram', ...helpers.map((h) => `${h} as $$$${h}`)];
  // A program that calls the planner loads its standard library (a separate chunk).
  const planner = out.links.sources.some((s) => /\b(planner|llm)\./.test(s.text));
  if (planner) imports.push('loadPlannerStdlib');
  lines.push(`import { ${imports.join(', ')} } from ${jsString(options.runtime)};`);
  if (helpers.includes('meter')) lines.push('const $$meter = $$$meter;');
  const others = helpers.filter((h) => h !== 'meter');
  if (others.length > 0) lines.push(`var ${others.map((h) => `$$${h} = $$$${h}`).join(', ')};`);
  // Links first: they register the sources that spans refer to.
  const linkLines = out.linker.links.map((l, i) => `var $L${i} = ${out.links.expression(l)};`);
  const formSpans = out.forms.map((f) =>
    f.span === undefined ? 'undefined' : out.links.expression({ kind: 'span', span: f.span }),
  );
  const sources = out.links.sources.map((s) => [s.uri, s.text]);
  lines.push(
    `var $m = startProgram({ uri: ${jsString(out.uri)}, sources: ${jsJson(sources)}${planner ? ', capabilities: await loadPlannerStdlib()' : ''} });`,
  );
  lines.push(...linkLines);
  lines.push('$m.run([');
  out.forms.forEach((f, i) => lines.push(`[${formSpans[i]}, ${f.fn}],`));
  lines.push(']);');
  const text = lines.join('\n');
  if (options.sourceMap === undefined) return { code: stripMarks(text), map: undefined };

  const mapName = options.sourceMap.file.split('/').pop() ?? '';
  const gen = new SourceMapGenerator({ file: mapName.replace(/\.map$/, '') });
  const seen = new Set<string>();
  const codeLines = text.split('\n').map((line, i) => {
    const m = MARK.exec(line);
    if (m === null) return line;
    const span = out.marks[Number(m[1])];
    const rest = line.slice(m[0].length);
    if (span !== undefined) {
      const { line: l, column } = span.source.position(span.start);
      gen.addMapping({
        generated: { line: i + 1, column: 0 },
        original: { line: l, column: column - 1 },
        source: span.source.uri,
      });
      if (!seen.has(span.source.uri)) {
        seen.add(span.source.uri);
        gen.setSourceContent(span.source.uri, span.source.text);
      }
    }
    return stripMarks(rest);
  });
  codeLines.push(`//# sourceMappingURL=${urlFileName(mapName)}`);
  return { code: codeLines.join('\n'), map: gen.toString() };
}

function stripMarks(text: string): string {
  return text.replace(MARKS, '');
}

import { describe, expect, it } from 'vitest';
import { rtfs } from './run-cli.js';

interface Span {
  file: string;
  start: number;
  end: number;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

interface Node {
  type: string;
  span?: Span;
  value?: unknown;
  name?: string;
  items?: Node[];
  entries?: [Node, Node][];
  meta?: Node;
}

interface FileJson {
  file: string;
  forms: Node[];
  comments: { text: string; block: boolean; span: Span }[];
  diagnostics: { code: string; line: number; column: number; file: string }[];
  incomplete: boolean;
}

function readJson(text: string, args: string[] = []): { code: number | null; files: FileJson[] } {
  const r = rtfs(['read', '--json', ...args], { input: text });
  const files = r.stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as FileJson);
  return { code: r.code, files };
}

/** The source text a span covers. */
function cover(text: string, s: Span | undefined): string {
  expect(s).toBeDefined();
  return text.slice(s?.start, s?.end);
}

describe('rtfs read --json', () => {
  it('gives every form a span, atoms included', () => {
    const text = '(defn f [x]\n  {:k "v" 1 2.5})';
    const { code, files } = readJson(text);
    expect(code).toBe(0);
    const [file] = files;
    expect(file?.file).toBe('<stdin>');
    const list = file?.forms[0];
    expect(list?.type).toBe('list');
    expect(cover(text, list?.span)).toBe(text);
    const [head, name, params, body] = list?.items ?? [];
    expect(head).toMatchObject({ type: 'symbol', name: 'defn' });
    expect(cover(text, head?.span)).toBe('defn');
    expect(name?.span).toMatchObject({ start: 6, end: 7, line: 1, column: 7 });
    expect(cover(text, params?.items?.[0]?.span)).toBe('x');
    expect(body?.type).toBe('map');
    const [k, v, one, f] = (body?.entries ?? []).flat();
    expect(k).toMatchObject({ type: 'keyword', name: 'k' });
    expect(v).toMatchObject({ type: 'string', value: 'v' });
    expect(one).toMatchObject({ type: 'int', value: '1' });
    expect(f).toMatchObject({ type: 'float', value: '2.5' });
    expect(k?.span).toMatchObject({ line: 2, column: 4, endLine: 2, endColumn: 6 });
    expect(cover(text, f?.span)).toBe('2.5');
  });

  it('keeps numbers lossless', () => {
    const { files } = readJson('[9007199254740993 4.0 -0.0 ##NaN ##-Inf]');
    const items = files[0]?.forms[0]?.items ?? [];
    expect(items.map((n) => [n.type, n.value])).toEqual([
      ['int', '9007199254740993'],
      ['float', '4.0'],
      ['float', '-0.0'],
      ['float', '##NaN'],
      ['float', '##-Inf'],
    ]);
  });

  it('tags nil, booleans, symbols, timestamps, uuids and resources', () => {
    const text =
      'nil true ns/sym 2026-01-02T03:04:05Z 550e8400-e29b-41d4-a716-446655440000 resource://db/main';
    const forms = readJson(text).files[0]?.forms ?? [];
    expect(forms.map((n) => n.type)).toEqual([
      'nil',
      'boolean',
      'symbol',
      'timestamp',
      'uuid',
      'resource',
    ]);
    expect(forms.map((n) => cover(text, n.span))).toEqual(text.split(' '));
  });

  it('includes metadata, comments, and the spans of reader-macro expansions', () => {
    const text = '; note\n^{:doc "d"} [a] \'q';
    const [file] = readJson(text).files;
    expect(file?.comments).toEqual([
      {
        text: '; note',
        block: false,
        span: { file: '<stdin>', start: 0, end: 6, line: 1, column: 1, endLine: 1, endColumn: 7 },
      },
    ]);
    const [vec, quoted] = file?.forms ?? [];
    expect(vec?.meta?.type).toBe('map');
    expect(cover(text, vec?.meta?.span)).toBe('{:doc "d"}');
    expect(quoted?.items?.map((n) => [n.name, cover(text, n.span)])).toEqual([
      ['quote', "'"],
      ['q', 'q'],
    ]);
  });

  it('includes diagnostics and exits 1 on errors', () => {
    const { code, files } = readJson('(a\n b');
    expect(code).toBe(1);
    expect(files[0]?.diagnostics[0]).toMatchObject({
      code: 'syntax/unclosed-delimiter',
      file: '<stdin>',
      line: 1,
      column: 1,
    });
    expect(files[0]?.incomplete).toBe(true);
  });

  it('prints one JSON line per file', () => {
    const { files } = readJson('1', ['-', 'test/cli/fixtures/valid.rtfs']);
    expect(files.map((f) => f.file)).toEqual(['<stdin>', 'test/cli/fixtures/valid.rtfs']);
  });
});

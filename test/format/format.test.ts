import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { read, equals, printValue, type Value } from '../../src/index.js';
import { formatSource, formatForms } from '../../src/format/index.js';
import { expandRtfsFiles } from '../../src/cli/files.js';
import { normalizeAnnotations } from '../support/annotation-data.js';

const FIXTURES = join(import.meta.dirname, 'fixtures');
const fixtures = readdirSync(FIXTURES).filter((f) => f.endsWith('.rtfs'));

export function fmt(text: string, width?: number): string {
  const r = formatSource(text, { width });
  if (!r.ok) throw new Error(r.diagnostics.map((d) => `${d.code}: ${d.message}`).join('\n'));
  return r.text;
}

/** The same data, up to the spelling of type annotations (which `rtfs fmt` normalises). */
export function sameData(a: string, b: string): boolean {
  const x = read(a).forms.map(normalizeAnnotations);
  const y = read(b).forms.map(normalizeAnnotations);
  // printValue too: ##NaN is not equal to itself.
  const same = (v: Value, w: Value): boolean => equals(v, w) || printValue(v) === printValue(w);
  return x.length === y.length && x.every((v, i) => same(v, y[i] as Value));
}

function comments(text: string): string[] {
  return read(text).comments.map((c) => c.text.trimEnd());
}

/** Every .rtfs file of the repository that reads without errors (.rtfsfmtignore too). */
const repoFiles = expandRtfsFiles(['.'], process.cwd(), false).filter((f) => {
  return read(readFileSync(f, 'utf8')).diagnostics.length === 0;
});

describe('formatter fixtures', () => {
  it('has at least 15 fixtures', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(15);
  });

  for (const name of fixtures) {
    const text = readFileSync(join(FIXTURES, name), 'utf8');
    describe(name, () => {
      const out = fmt(text);
      it('matches its snapshot', async () => {
        await expect(out).toMatchFileSnapshot(`snapshots/${name.replace(/\.rtfs$/, '.out')}`);
      });
      it('is idempotent', () => expect(fmt(out)).toBe(out));
      it('reads back to the same data', () => expect(sameData(text, out)).toBe(true));
      it('keeps every comment', () => expect(comments(out)).toEqual(comments(text)));
      it('is idempotent and faithful at width 40', () => {
        const narrow = fmt(text, 40);
        expect(fmt(narrow, 40)).toBe(narrow);
        expect(sameData(text, narrow)).toBe(true);
      });
    });
  }
});

describe('formatting every .rtfs file in the repository', () => {
  it('finds the files', () => expect(repoFiles.length).toBeGreaterThan(30));
  for (const file of repoFiles) {
    it(`${file}: idempotent, same data, same comments`, () => {
      const text = readFileSync(file, 'utf8');
      const out = fmt(text);
      expect(fmt(out)).toBe(out);
      expect(sameData(text, out)).toBe(true);
      expect(comments(out)).toEqual(comments(text));
    });
  }
});

describe('formatSource', () => {
  it('returns the reader diagnostics for text with syntax errors', () => {
    const r = formatSource('(let [x 1', { uri: 'bad.rtfs' });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.diagnostics[0]?.code).toBe('syntax/unclosed-delimiter');
      expect(r.diagnostics[0]?.span.source.uri).toBe('bad.rtfs');
    }
  });

  it('keeps literal text exactly as written', () => {
    const text = '[1.50 007 +5 1e5 "a\\tb" "\\u00e9" ##NaN -0.0 #"\\d+\\"x" #""]\n';
    expect(fmt(text)).toBe(text);
  });

  it('drops commas and extra spaces, keeps at most one blank line', () => {
    expect(fmt('{:a 1,   :b 2}\n\n\n\n(+ 1 2)')).toBe('{:a 1 :b 2}\n\n(+ 1 2)\n');
  });

  it('breaks forms longer than the width and indents bodies by two', () => {
    const text = '(defn f [x] (let [a (compute-something x) b (compute-other-thing a)] (+ a b)))';
    expect(fmt(text, 40)).toBe(
      [
        '(defn f [x]',
        '  (let [a (compute-something x)',
        '        b (compute-other-thing a)]',
        '    (+ a b)))',
        '',
      ].join('\n'),
    );
  });

  it('reads CRLF line endings and prints LF', () => {
    expect(fmt('(def x 1) ; c\r\n\r\n\r\n(inc\r\n x)\r\n')).toBe('(def x 1) ; c\n\n(inc x)\n');
  });

  it('prints the empty file as empty', () => {
    expect(fmt('')).toBe('');
    expect(fmt('\n\n')).toBe('');
  });
});

describe('formatForms', () => {
  it('prints data as formatted source', () => {
    const forms = read('(plan "p" :body (do (step "a" (call "ccos.echo" {:message "hi"}))))').forms;
    const out = formatForms(forms, { width: 40 });
    expect(out).toBe(
      [
        '(plan "p"',
        '  :body',
        '    (do',
        '      (step "a"',
        '        (call "ccos.echo"',
        '              {:message "hi"}))))',
        '',
      ].join('\n'),
    );
    expect(
      sameData(out, '(plan "p" :body (do (step "a" (call "ccos.echo" {:message "hi"}))))'),
    ).toBe(true);
  });
});

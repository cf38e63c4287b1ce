/**
 * Item 1 of issue 15: every string that reaches generated JavaScript is escaped. File
 * and directory names (and RTFS strings and symbols) full of line terminators, quotes,
 * comment ends and template syntax are compiled, with and without a source map; the
 * modules run under plain node and must print exactly what the program prints, and
 * nothing they carry may run.
 */
import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import fc from 'fast-check';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { compileProgram } from '../../src/compiler/index.js';
const jsString = JSON.stringify;
import { rtfs, root } from '../cli/run-cli.js';

const PAYLOAD = 'globalThis.PWNED=1;console.log("PWNED")';
/** Pieces that end a comment line, a string or a template, or start code. */
const PIECES = [
  '\u2028',
  '\u2029',
  '\r',
  '\n',
  '*/',
  '"',
  "'",
  '`',
  '${',
  '\\',
  '%',
  '#',
  ' ',
  '-->',
  '</script>',
  PAYLOAD,
  ';',
  'é',
  '\u{1F600}',
];

const hostileName = fc
  .array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 6 })
  .map((parts) => `a${parts.join('')}${PAYLOAD}`);

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'rtfs-hostile-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function nodeImportAll(files: readonly string[]) {
  const script = `for (const f of ${JSON.stringify(files.map((f) => pathToFileURL(f).href))}) await import(f);`;
  return spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    cwd: root,
    encoding: 'utf8',
  });
}

describe('hostile names in compiled modules', () => {
  it('jsString leaves no raw line terminator', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const lit = jsString(s);
        expect(lit).not.toMatch(/[\n\r\u2028\u2029]/);
        expect(JSON.parse(lit)).toBe(s);
      }),
      { numRuns: 300 },
    );
  });

  it('generated file names (as the source uri, in strings and in the source map) never run', () => {
    const names = fc.sample(hostileName, { numRuns: 12, seed: 15 });
    const runtime = join(root, 'dist', 'runtime.js');
    const files: string[] = [];
    names.forEach((name, i) => {
      const sub = join(dir, `m${i}`, name.replace(/[/\0]/g, '_'));
      mkdirSync(sub, { recursive: true });
      const out = join(sub, `${name.replace(/[/\0]/g, '_')}.mjs`);
      const text = `(def s ${JSON.stringify(name).replace(/\u2028|\u2029/g, (c) => c)})\n(println (count s))\n"done"\n`;
      const c = compileProgram(text, join(sub, 'prog.rtfs'), {
        runtime: './' + relative(sub, runtime).split('\\').join('/'),
        ...(i % 2 === 0 ? { sourceMap: { file: `${out}.map` } } : {}),
      });
      if (!c.ok) throw new Error(`compile failed for ${JSON.stringify(name)}`);
      // Only the header comment line and the last line may mention the name outside strings.
      for (const line of c.code.split(/\r\n|[\n\r\u2028\u2029]/)) {
        if (line.includes('PWNED') && !line.includes('\\"PWNED\\"')) {
          expect(line).toMatch(/^(\/\/ Compiled by|\/\/# sourceMappingURL=|const \$m|\$m|\[)/);
        }
      }
      expect(c.code).not.toMatch(/[\u2028\u2029]/);
      writeFileSync(out, c.code);
      if (c.map !== undefined) writeFileSync(`${out}.map`, c.map);
      files.push(out);
    });
    const r = nodeImportAll(files);
    expect(r.stderr).toBe('');
    expect(r.stdout).not.toContain('PWNED');
    const lines = r.stdout.trim().split('\n');
    expect(lines).toEqual(names.flatMap((n) => [String([...n].length), '"done"']));
  });

  it('rtfs compile --sourcemap into a directory named with U+2028 and a payload', () => {
    const sub = join(dir, `cli\u2028${PAYLOAD}`);
    mkdirSync(sub, { recursive: true });
    const src = join(sub, `p\u2029${PAYLOAD}.rtfs`);
    writeFileSync(src, '(println "hi")\n(+ 1 2)\n');
    const out = join(sub, `out\u2028${PAYLOAD} .mjs`);
    const c = rtfs(['compile', src, '-o', out, '--sourcemap']);
    // rtfs-ts is not installed in the temporary directory: only the runtime-path warning.
    expect(c.stderr).toMatch(/^(warning: rtfs-ts\/runtime does not resolve from [^\n]*\n)?$/);
    expect(c.code).toBe(0);
    const r = spawnSync(process.execPath, [out], { cwd: root, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('hi\n3\n');
  });
});

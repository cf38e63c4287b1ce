/**
 * The build: the library loads Chevrotain only when the fast path rejects input, and
 * both readers then share one data model; so does the CLI, one CommonJS bundle that
 * initialises the reader on first use (ADR 0024).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root, rtfs } from './run-cli.js';

/** Every dist file a bundle imports statically, itself included. */
function staticClosure(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const code = readFileSync(join(root, 'dist', file), 'utf8');
  for (const m of code.matchAll(/from\s*"\.\/([^"]+)"|import\s*"\.\/([^"]+)"/g)) {
    staticClosure(m[1] ?? m[2] ?? '', seen);
  }
  return seen;
}

/** Whether `entry` loads code containing `marker` at startup (static imports only). */
function loads(entry: string, marker: string): boolean {
  return [...staticClosure(entry)].some((f) =>
    readFileSync(join(root, 'dist', f), 'utf8').includes(marker),
  );
}

const containsChevrotain = (entry: string): boolean => loads(entry, 'performSelfAnalysis');
/** A message in src/create-runtime.ts: present wherever the runtime is bundled. */
const RUNTIME_MARKER = 'the core library failed to load';

function runModule(code: string): string {
  return execFileSync(process.execPath, ['--input-type=module', '-e', code], {
    cwd: root,
    encoding: 'utf8',
  }).trim();
}

describe('dist bundles', () => {
  it('index.js and reader.js do not import Chevrotain; full-reader.js and full.js do', () => {
    expect(containsChevrotain('index.js')).toBe(false);
    expect(containsChevrotain('reader.js')).toBe(false);
    expect(containsChevrotain('full-reader.js')).toBe(true);
    expect(containsChevrotain('full.js')).toBe(true);
  });

  it('index.js loads the runtime; reader.js does not', () => {
    expect(loads('index.js', RUNTIME_MARKER)).toBe(true);
    expect(loads('reader.js', RUNTIME_MARKER)).toBe(false);
  });

  it('the CLI bundle holds the reader and the runtime, sharing one data model', () => {
    const cli = readFileSync(join(root, 'dist', 'cli.cjs'), 'utf8');
    expect(cli).toContain('performSelfAnalysis');
    expect(cli).toContain(RUNTIME_MARKER);
    // Text the fast path rejects goes through the Chevrotain reader: its keywords and
    // symbols are the CLI's (the JSON printer recognises them).
    const r = rtfs(['read', '--json', '-'], { input: '[:a b] )' });
    const out = JSON.parse(r.stdout) as {
      forms: { items: { type: string; name: string }[] }[];
      diagnostics: { code: string }[];
    };
    expect(r.code).toBe(1);
    expect(out.forms[0]?.items.map((x) => `${x.type} ${x.name}`)).toEqual([
      'keyword a',
      'symbol b',
    ]);
    expect(out.diagnostics.map((d) => d.code)).toEqual(['syntax/unexpected-closing-delimiter']);
  });

  it('index.js loads the full reader on first need, sharing keywords and classes', () => {
    const out = runModule(`
      import { read, kw, Sym } from './dist/index.js';
      const fast = read('[:a b]');
      const full = read('[:a b] )');
      console.log(JSON.stringify([
        fast.diagnostics.length,
        full.diagnostics.map((d) => d.code),
        full.forms[0].get(0) === kw('a'),
        full.forms[0].get(1) instanceof Sym,
      ]));`);
    expect(JSON.parse(out)).toEqual([0, ['syntax/unexpected-closing-delimiter'], true, true]);
  });

  it('rtfs-ts/full installs the Chevrotain reader eagerly', () => {
    const out = runModule(`
      import { read, chevrotainRead, kw } from './dist/full.js';
      console.log(typeof chevrotainRead, read(':k )').forms[0] === kw('k'));`);
    expect(out).toBe('function true');
  });
});

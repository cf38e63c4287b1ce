/**
 * The golden conformance suite's machinery: the file format (see README.md next to
 * this file), the engines the suite runs against, and the comparison of one case.
 *
 * An engine is anything that evaluates RTFS text: the closure evaluator
 * (`createRuntime`), the same with its JIT tier at every call, and the compiler
 * (`jsCompiler`), all in {@link engines}. Every
 * engine must give the same printed value, error code and output for every case.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRuntime } from '../../src/create-runtime.js';
import { printValue } from '../../src/data/index.js';
import type { NodeCompiler } from '../../src/runtime/index.js';
import { jsCompiler } from '../../src/compiler/index.js';

/** The directory holding the golden files (test/golden). */
export const goldenDir = fileURLToPath(new URL('.', import.meta.url));

// ---------------------------------------------------------------------------
// Engines

/** What evaluating one case gave, engine-independently. */
export type EngineOutcome =
  | {
      readonly ok: true;
      /** `printValue` of the last form's value. */
      readonly value: string;
      /** Everything `println`, `print`, `prn`, `pr` wrote. */
      readonly out: string;
      /** Everything `log` wrote. */
      readonly log: string;
    }
  | {
      readonly ok: false;
      /**
       * The error code: a runtime error's code, or the codes of all diagnostics
       * (reader, analyzer, type-expression errors) separated by spaces.
       */
      readonly code: string;
      /** Human-readable detail, shown when a case fails. */
      readonly message: string;
      readonly out: string;
      readonly log: string;
    };

/** One runtime, shared by the cases of one golden file, in order. */
export interface EngineSession {
  evalString(text: string, uri: string): EngineOutcome;
}

/** An RTFS implementation the golden suite runs against. */
export interface Engine {
  readonly name: string;
  /** A fresh runtime (fresh globals, no definitions beyond the core library). */
  session(): EngineSession;
}

/** A session of `createRuntime` (with `compiler` as its engine) with captured output. */
function runtimeSession(compiler: NodeCompiler | undefined, jit?: number): EngineSession {
  let out = '';
  let log = '';
  const rt = createRuntime({
    out: (t) => void (out += t),
    log: (t) => void (log += t),
    paths: [join(goldenDir, '_modules')],
    ...(compiler ? { compiler } : {}),
    ...(jit !== undefined ? { jit } : {}),
  });
  return {
    evalString(text, uri) {
      out = '';
      log = '';
      const o = rt.evalString(text, uri);
      if (o.ok) return { ok: true, value: printValue(o.value), out, log };
      if (o.diagnostics) {
        return {
          ok: false,
          code: o.diagnostics.map((d) => d.code).join(' '),
          message: o.diagnostics.map((d) => `${d.code}: ${d.message}`).join('\n'),
          out,
          log,
        };
      }
      return { ok: false, code: o.error.code, message: o.error.render(), out, log };
    },
  };
}

/** The tree-walking evaluator, through `createRuntime` with captured output. */
export const evaluatorEngine: Engine = {
  name: 'evaluator',
  session: () => runtimeSession(undefined),
};

/**
 * The evaluator with its second tier engaged at once: every closed function is
 * compiled at its first call (runtime/jit.ts), so the tier is checked on every case.
 */
export const jitEngine: Engine = {
  name: 'evaluator, jit at first call',
  session: () => runtimeSession(undefined, 0),
};

/** The compiler (src/compiler): every top-level form compiled to JavaScript, run in-process. */
export const compilerEngine: Engine = {
  name: 'compiler',
  session: () => runtimeSession(jsCompiler),
};

/** Every engine the suite runs against. */
export const engines: readonly Engine[] = [evaluatorEngine, jitEngine, compilerEngine];

// ---------------------------------------------------------------------------
// The file format

export type Expectation =
  | { readonly kind: 'value'; readonly text: string }
  | { readonly kind: 'error'; readonly code: string };

export interface GoldenCase {
  /** Path relative to test/golden, with forward slashes (`arithmetic/basic.rtfs`). */
  readonly file: string;
  /** 1-based line of the case's first code line. */
  readonly line: number;
  /**
   * The case's source: the file's text with every line outside the case blanked, so
   * positions in error messages are positions in the golden file.
   */
  readonly source: string;
  /** The case's own lines (for failure messages). */
  readonly code: string;
  readonly expect: Expectation;
  /** Expected output lines (`;; out:`), joined with newlines when compared. */
  readonly out: readonly string[];
  /** Expected log lines (`;; log:`). */
  readonly log: readonly string[];
}

export interface ParsedGoldenFile {
  readonly cases: readonly GoldenCase[];
  /** Format errors (`file:line: message`); a file with any is reported as failing. */
  readonly problems: readonly string[];
}

const VALUE_LINE = /^;;\s*=>(?:\s(.*))?$/;
const ERROR_LINE = /^;;\s*!!(?:\s(.*))?$/;
const OUT_LINE = /^;;\s*out:(?: (.*))?$/;
const LOG_LINE = /^;;\s*log:(?: (.*))?$/;

function isCode(line: string): boolean {
  const t = line.trim();
  return t !== '' && !t.startsWith(';');
}

/** Splits a golden file into cases. */
export function parseGoldenFile(text: string, file: string): ParsedGoldenFile {
  const lines = text.split(/\r?\n/);
  const cases: GoldenCase[] = [];
  const problems: string[] = [];
  let start = 0; // first line (0-based) of the pending case
  let out: string[] = [];
  let log: string[] = [];
  const blank = (n: number): string => '\n'.repeat(n);

  lines.forEach((raw, i) => {
    const line = raw.trim();
    const value = VALUE_LINE.exec(line);
    const error = ERROR_LINE.exec(line);
    const outLine = OUT_LINE.exec(line);
    const logLine = LOG_LINE.exec(line);
    if (outLine) {
      out.push(outLine[1] ?? '');
      return;
    }
    if (logLine) {
      log.push(logLine[1] ?? '');
      return;
    }
    if (!value && !error) return;
    const own = lines
      .slice(start, i)
      .filter((l) => !OUT_LINE.test(l.trim()) && !LOG_LINE.test(l.trim()));
    const firstCode = lines.findIndex((l, j) => j >= start && j < i && isCode(l));
    if (firstCode < 0) {
      problems.push(`${file}:${i + 1}: an expectation with no code before it`);
    } else {
      const expect: Expectation = value
        ? { kind: 'value', text: (value[1] ?? '').trimEnd() }
        : { kind: 'error', code: (error?.[1] ?? '').trim() };
      if (expect.kind === 'value' && expect.text === '')
        problems.push(`${file}:${i + 1}: ';; =>' needs the printed value`);
      if (
        expect.kind === 'error' &&
        !/^[a-z]+\/[a-z0-9-]+( [a-z]+\/[a-z0-9-]+)*$/.test(expect.code)
      )
        problems.push(`${file}:${i + 1}: ';; !!' needs an error code such as runtime/type-error`);
      const body = lines
        .slice(start, i)
        .map((l) => (OUT_LINE.test(l.trim()) || LOG_LINE.test(l.trim()) ? '' : l));
      cases.push({
        file,
        line: firstCode + 1,
        source: blank(start) + body.join('\n'),
        code: own
          .join('\n')
          .replace(/^\s*\n/, '')
          .trimEnd(),
        expect,
        out,
        log,
      });
    }
    start = i + 1;
    out = [];
    log = [];
  });
  const rest = lines.slice(start);
  if (rest.some(isCode)) {
    const at = start + rest.findIndex(isCode) + 1;
    problems.push(
      `${file}:${at}: code after the last expectation (add ';; => value' or ';; !! code')`,
    );
  }
  if (out.length > 0 || log.length > 0)
    problems.push(`${file}: ';; out:'/';; log:' lines after the last expectation`);
  return { cases, problems };
}

/**
 * Every `*.rtfs` file under test/golden, sorted, relative with forward slashes.
 * Directories whose name starts with `_` (the module path `_modules`) are skipped.
 */
export function discoverGoldenFiles(dir = goldenDir): string[] {
  const found: string[] = [];
  const walk = (d: string): void => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, entry.name);
      if (entry.isDirectory()) {
        if (!entry.name.startsWith('_')) walk(p);
      } else if (entry.name.endsWith('.rtfs')) found.push(relative(dir, p).split(sep).join('/'));
    }
  };
  walk(dir);
  return found.sort();
}

export function loadGoldenFile(file: string, dir = goldenDir): ParsedGoldenFile {
  return parseGoldenFile(readFileSync(join(dir, file), 'utf8'), file);
}

// ---------------------------------------------------------------------------
// Comparison

function strip(text: string): string {
  return text.endsWith('\n') ? text.slice(0, -1) : text;
}

/** The case's expectation in the same shape as {@link render}. */
export function expected(c: GoldenCase): string {
  const parts = [c.expect.kind === 'value' ? `=> ${c.expect.text}` : `!! ${c.expect.code}`];
  if (c.out.length > 0) parts.push(`out:\n${c.out.join('\n')}`);
  if (c.log.length > 0) parts.push(`log:\n${c.log.join('\n')}`);
  return parts.join('\n');
}

/** What the engine gave, rendered for comparison with {@link expected}. */
export function render(o: EngineOutcome): string {
  const parts = [o.ok ? `=> ${o.value}` : `!! ${o.code}`];
  if (o.out !== '') parts.push(`out:\n${strip(o.out)}`);
  if (o.log !== '') parts.push(`log:\n${strip(o.log)}`);
  return parts.join('\n');
}

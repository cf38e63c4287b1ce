/**
 * `npm run examples`: runs every examples/*.rtfs through the built CLI
 * (`node bin/rtfs.js run examples/<name>.rtfs`, building dist/ first when it is stale)
 * and compares its stdout with examples/<name>.expected. Prints one pass/fail line per
 * example; exits 1 on any mismatch. test/examples.test.ts runs the same checks.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { rtfs, root } from '../test/cli/run-cli.js';

export const examplesDir = join(root, 'examples');

/** The runnable examples: examples/*.rtfs (not the modules under examples/modules). */
export function listExamples(): string[] {
  return readdirSync(examplesDir)
    .filter((f) => f.endsWith('.rtfs'))
    .sort();
}

export interface ExampleResult {
  readonly name: string;
  readonly ok: boolean;
  /** Why it failed (empty when ok). */
  readonly problems: string[];
  readonly stdout: string;
  readonly expected: string | undefined;
}

/** Runs one example (a file name in examples/) and checks it. */
export function checkExample(name: string): ExampleResult {
  const expectedFile = join(examplesDir, name.replace(/\.rtfs$/, '.expected'));
  let expected: string | undefined;
  try {
    expected = readFileSync(expectedFile, 'utf8');
  } catch {
    expected = undefined;
  }
  const r = rtfs(['run', `examples/${name}`, ...flagsOf(join(examplesDir, name))]);
  const problems: string[] = [];
  if (expected === undefined) problems.push(`missing ${name.replace(/\.rtfs$/, '.expected')}`);
  else if (r.stdout !== expected)
    problems.push(`stdout differs: ${firstDifference(expected, r.stdout)}`);
  if (r.code !== 0) problems.push(`exit code ${String(r.code)}`);
  if (r.stderr !== '') problems.push(`stderr: ${r.stderr.trimEnd()}`);
  return { name, ok: problems.length === 0, problems, stdout: r.stdout, expected };
}

/**
 * Extra `rtfs run` flags an example asks for on its first line, e.g.
 * `;; flags: --allow core.data.* --allow app.*` (capabilities are denied by default).
 */
export function flagsOf(file: string): string[] {
  const first = readFileSync(file, 'utf8').split('\n', 1)[0] ?? '';
  const m = /^;; flags: (.*)$/.exec(first);
  return m ? (m[1] as string).trim().split(/\s+/) : [];
}

function firstDifference(expected: string, actual: string): string {
  const e = expected.split('\n');
  const a = actual.split('\n');
  for (let i = 0; i < Math.max(e.length, a.length); i++) {
    if (e[i] !== a[i]) {
      const show = (s: string | undefined) => (s === undefined ? '(no line)' : JSON.stringify(s));
      return `line ${i + 1}: expected ${show(e[i])}, got ${show(a[i])}`;
    }
  }
  return 'no difference';
}

async function main(): Promise<number> {
  // Build dist/ when it is missing or older than src/ (what the vitest setup does).
  const { default: buildIfStale } = await import('../test/cli/global-setup.js');
  buildIfStale();
  let failed = 0;
  for (const name of listExamples()) {
    const r = checkExample(name);
    if (r.ok) {
      console.log(`ok    ${name}`);
    } else {
      failed++;
      console.log(`FAIL  ${name}`);
      for (const p of r.problems) console.log(`      ${p}`);
    }
  }
  const total = listExamples().length;
  console.log(failed === 0 ? `${total} examples ok` : `${failed} of ${total} examples failed`);
  return failed === 0 ? 0 : 1;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main();
}

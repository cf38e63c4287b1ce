/**
 * `rtfs plan` on a real 80×24 pseudo-terminal (python3's pty module, as the REPL tests
 * use it): live progress on stderr, and no line of the output — progress frames
 * included — wider than the terminal, so nothing wraps. Skipped (with the reason) only
 * when python3 or its pty module is missing.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import stringWidth from 'string-width';
import { afterAll, describe, expect, it } from 'vitest';
import { root, rtfs } from './run-cli.js';

const driver = join(root, 'test', 'cli', 'repl', 'pty-driver.py');
const tmp = mkdtempSync(join(tmpdir(), 'rtfs-plan-pty-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const answers = join(tmp, 'answers.json');
writeFileSync(answers, '["yes"]');

function ptyUnavailable(): string | undefined {
  const r = spawnSync('python3', ['-c', 'import os, pty; os.close(os.openpty()[0])'], {
    encoding: 'utf8',
  });
  if (r.error !== undefined) return `python3 is not installed (${r.error.message})`;
  if (r.status !== 0) return `python3 cannot open a pseudo-terminal: ${r.stderr.trim()}`;
  return undefined;
}
const unavailable = ptyUnavailable();
if (unavailable !== undefined) console.warn(`skipping the rtfs plan terminal test: ${unavailable}`);

// eslint-disable-next-line no-control-regex
const CSI = /\x1b\[[0-9;?]*[A-Za-z]/g;

const GOAL = 'list open issues in acme/api labelled bug and email a summary to the team';
const ARGS = [
  'plan',
  GOAL,
  '--catalog',
  'examples/catalogs/default.rtfs',
  '--rewrite',
  'cap-refinement-cycles=2',
  '--rewrite',
  'insert-approval-gate',
  '--execute',
  'dry-run',
  '--answers',
  answers,
];

/** Runs `rtfs ARGS` on a COLSxROWS terminal; everything it showed, raw. */
function onTerminal(
  args: readonly string[],
  size: string,
): Promise<{ code: number | null; raw: string }> {
  const child = spawn('python3', [driver, process.execPath, 'bin/rtfs.js', ...args], {
    cwd: root,
    env: { ...process.env, PTY_SIZE: size, NO_COLOR: '1' },
  });
  let raw = '';
  child.stdout.on('data', (d: Buffer) => (raw += d.toString('utf8')));
  child.stdin.end();
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, raw })));
}

describe.skipIf(unavailable !== undefined)('rtfs plan on an 80×24 terminal', () => {
  it('shows live progress and never writes a line wider than the terminal', async () => {
    const chain = join(tmp, 'chain');
    const { code, raw } = await onTerminal([...ARGS, '--chain', chain], '80x24');
    expect(code).toBe(0);
    const text = raw.replace(CSI, '');
    // Every run of characters between line ends or carriage returns is what the terminal
    // draws on one row: none may be wider than 80 columns, or the terminal would wrap it.
    const segments = text.split(/\r\n|\r|\n/);
    const wide = segments.filter((s) => stringWidth(s) > 80);
    expect(wide).toEqual([]);
    // The progress line: the step and the elapsed time, redrawn in place.
    // eslint-disable-next-line no-control-regex
    expect(raw).toMatch(/\r\x1b\[2K\S \[1\] extract_goal_signals[^\r\n]* \d+\.\d s/);
    // The trace, fitted: each summary on its own line under its step.
    const lines = text.split('\r\n').map((l) => l.split('\r').at(-1) ?? '');
    const at = lines.indexOf('[1] step extract_goal_signals → planner.extract_goal_signals');
    expect(at).toBeGreaterThan(0);
    expect(lines[at + 1]).toMatch(/^ {6}\d+ requirement\(s\); constraints: /);
    expect(lines.some((l) => l.endsWith('…'))).toBe(true);
    expect(text).toContain('integrity OK');
    // The same run through a pipe keeps full lines (the --json and pipe output are unchanged).
    const piped = rtfs([...ARGS, '--chain', join(tmp, 'chain2')]);
    expect(piped.code).toBe(0);
    expect(piped.stdout.split('\n').some((l) => stringWidth(l) > 80)).toBe(true);
    expect(piped.stderr).toMatch(/^\[1\] extract_goal_signals started \(\d+\.\d\d s\)\n/);
  });
});

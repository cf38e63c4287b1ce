/**
 * The LLM loop of `rtfs plan --provider openai` against an OpenAI-compatible server on
 * 127.0.0.1 (test/cli/fixtures/fake-llm.mjs, another process: the CLI blocks while it
 * waits): a good plan, garbage then a good plan (the validator's feedback reaches the
 * model), an invented id (reported back, never mapped to a look-alike; a gap if it
 * stays), HTTP 500 (retried; the error names URL, status and time, never the body), a
 * hang past a short timeout (flag and environment variable), LLM intent extraction, and
 * replay from the log with zero requests to the server.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { root, rtfs } from './run-cli.js';

const GOAL = 'get the current weather in Paris and post it to #general';
const CATALOG = 'examples/catalogs/default.rtfs';
const tmp = mkdtempSync(join(tmpdir(), 'rtfs-plan-llm-'));
let server: ChildProcess;
let port = 0;

beforeAll(async () => {
  server = spawn(process.execPath, [join(root, 'test/cli/fixtures/fake-llm.mjs')]);
  port = await new Promise<number>((resolve) => {
    server.stdout?.once('data', (d: Buffer) => resolve(Number(String(d).trim())));
  });
});

afterAll(() => {
  server.kill();
  rmSync(tmp, { recursive: true, force: true });
});

async function counts(): Promise<Record<string, number>> {
  // A fresh connection each time: the CLI runs block this thread past the keep-alive timeout.
  const r = await fetch(`http://127.0.0.1:${port}/count`, { headers: { connection: 'close' } });
  return (await r.json()) as Record<string, number>;
}

function plan(scenario: string, extra: readonly string[] = [], env: Record<string, string> = {}) {
  const chain = join(tmp, `chain-${scenario}-${extra.join('_').replace(/[^a-z0-9]/gi, '')}`);
  const r = rtfs(
    ['plan', GOAL, '--catalog', CATALOG, '--provider', 'openai', '--chain', chain, ...extra],
    {
      env: {
        RTFS_LLM_API_KEY: 'test-key',
        RTFS_LLM_BASE_URL: `http://127.0.0.1:${port}/${scenario}/v1`,
        RTFS_LLM_MODEL: 'fake',
        ...env,
      },
    },
  );
  return { ...r, chain, runId: /--run (\S+)/.exec(r.stdout)?.[1] ?? '' };
}

describe('rtfs plan --provider openai (a real HTTP loop)', () => {
  it('plans from a good answer, and replays from the log with zero requests', async () => {
    const r = plan('good');
    // Piped, stderr holds only the progress lines (one per planner step), no error.
    for (const line of r.stderr.split('\n').filter((l) => l !== ''))
      expect(line).toMatch(/^\[\d+\] \w+ started \(\d+\.\d\d s\)$/);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('(call "weather.current" {:city city})');
    expect(r.stdout).toContain('LLM: openai');
    const before = await counts();
    expect(before['good']).toBe(1);
    const replay = rtfs(['chain', 'replay', r.chain, '--run', r.runId, '--catalog', CATALOG]);
    expect(replay.stdout).toMatch(/^REPLAY OK plan=sha256:/);
    expect(replay.code).toBe(0);
    expect(await counts()).toEqual(before);
  });

  it('feeds garbage back to the model and uses its second answer', async () => {
    const r = plan('garbage-then-good');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('(call "slack.post_message"');
    expect((await counts())['garbage-then-good#synth']).toBe(2);
    const replay = rtfs(['chain', 'replay', r.chain, '--run', r.runId]);
    expect(replay.stdout).toMatch(/^REPLAY OK/);
    expect((await counts())['garbage-then-good#synth']).toBe(2);
  });

  it('reports an invented id back to the model instead of mapping it', async () => {
    const r = plan('invented');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('(call "weather.current"');
    expect(r.stdout).not.toContain('weather.get_weather_now"');
    expect((await counts())['invented#synth']).toBe(2);
  });

  it('keeps an id the model keeps inventing as a gap, exit 1 (0 with --allow-gaps)', () => {
    const r = plan('invented-always', ['--max-attempts', '2']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('(call "ccos.capability.pending"');
    expect(r.stdout).toContain('cap-request-weather.get_weather_now-');
    expect(r.stdout).not.toMatch(/\(call "weather\.(?:current|forecast)"/);
    expect(r.stderr).toContain('the plan has 1 gap(s)');
    const ok = plan('invented-always', ['--max-attempts', '2', '--allow-gaps']);
    expect(ok.code).toBe(0);
  });

  it('retries after an HTTP 500 and plans from the next answer', async () => {
    const r = plan('error500-then-good');
    expect(r.code).toBe(0);
    expect((await counts())['error500-then-good#synth']).toBe(2);
    const replay = rtfs(['chain', 'replay', r.chain, '--run', r.runId]);
    expect(replay.stdout).toMatch(/^REPLAY OK/);
  });

  it('gives up after --max-attempts HTTP 500s with URL, status and time, never the body', async () => {
    const r = plan('error500', ['--max-attempts', '2']);
    expect(r.code).toBe(1);
    const out = r.stdout + r.stderr;
    expect(out).toContain(
      `LLM request to http://127.0.0.1:${port}/error500/v1/chat/completions failed: HTTP 500 after`,
    );
    expect(out).toContain('after 2 attempt(s)');
    expect(out).not.toContain('SECRET-BODY');
    expect((await counts())['error500#synth']).toBe(2);
  });

  it('stops at a short timeout (flag or environment) with a readable message', () => {
    for (const [extra, env] of [
      [['--llm-timeout', '1'], {}],
      [[], { RTFS_LLM_TIMEOUT: '1' }],
    ] as const) {
      const r = plan('hang', extra, env);
      expect(r.code).toBe(1);
      const out = r.stdout + r.stderr;
      expect(out).toMatch(
        new RegExp(
          `llm/timeout: LLM request to http://127\\.0\\.0\\.1:${port}/hang/v1/chat/completions timed out after \\d+\\.\\d+ s \\(limit 1\\.00 s`,
        ),
      );
      expect(out).not.toContain('data:text/javascript');
      expect(out.length).toBeLessThan(20_000);
    }
  });

  it('extracts the intent through the model with --intent llm', () => {
    const r = plan('good', ['--intent', 'llm']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('[:city {:default "Paris"} :string]');
  });

  it('refuses a bad --llm-timeout or --max-attempts as usage errors', () => {
    expect(plan('good', ['--llm-timeout', 'soon']).code).toBe(2);
    expect(plan('good', ['--max-attempts', '0']).code).toBe(2);
  });
});

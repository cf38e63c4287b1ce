/**
 * Live OpenTelemetry export from the CLI (`--otlp-endpoint`, OTEL_EXPORTER_OTLP_ENDPOINT)
 * against a collector this test runs on 127.0.0.1: it decodes every OTLP/HTTP request
 * and checks the span tree against the causal chain the run wrote. The same server
 * plays an OpenAI-compatible model that answers the plan-synthesis prompt only once a
 * span batch has arrived, which shows spans leave while the run is still going.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRecords, runIds, verifyChain } from '../../src/audit/index.js';
import { root, type CliRun } from '../cli/run-cli.js';
import { attrs, checkAgainstChain, decode, type OtlpSpan } from './otlp-spans.js';

const GOAL = 'list open issues in acme/api labelled bug';
const PLAN_STEPS = `[{"id": "step_1", "capability_id": "github.list_issues",
  "inputs": {"owner": {"var": "owner"}, "repo": {"var": "repo"}, "state": "open"}, "outputs": ["issues"]}]`;

interface Batch {
  readonly at: number;
  readonly spans: OtlpSpan[];
  readonly contentType: string | undefined;
}

const tmp = mkdtempSync(join(tmpdir(), 'rtfs-otlp-live-'));
const batches: Batch[] = [];
/** When the model answered the synthesis prompt, and how many batches had arrived then. */
const synthesis: { at: number; batchesBefore: number }[] = [];
let server: Server;
let base = '';

function body(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let text = '';
    req.on('data', (c: Buffer) => (text += c.toString('utf8')));
    req.on('end', () => resolve(text));
  });
}

beforeAll(async () => {
  server = createServer((req, res) => {
    void (async () => {
      const text = await body(req);
      if (req.url === '/v1/traces' || req.url === '/slow/v1/traces') {
        batches.push({
          at: Date.now(),
          spans: decode(text).spans,
          contentType: req.headers['content-type'],
        });
        // A slow collector: the answer comes 1.5 s after the batch.
        if (req.url.startsWith('/slow')) await new Promise((r) => setTimeout(r, 1500));
        res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
        return;
      }
      if (req.url === '/v1/chat/completions') {
        const prompt = (JSON.parse(text) as { messages: { content: string }[] }).messages[0]!
          .content;
        let answer =
          '{"inputs": {"owner": "acme", "repo": "api"}, "parameters": {"state": "open"}}';
        if (prompt.includes('synthesize_plan_steps')) {
          // Wait (at most 20 s) for the spans of the steps already done.
          const until = Date.now() + 20_000;
          while (batches.length === 0 && Date.now() < until)
            await new Promise((r) => setTimeout(r, 20));
          synthesis.push({ at: Date.now(), batchesBefore: batches.length });
          answer = PLAN_STEPS;
        }
        res
          .writeHead(200, { 'content-type': 'application/json' })
          .end(
            JSON.stringify({ model: 'fake-model', choices: [{ message: { content: answer } }] }),
          );
        return;
      }
      res.writeHead(404).end();
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(tmp, { recursive: true, force: true });
});

/** The built CLI, asynchronously (this process serves the collector meanwhile). */
function rtfs(args: readonly string[], env: Record<string, string> = {}): Promise<CliRun> {
  const clean = { ...process.env };
  for (const k of Object.keys(clean))
    if (k.startsWith('OTEL_') || k.startsWith('RTFS_LLM')) delete clean[k];
  const child = spawn(process.execPath, ['bin/rtfs.js', ...args], {
    cwd: root,
    env: { ...clean, ...env },
  });
  child.stdin.end();
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

function spansOf(runId: string): OtlpSpan[] {
  const trace = runId.replace(/-/g, '');
  return batches.flatMap((b) => b.spans).filter((s) => s.traceId === trace);
}

describe('rtfs plan --otlp-endpoint', () => {
  it('sends the run’s spans while it runs, in batches, matching the chain', async () => {
    const chain = join(tmp, 'plan-chain');
    const r = await rtfs(
      [
        'plan',
        GOAL,
        '--catalog',
        'examples/catalogs/default.rtfs',
        '--chain',
        chain,
        '--provider',
        'openai',
        '--execute',
        'dry-run',
        '--otlp-endpoint',
        base,
      ],
      {
        RTFS_LLM_API_KEY: 'k',
        RTFS_LLM_BASE_URL: `${base}/v1`,
        OTEL_BSP_SCHEDULE_DELAY: '50',
        OTEL_BSP_MAX_EXPORT_BATCH_SIZE: '4',
        // Delivery is what is tested, not the default 3 s export timeout: a loaded CI
        // machine may take longer to answer one batch.
        OTEL_EXPORTER_OTLP_TIMEOUT: '30000',
      },
    );
    expect(r.stderr).toMatch(/^(\[\d+\] \S+ started \(\d+\.\d\d s\)\n)+$/); // progress only
    expect(r.code).toBe(0);
    const records = readRecords(chain);
    const runId = runIds(records)[0]!;
    const spans = spansOf(runId);
    checkAgainstChain(spans, records, runId);
    // Live: the model was asked to synthesize mid-run and answered only after a batch arrived.
    expect(synthesis).toHaveLength(1);
    expect(synthesis[0]!.batchesBefore).toBeGreaterThan(0);
    const first = batches.find((b) => b.spans.some((s) => s.traceId === runId.replace(/-/g, '')))!;
    expect(first.at).toBeLessThanOrEqual(synthesis[0]!.at);
    // Batched: several requests, none larger than OTEL_BSP_MAX_EXPORT_BATCH_SIZE.
    const mine = batches.filter((b) => b.spans.some((s) => s.traceId === runId.replace(/-/g, '')));
    expect(mine.length).toBeGreaterThan(1);
    for (const b of mine) {
      expect(b.spans.length).toBeLessThanOrEqual(4);
      expect(b.contentType).toBe('application/json');
    }
    const llm = spans.filter((s) => attrs(s)['rtfs.span.kind'] === 'llm');
    expect(llm.length).toBe(1);
    for (const s of llm) {
      expect(s.name).toBe('chat fake-model');
      expect(attrs(s)['gen_ai.response.model']).toBe('fake-model');
    }
  });
});

describe('rtfs run with OTEL_EXPORTER_OTLP_ENDPOINT', () => {
  it('exports a plain run, failures included, as the chain has it', async () => {
    const file = join(tmp, 'p.rtfs');
    writeFileSync(
      file,
      '(step "greet" (call "ccos.echo" "hi")) (step "read" (try (call "ccos.fs.read" "/etc/hosts") (catch e :denied)))',
    );
    const chain = join(tmp, 'run-chain');
    const r = await rtfs(['run', file, '--allow', 'ccos.echo', '--chain', chain], {
      OTEL_EXPORTER_OTLP_ENDPOINT: base,
      OTEL_EXPORTER_OTLP_TIMEOUT: '30000',
    });
    expect(r.stderr).toBe('hi\n'); // ccos.echo logs to stderr
    expect(r.stdout).toBe(':denied\n');
    const records = readRecords(chain);
    const runId = runIds(records)[0]!;
    const spans = spansOf(runId);
    checkAgainstChain(spans, records, runId);
    expect(spans.find((s) => s.name === 'ccos.fs.read')!.status.code).toBe(2);
  });
});

describe('a slow collector', () => {
  it('gets every span: the run waits for a batch still in flight when it ends', async () => {
    const file = join(tmp, 'slow.rtfs');
    // The loop keeps the run going while the worker's timer sends the first step's batch;
    // that batch is still waiting for its answer when the run ends.
    writeFileSync(
      file,
      '(step "first" (call "ccos.echo" "a")) (loop [i 0] (if (< i 3000000) (recur (inc i)) i)) (step "second" (call "ccos.echo" "b"))',
    );
    const chain = join(tmp, 'slow-chain');
    const r = await rtfs(['run', file, '--allow', 'ccos.echo', '--chain', chain], {
      OTEL_EXPORTER_OTLP_ENDPOINT: `${base}/slow`,
      OTEL_EXPORTER_OTLP_TIMEOUT: '30000',
      OTEL_BSP_SCHEDULE_DELAY: '10',
      OTEL_BSP_MAX_EXPORT_BATCH_SIZE: '2',
    });
    expect(r.stderr).toBe('a\nb\n'); // no warning: nothing was lost
    expect(r.code).toBe(0);
    const records = readRecords(chain);
    const runId = runIds(records)[0]!;
    checkAgainstChain(spansOf(runId), records, runId);
  });
});

describe('a collector that is down', () => {
  it('costs a warning: same output, exit code and chain as without export', async () => {
    const file = join(tmp, 'q.rtfs');
    writeFileSync(file, '(step "a" (call "ccos.echo" "x")) (step "b" (+ 1 2))');
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const plain = await rtfs(['run', file, '--allow', 'ccos.*', '--chain', join(tmp, 'c1')]);
    const down = await rtfs(
      [
        'run',
        file,
        '--allow',
        'ccos.*',
        '--chain',
        join(tmp, 'c2'),
        '--otlp-endpoint',
        `http://127.0.0.1:${port}`,
      ],
      { OTEL_EXPORTER_OTLP_TIMEOUT: '300' },
    );
    expect(down.code).toBe(plain.code);
    expect(down.stdout).toBe(plain.stdout);
    const [warning, ...rest] = down.stderr.split(/(?=warning: OpenTelemetry)/).reverse();
    expect(rest.reverse().join('')).toBe(plain.stderr);
    expect(warning).toMatch(
      new RegExp(
        `^warning: OpenTelemetry export to http://127\\.0\\.0\\.1:${port}/v1/traces: 4 of 4 spans not delivered \\(.*ECONNREFUSED.*\\); the run and its causal chain are not affected\\n$`,
      ),
    );
    const shape = (dir: string) =>
      readRecords(dir).map((x) => [x.action.type, x.action.name, x.action.callPath]);
    expect(shape(join(tmp, 'c2'))).toEqual(shape(join(tmp, 'c1')));
    expect(verifyChain(join(tmp, 'c2')).ok).toBe(true);
  });

  it('rejects an endpoint that is not an http(s) URL', async () => {
    const r = await rtfs(['run', join(tmp, 'q.rtfs'), '--otlp-endpoint', 'localhost:4318']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      "--otlp-endpoint: 'localhost:4318' must be an http:// or https:// URL",
    );
  });
});

describe('rtfs chain export', () => {
  it('writes the OTLP/JSON file the live export would have sent', async () => {
    const out = join(tmp, 'trace.json');
    const r = await rtfs([
      'chain',
      'export',
      join(tmp, 'run-chain'),
      '--format',
      'otlp-json',
      '-o',
      out,
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^wrote .*trace\.json: 5 spans in 1 trace\(s\)\n$/);
    const records = readRecords(join(tmp, 'run-chain'));
    checkAgainstChain(decode(readFileSync(out, 'utf8')).spans, records, runIds(records)[0]!);
  });
});

describe('a chain with a line that does not parse', () => {
  it('is reported with its line (exit 1); the records around it are still exported and shown', async () => {
    const dir = join(tmp, 'broken');
    const good = readFileSync(join(tmp, 'run-chain', 'seg-000001.jsonl'), 'utf8');
    mkdirSync(dir);
    writeFileSync(join(dir, 'seg-000001.jsonl'), `${good}{"seq":99,not json\n`);
    const out = join(tmp, 'broken.json');
    const page = join(tmp, 'broken.html');
    for (const args of [
      ['chain', 'export', dir, '--format', 'otlp-json', '-o', out],
      ['chain', 'report', dir, '-o', page],
    ]) {
      const r = await rtfs(args);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(
        /^error: chain .*broken: seg-000001\.jsonl line \d+: not a chain record: /,
      );
    }
    expect(decode(readFileSync(out, 'utf8')).spans).toHaveLength(5);
    expect(readFileSync(page, 'utf8')).toContain('FAILED');
  });
});

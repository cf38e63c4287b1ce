/**
 * The HTML run report in a real browser: Debian's `chromium`, headless, driven by
 * playwright-core. A planner run (rewrites, refinement loop, dry-run execution) is
 * reported with `rtfs plan --report`; the page must render the tree, the timeline and
 * both plans, show a node's decoded input and output when it is expanded, make no
 * network request and log no console error. A screenshot is saved as a test artifact
 * (test-results/report/run-report.png; docs/images/run-report.png is a copy of it).
 * `.ci/run` installs chromium when it is missing.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRecords, runSpans, walkSpans, type RunSpan } from '../../src/audit/index.js';
import { formatValue } from '../../src/report/values.js';
import { root, rtfs } from '../cli/run-cli.js';

const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = join(root, 'test-results', 'report');
const GOAL = 'list open issues in acme/api labelled bug and email a summary to the team';

/** The flags a closed network needs (no background fetches, no QUIC) and a fresh profile. */
const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const tmp = mkdtempSync(join(tmpdir(), 'rtfs-report-browser-'));
let context: BrowserContext;

beforeAll(async () => {
  if (!existsSync(CHROMIUM))
    throw new Error(
      `the browser test needs Debian's chromium at ${CHROMIUM}: apt-get install -y chromium (.ci/run does this)`,
    );
  context = await chromium.launchPersistentContext(join(tmp, 'profile'), {
    executablePath: CHROMIUM,
    headless: true,
    args: FLAGS,
    viewport: { width: 1280, height: 900 },
  });
}, 60_000);

afterAll(async () => {
  await context?.close();
  rmSync(tmp, { recursive: true, force: true });
});

interface Loaded {
  readonly page: Page;
  readonly errors: string[];
  readonly requests: string[];
}

/** The text of the first element matching `loc`. */
async function text(loc: Locator): Promise<string> {
  return (await loc.first().textContent()) ?? '';
}

async function open(file: string): Promise<Loaded> {
  const page = await context.newPage();
  const errors: string[] = [];
  const requests: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') errors.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
  page.on('request', (r) => {
    if (!r.url().startsWith('file:')) requests.push(r.url());
  });
  await page.goto(pathToFileURL(file).href);
  return { page, errors, requests };
}

describe('the run report in headless Chromium', () => {
  const chain = join(tmp, 'chain');
  const html = join(tmp, 'run.html');
  const spans: RunSpan[] = [];
  let runRoot: RunSpan;

  beforeAll(() => {
    const answers = join(tmp, 'answers.json');
    writeFileSync(answers, '["yes"]');
    const r = rtfs([
      'plan',
      GOAL,
      '--catalog',
      'examples/catalogs/default.rtfs',
      '--chain',
      chain,
      '--rewrite',
      'cap-refinement-cycles=2',
      '--rewrite',
      'insert-approval-gate',
      '--execute',
      'dry-run',
      '--answers',
      answers,
      '--report',
      html,
    ]);
    expect(r.stderr).not.toContain('error');
    expect(r.stdout).toMatch(/Report: .*run\.html \(\d+(\.\d)? KB\)/);
    const records = readRecords(chain);
    runRoot = runSpans(records, records.find((x) => x.action.type === 'PlanStarted')!.action.id)!;
    walkSpans(runRoot, (s) => spans.push(s));
  });

  it('renders the header, the tree, the timeline and both plans, with no errors and no network', async () => {
    const { page, errors, requests } = await open(html);
    expect(await text(page.locator('#summary'))).toContain(GOAL);
    expect(await text(page.locator('#summary'))).toContain('hash chain OK');
    expect(await text(page.locator('#summary'))).toContain('insert-approval-gate');
    // Tree: one node per span, the run open.
    expect(await page.locator('details.node').count()).toBe(spans.length);
    await page.locator('details.node.plan > summary').first().waitFor({ state: 'visible' });
    // Timeline: one bar per span, laid out with a real size.
    expect(await page.locator('svg.gantt rect.bar').count()).toBe(spans.length);
    const box = await page.locator('svg.gantt').boundingBox();
    expect(box!.width).toBeGreaterThan(500);
    expect(box!.height).toBeGreaterThan(spans.length * 10);
    expect(await page.locator('svg.gantt rect.band').count()).toBeGreaterThan(0);
    // Both plans, highlighted.
    const meta = page.locator('#meta-plan pre.code');
    await meta.waitFor({ state: 'visible' });
    expect(await text(meta)).toContain('(step "extract_goal_signals"');
    expect(await meta.locator('i.h').count()).toBeGreaterThan(10);
    const final = page.locator('#final-plan pre.code');
    await final.waitFor({ state: 'visible' });
    expect(await text(final)).toContain('(call "github.list_issues"');
    expect(await page.locator('.rewrite pre.diff .add').count()).toBeGreaterThan(0);
    await page.screenshot({ path: join(ARTIFACTS, 'run-report.png') });
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
    await page.close();
  });

  it('shows a node’s decoded input and output when it is expanded', async () => {
    const { page, errors } = await open(html);
    const call = spans.find((s) => s.open.action.name === 'planner.materialize_plan')!;
    const step = call.parent!;
    const callNode = page.locator(`#n-${call.open.seq}`);
    expect(await callNode.locator('> .body .io').isVisible()).toBe(false);
    await page.locator(`#n-${step.open.seq} > summary`).click();
    await callNode.locator('> summary').click();
    const input = callNode.locator('> .body .io pre.in');
    const output = callNode.locator('> .body .io pre.out');
    // Folded when large: open the fold first.
    for (const pre of [input, output]) {
      const fold = pre.locator('xpath=ancestor::details[contains(@class,"fold")][1]');
      if ((await fold.count()) > 0) await fold.locator('> summary').click();
      await pre.waitFor({ state: 'visible' });
    }
    const result = call.close!.action.result!;
    expect(await input.textContent()).toBe(formatValue(call.open.action.args!));
    expect(await output.textContent()).toBe(formatValue(result.ok ? result.value : null));
    await callNode.screenshot({ path: join(ARTIFACTS, 'expanded-node.png') });
    // A timeline bar leads to its node, opening the way there.
    const llmOrLast = spans[spans.length - 1]!;
    await page.locator(`svg.gantt a[href="#n-${llmOrLast.open.seq}"] rect`).click();
    const summary = page.locator(`#n-${llmOrLast.open.seq} > summary`);
    await summary.waitFor({ state: 'visible' });
    expect(
      await summary.evaluate((el) => {
        const r = el.getBoundingClientRect();
        return r.top >= 0 && r.bottom <= window.innerHeight;
      }),
    ).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('marks where a replay diverges', async () => {
    // Edit one recorded result (the menu) without fixing its hashes: verify and replay both catch it.
    const edited = join(tmp, 'edited');
    mkdirSync(edited);
    const seg = readFileSync(join(chain, 'seg-000001.jsonl'), 'utf8');
    const lines = seg
      .split('\n')
      .map((l) =>
        l.includes('"type":"CapabilityResult"') && l.includes('"call_path":"1.0"')
          ? l.replace('"github.list_issues"', '"github.list_issuez"')
          : l,
      );
    writeFileSync(join(edited, 'seg-000001.jsonl'), lines.join('\n'));
    const out = join(tmp, 'replay.html');
    const r = rtfs(['chain', 'report', edited, '--replay', '-o', out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('DIVERGED: diverged at 1.0');
    const { page, errors } = await open(out);
    expect(await text(page.locator('#summary'))).toContain('diverged at 1.0');
    expect(await text(page.locator('#summary'))).toContain('FAILED');
    const flagged = page.locator('details.node.diverged');
    await flagged.first().waitFor({ state: 'visible' });
    expect(await text(flagged.first().locator('> summary'))).toContain('replay diverged here');
    expect(await page.locator('svg.gantt line.divergence').count()).toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  });
});

mkdirSync(ARTIFACTS, { recursive: true });

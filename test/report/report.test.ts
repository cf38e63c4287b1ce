import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  MemoryChain,
  generateSigningKeys,
  readRecords,
  verifyChain,
} from '../../src/audit/index.js';
import { verificationHtml } from '../../src/report/header-html.js';
import { Keyword, RMap } from '../../src/data/index.js';
import type { ActionInput } from '../../src/runtime/audit-sink.js';
import { createHostedRuntime, runProgram } from '../../src/host/index.js';
import {
  buildReport,
  divergencePath,
  highlightRtfs,
  runReportHtml,
  type RunReport,
} from '../../src/report/index.js';
import { diffHtml } from '../../src/report/plans-html.js';
import { tickStep } from '../../src/report/timeline-svg.js';
import { rewriterFromSpec, type Rewriter } from '../../src/meta/index.js';
import { plan } from '../meta/helpers.js';

const GOAL = 'list open issues in acme/api labelled bug and email a summary to the team';

function rw(spec: string): Rewriter {
  const r = rewriterFromSpec(spec);
  if ('error' in r) throw new Error(r.error);
  return r;
}

function report(records: Parameters<typeof buildReport>[0]['records']): RunReport {
  const r = buildReport({ records });
  if ('failure' in r) throw new Error(r.failure);
  return r;
}

describe('the report model', () => {
  const { chain } = plan(GOAL, {
    rewriters: [rw('cap-refinement-cycles=2'), rw('insert-approval-gate')],
    options: { execute: 'dry-run' },
  });
  const r = report(chain.records());

  it('reads goal, catalog, totals and the final plan from the chain', () => {
    expect(r.planner).toBe(true);
    expect(r.goal).toBe(GOAL);
    expect(r.catalogSnapshot).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(r.catalogFiles).toHaveLength(1);
    expect(r.status).toBe('ok');
    expect(r.finalPlan).toContain('(plan');
    expect(r.finalPlanHash).toMatch(/^sha256:/);
    expect(r.totals.steps).toBeGreaterThan(5);
    expect(r.totals.calls).toBeGreaterThan(5);
    expect(r.totals.errors).toBe(0);
    expect(r.totals.records).toBe(chain.records().length - 1);
  });

  it('rebuilds every rewrite’s before and after source, checked against the recorded hashes', () => {
    expect(r.rewrites.map((w) => w.rule)).toEqual([
      'cap-refinement-cycles',
      'insert-approval-gate',
    ]);
    for (const w of r.rewrites) {
      expect(w.problem).toBeUndefined();
      expect(w.before).not.toBe(w.after);
    }
    expect(r.rewrites[0]!.before).toBe(r.generatedSource);
    expect(r.rewrites[1]!.after).toBe(r.source);
    expect(r.rewrites[1]!.after).toContain('"approve_final_plan"');
  });

  it('writes one self-contained page: no external resource, a CSP that forbids loading any', () => {
    const out = runReportHtml({ records: chain.records() });
    if (!out.ok) throw new Error(out.error);
    const html = out.html;
    expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src 'none';/);
    expect(html).not.toMatch(/<(script|img|iframe)[^>]+src=/i);
    expect(html).not.toMatch(/<link /i);
    expect(html.match(/https?:\/\/[^"' )]+/g)).toEqual(['http://www.w3.org/2000/svg']);
    expect(html).toContain('id="rtfs-values"');
    expect(html).toContain('<svg class=gantt');
  });

  it('reports a chain without the run', () => {
    expect(buildReport({ records: chain.records(), runId: 'nope' })).toEqual({
      failure: 'no run nope in the chain',
    });
    expect(buildReport({ records: [] })).toEqual({ failure: 'the chain holds no run' });
  });
});

describe('a plain run', () => {
  const chain = new MemoryChain();
  const h = createHostedRuntime({
    policy: { allow: ['ccos.*'], deny: [] },
    sink: chain,
    log: () => undefined,
    out: () => undefined,
  });
  runProgram(h, '(step "one" (call "ccos.echo" "</script><b>x</b>"))', 'demo.rtfs');

  it('shows the program and escapes every value', () => {
    const out = runReportHtml({ records: chain.records(), divergence: 'diverged at 0.0: test' });
    if (!out.ok) throw new Error(out.error);
    expect(out.html).toContain('id=program');
    expect(out.html).not.toContain('</script><b>');
    expect(out.html).toContain('\\u003c/script>\\u003cb>x\\u003c/b>');
    expect(out.html).toContain('replay diverged here');
  });
});

describe('helpers', () => {
  it('highlights RTFS with the project lexer', () => {
    expect(highlightRtfs('(call "a.b" {:x 1 :y nil}) ; note')).toBe(
      '(<i class=h>call</i> <i class=s>"a.b"</i> {<i class=k>:x</i> <i class=n>1</i> <i class=k>:y</i> <i class=l>nil</i>}) <i class=c>; note</i>',
    );
    expect(highlightRtfs('"<&>"')).toBe('<i class=s>"&lt;&amp;&gt;"</i>');
  });

  it('diffs sources line by line', () => {
    const d = diffHtml('(a)\n(b)\n', '(a)\n(c)\n');
    expect(d).toContain('<span class=del>-(<i class=h>b</i>)</span>');
    expect(d).toContain('<span class=add>+(<i class=h>c</i>)</span>');
  });

  it('finds the call path a divergence names', () => {
    expect(divergencePath('diverged at 2.0.1: expected x')).toBe('2.0.1');
    expect(divergencePath('diverged at 3.0 (planner.x): result …')).toBe('3.0');
    expect(divergencePath('the catalog changed')).toBeUndefined();
  });

  it('picks tick steps of 1, 2 or 5 × 10^k', () => {
    expect(tickStep(66)).toBe(10);
    expect(tickStep(233)).toBe(50);
    expect(tickStep(0)).toBe(0.2);
    expect(tickStep(12_000)).toBe(2000);
  });
});

describe('the verification line', () => {
  const keys = generateSigningKeys();
  const chain = new MemoryChain({ signingKey: keys.privateKeyPem });
  const h = createHostedRuntime({
    policy: { allow: ['ccos.*'], deny: [] },
    sink: chain,
    log: () => undefined,
  });
  runProgram(h, '(call "ccos.echo" "x")', 'signed.rtfs');
  const dir = mkdtempSync(join(tmpdir(), 'rtfs-report-signed-'));
  chain.save(join(dir, 'chain'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  function line(publicKey?: string): string {
    const verification = verifyChain(join(dir, 'chain'), publicKey ? { publicKey } : {});
    const r = buildReport({
      records: readRecords(join(dir, 'chain')),
      verification,
      trustedKey: publicKey !== undefined,
    });
    if ('failure' in r) throw new Error(r.failure);
    return verificationHtml(r).replace(/<[^>]+>/g, '');
  }

  it('shows the hash chain and the signatures, and whose key checked them', () => {
    expect(line()).toMatch(/^hash chain OK: \d+ records, head seq \d+ [0-9a-f]{16}…/);
    expect(line()).toMatch(
      /signed: 1 checkpoint\(s\) through seq \d+ by key [0-9a-f]{16}, checked against the key the chain names/,
    );
    expect(line(keys.publicKeyPem)).toContain('checked against the trusted public key');
    const other = generateSigningKeys();
    expect(line(other.publicKeyPem)).toMatch(/^FAILED .*bad-signature/);
  });

  it('says when a chain is not signed', () => {
    const r = buildReport({ records: chain.records(), verification: verifyChain('/nonexistent') });
    if ('failure' in r) throw new Error(r.failure);
    expect(verificationHtml({ ...r, keyId: undefined })).toContain('unsigned');
  });
});

describe('stored content (ContentStored records)', () => {
  it('shows the catalog the chain stores under the run’s snapshot', () => {
    const { chain } = plan(GOAL);
    const records = chain.records();
    const run = records.find((r) => r.action.type === 'PlanStarted')!.action;
    const first = report(records);
    expect(first.catalogContent).toBeUndefined();
    const k = (n: string) => Keyword.of(n);
    chain.append({
      id: `${run.id}/content0`,
      // Issue 13 adds the type; the report reads it from any chain that has it.
      type: 'ContentStored' as ActionInput['type'],
      parent: run.id,
      run: run.id,
      callPath: 'content.0',
      name: first.catalogSnapshot!,
      meta: RMap.fromFlat([
        k('kind'),
        'catalog',
        k('hash'),
        first.catalogSnapshot!,
        k('content'),
        '(capability "github.list_issues" …)',
      ]),
    });
    const r = report(chain.records());
    expect(r.catalogContent).toBe('(capability "github.list_issues" …)');
    const html = runReportHtml({ records: chain.records() });
    expect(html.ok && html.html).toContain('id=catalog');
  });
});

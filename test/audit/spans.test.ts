import { describe, expect, it } from 'vitest';
import {
  MemoryChain,
  isLlmCall,
  runSpans,
  spanStatus,
  walkSpans,
  type RunSpan,
} from '../../src/audit/index.js';
import { createHostedRuntime, runProgram } from '../../src/host/index.js';

function run(source: string) {
  const chain = new MemoryChain();
  const h = createHostedRuntime({
    policy: { allow: ['ccos.*'], deny: ['ccos.fs.read'] },
    sink: chain,
    log: () => undefined,
    out: () => undefined,
  });
  const outcome = runProgram(h, source, 'demo.rtfs');
  return { records: chain.records(), runId: h.host.currentRun, outcome };
}

describe('runSpans', () => {
  it('pairs every opening record with its closing record and nests by parent', () => {
    const { records, runId } = run(`
      (step "a" (call "ccos.echo" "x"))
      (step "b" (step "b.1" (call "ccos.echo" "y")) (call "ccos.echo" "z"))`);
    const root = runSpans(records, runId) as RunSpan;
    const shape = (s: RunSpan): unknown => [
      s.kind,
      s.open.action.name,
      spanStatus(s),
      ...s.children.map(shape),
    ];
    expect(shape(root)).toEqual([
      'plan',
      'demo.rtfs',
      'ok',
      ['step', 'a', 'ok', ['call', 'ccos.echo', 'ok']],
      [
        'step',
        'b',
        'ok',
        ['step', 'b.1', 'ok', ['call', 'ccos.echo', 'ok']],
        ['call', 'ccos.echo', 'ok'],
      ],
    ]);
    let n = 0;
    walkSpans(root, (s) => {
      n++;
      expect(s.close?.action.parent).toBe(s.open.action.id);
      expect(s.close!.seq).toBeGreaterThan(s.open.seq);
    });
    expect(n).toBe(7);
  });

  it('marks a failed call and step as errors, and a span without a closing record as open', () => {
    const { records, runId } = run('(step "read" (call "ccos.fs.read" "/etc/passwd"))');
    const root = runSpans(records, runId) as RunSpan;
    const step = root.children[0] as RunSpan;
    expect(spanStatus(root)).toBe('error');
    expect(spanStatus(step)).toBe('error');
    expect(spanStatus(step.children[0] as RunSpan)).toBe('error');
    // Cut the log after the call: the call and everything around it stay open.
    const cut = records.filter((r) => r.seq <= (step.children[0] as RunSpan).open.seq);
    const partial = runSpans(cut, runId) as RunSpan;
    walkSpans(partial, (s) => expect(spanStatus(s)).toBe('open'));
    expect(runSpans(records, 'no-such-run')).toBeUndefined();
  });

  it('recognizes LLM calls by their :llm effect', () => {
    const { records, runId } = run('(call "ccos.echo" "x")');
    const root = runSpans(records, runId) as RunSpan;
    expect(isLlmCall((root.children[0] as RunSpan).open)).toBe(false);
  });
});

/**
 * RTFS written by others runs unmodified: the reference repository's capability files
 * (copied byte for byte into test/fixtures/reference, see its README) read without
 * errors, check without errors, load (every `(capability "id" …)` is defined with its
 * schemas and effects), and calling what they define fails only where they call a
 * capability rtfs-ts does not have, with `capability/unknown` naming it.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { read } from '../../src/syntax/full.js';
import { RList, Sym, Keyword, RMap, printValue } from '../../src/data/index.js';
import { Source } from '../../src/source/index.js';
import { checkSource } from '../../src/check/index.js';
import { createHostedRuntime, runProgram } from '../../src/host/index.js';

const DIR = fileURLToPath(new URL('../fixtures/reference', import.meta.url));

function rtfsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) return rtfsFiles(p);
    return p.endsWith('.rtfs') ? [p] : [];
  });
}

// The capability files (cognitive_flow.rtfs, a plan, is tested by test/cli/reference-flow.test.ts).
const files = rtfsFiles(join(DIR, 'capabilities'));
const EXAMPLES = join(DIR, 'ccos', 'examples');

/** The ids of the file's `(capability "id" …)` forms. */
function capabilityIds(text: string): string[] {
  return read(text).forms.flatMap((f) =>
    f instanceof RList && f.items[0] === Sym.of('capability') && typeof f.items[1] === 'string'
      ? [f.items[1]]
      : [],
  );
}

function load(text: string, uri: string) {
  const h = createHostedRuntime({
    policy: { allow: ['*'], deny: [] },
    out: () => undefined,
    log: () => undefined,
  });
  return { h, outcome: runProgram(h, text, uri) };
}

describe('the reference capability files', () => {
  it('are all here', () => {
    expect(
      rtfsFiles(DIR)
        .map((f) => relative(DIR, f))
        .sort(),
    ).toEqual([
      'capabilities/core/meta-planner.rtfs',
      'capabilities/samples/meta-planner-simple.rtfs',
      'capabilities/samples/meta-planner.rtfs',
      'ccos/examples/governance_hints_demo.rtfs',
      'cognitive_flow.rtfs',
    ]);
  });

  for (const file of files) {
    const name = relative(DIR, file);
    const text = readFileSync(file, 'utf8');
    describe(name, () => {
      it('reads without diagnostics', () => {
        expect(read(text, name).diagnostics).toEqual([]);
      });

      it('checks without errors (unknown capabilities are warnings)', () => {
        const ds = checkSource(new Source(name, text));
        expect(ds.filter((d) => d.severity === 'error').map((d) => d.message)).toEqual([]);
        for (const d of ds) expect(d.code).toBe('check/unknown-capability');
      });

      it('loads: every capability is defined with its schemas and effects', () => {
        const { h, outcome } = load(text, name);
        expect(outcome.ok ? 'ok' : (outcome.error?.code ?? outcome.diagnostics?.[0]?.code)).toBe(
          'ok',
        );
        const ids = capabilityIds(text);
        expect(ids.length).toBeGreaterThan(0);
        for (const id of ids) {
          const cap = h.registry.get(id);
          expect(cap, id).toBeDefined();
          expect(cap?.description).not.toBe('');
          expect(cap?.effects).toEqual(['read', 'write', 'network']);
        }
      });

      it('fails only on capabilities rtfs-ts does not have, naming them', () => {
        const { h } = load(text, name);
        for (const id of capabilityIds(text)) {
          const input = RMap.fromFlat([
            Keyword.of('goal'),
            'group GitHub issues by label',
            Keyword.of('description'),
            'group issues',
            Keyword.of('max-depth'),
            2,
          ]);
          const o = h.runtime.evalString(`(call "${id}" ${printValue(input)})`, 'call.rtfs');
          expect(o.ok).toBe(false);
          if (o.ok) continue;
          expect(o.error?.code, id).toBe('capability/unknown');
          const missing = /unknown capability '([^']+)'/.exec(o.error?.message ?? '')?.[1];
          expect(missing, o.error?.message).toBeDefined();
          expect(h.registry.get(missing as string)).toBeUndefined();
          expect(text).toContain(`"${missing as string}"`);
        }
      });
    });
  }
});

describe('the reference example governance_hints_demo.rtfs', () => {
  // It labels each part with an empty step, (step "Test 1: …"), and attaches ^{…}
  // metadata to calls; its capabilities (test.echo …) exist only in the reference's demo.
  const name = 'governance_hints_demo.rtfs';
  const text = readFileSync(join(EXAMPLES, name), 'utf8');
  it('checks without errors, warning about the capabilities rtfs-ts does not have', () => {
    const ds = checkSource(new Source(name, text));
    expect(ds.filter((d) => d.severity === 'error').map((d) => d.message)).toEqual([]);
    expect(new Set(ds.map((d) => d.code))).toEqual(new Set(['check/unknown-capability']));
  });
  it('runs up to its first capability call, which fails naming the capability', () => {
    const { h, outcome } = load(text, name);
    const error = outcome.ok ? undefined : outcome.error;
    expect(error?.code).toBe('capability/unknown');
    expect(error?.message).toContain("'test.echo'");
    expect(h.registry.get('test.echo')).toBeUndefined();
  });
  it('runs to the end once the host has its capabilities', () => {
    const { h } = load('', 'empty.rtfs');
    const calls: string[] = [];
    for (const id of ['test.echo', 'test.flaky', 'test.might-fail'])
      h.registry.register({
        id,
        description: `the demo's ${id}`,
        inputSchema: undefined,
        outputSchema: undefined,
        effects: ['pure'],
        impl: (input) => {
          calls.push(id);
          return input;
        },
      });
    const outcome = runProgram(h, text, name);
    expect(outcome.ok ? printValue(outcome.value) : outcome.error?.code).toBe(
      '{:status "complete" :tests-run 5 :hints-tested ["retry" "timeout" "fallback" "combined"]}',
    );
    expect(calls).toEqual(['test.echo', 'test.flaky', 'test.echo', 'test.might-fail', 'test.echo']);
  });
});

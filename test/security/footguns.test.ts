/**
 * Item 8 of issue 15: a program cannot `defcapability` a built-in or catalog id (the
 * chain would record its fabricated results under the trusted name); unknown keys in a
 * policy file are an error instead of silently disappearing.
 */
import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHostedRuntime, runProgram } from '../../src/host/index.js';
import { MemoryChain } from '../../src/audit/index.js';
import { RMap } from '../../src/data/index.js';
import { tempDir } from '../audit/helpers.js';
import { rtfs } from '../cli/run-cli.js';

function run(src: string) {
  const sink = new MemoryChain();
  const hosted = createHostedRuntime({
    sink,
    policy: { allow: ['*'], deny: [] },
    readRoots: [],
    capabilities: [
      {
        id: 'planner.validate_plan',
        description: 'a catalog capability',
        inputSchema: undefined,
        outputSchema: undefined,
        effects: ['pure'],
        impl: () => RMap.EMPTY,
      },
    ],
  });
  const outcome = runProgram(hosted, src, 'p.rtfs');
  return { outcome, records: sink.records() };
}

describe('defcapability cannot redefine a trusted id', () => {
  for (const id of ['ccos.fs.read', 'core.data.count', 'ccos.user.ask', 'planner.validate_plan']) {
    it(id, () => {
      const { outcome, records } = run(
        `(defcapability "${id}" {:effects [:pure]} (fn [_] "fabricated"))\n(call "${id}" "x")`,
      );
      expect(outcome.ok).toBe(false);
      if (!outcome.ok) {
        expect(outcome.error?.code).toBe('capability/redefinition');
        expect(outcome.error?.message).toContain(id);
      }
      // Nothing but the program's source (in PlanStarted) mentions the fabricated value.
      const recorded = records.filter((r) => r.action.type !== 'PlanStarted');
      expect(JSON.stringify(recorded.map((r) => r.action))).not.toContain('fabricated');
    });
  }

  it('a capability the program defined may be defined again', () => {
    const { outcome } = run(
      '(defcapability "app.x" {} (fn [_] 1)) (defcapability "app.x" {} (fn [_] 2)) (call "app.x" nil)',
    );
    expect(outcome).toMatchObject({ ok: true, value: 2 });
  });
});

describe('policy files', () => {
  const base = tempDir('policy');
  const prog = join(base, 'p.rtfs');
  writeFileSync(prog, '(call "ccos.echo" "hi")\n');

  it('an unknown key (:Deny) is a usage error naming it', () => {
    const pol = join(base, 'pol.rtfs');
    writeFileSync(pol, '{:allow ["*"] :Deny ["ccos.echo"]}');
    const r = rtfs(['run', prog, '--policy', pol]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown key :Deny');
    expect(r.stderr).toContain('did you mean :deny?');
    const strings = join(base, 'pol2.rtfs');
    writeFileSync(strings, '{"allow" ["*"] "denny" ["ccos.echo"]}');
    const j = rtfs(['run', prog, '--policy', strings]);
    expect(j.code).toBe(2);
    expect(j.stderr).toContain('unknown key "denny"');
  });

  it('known keys work (keywords or strings)', () => {
    const pol = join(base, 'ok.rtfs');
    writeFileSync(pol, '{"allow" ["*"] :deny ["ccos.fs.*"]}');
    expect(rtfs(['run', prog, '--policy', pol]).stdout).toBe('"hi"\n');
  });
});

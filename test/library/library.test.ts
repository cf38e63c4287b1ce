/**
 * The library API (src/library/) beyond the docs/api.md samples: option files and
 * their errors, answers in every form, plan inputs, TypeScript capabilities that fail
 * or return Promises, runAsync's error paths.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  RtfsConfigError,
  createRtfs,
  defineCapability,
  openChain,
  runAsync,
} from '../../src/library/index.js';
import { printValue } from '../../src/data/index.js';

const dir = mkdtempSync(join(tmpdir(), 'rtfs-library-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, text: string): string => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};
const quiet = { out: () => undefined, log: () => undefined };
const ASK = '(call "ccos.user.ask" {:prompt "name?"})';

describe('createRtfs', () => {
  it('takes a policy file in JSON or RTFS, and reports a bad one with file and position', () => {
    for (const p of [
      file('p.json', '{"allow": ["ccos.*"]}'),
      file('p.rtfs', '{:allow ["ccos.*"]}'),
    ]) {
      const r = createRtfs({ policy: p, ...quiet }).run('(call "ccos.echo" {:message "x"})');
      expect(r.ok).toBe(true);
    }
    const bad = file('bad.json', '{"allow": "ccos.*"}');
    expect(() => createRtfs({ policy: bad })).toThrow(RtfsConfigError);
    try {
      createRtfs({ policy: file('worse.json', '{"allow": [}') });
    } catch (e) {
      expect((e as RtfsConfigError).diagnostics[0]?.code).toBe('config/syntax');
      expect((e as Error).message).toContain('worse.json:1:12: config/syntax: invalid JSON');
    }
  });

  it('answers ccos.user.ask in order, by prompt, with a function, or from a file', () => {
    const answer = (answers: Parameters<typeof createRtfs>[0] extends infer O ? O : never) =>
      createRtfs({ policy: { allow: ['ccos.*'] }, ...quiet, ...answers }).run(ASK);
    const value = (r: ReturnType<typeof answer>): string =>
      r.ok ? printValue(r.value) : r.error.code;
    expect(value(answer({ answers: ['Ada'] }))).toBe('"Ada"');
    expect(value(answer({ answers: { 'name?': 'Bob' } }))).toBe('"Bob"');
    expect(value(answer({ answers: (p) => `${p} Cy` }))).toBe('"name? Cy"');
    expect(value(answer({ answers: file('a.json', '{"name?": "Di"}') }))).toBe('"Di"');
    expect(value(answer({}))).toBe('capability/failed');
  });

  it('gives plan inputs as data or a file', () => {
    const prog = '(plan :name "p" :input-schema [:map [:n :int]] (* 2 n))';
    const r1 = createRtfs({ inputs: { n: 4 } }).run(prog);
    expect(r1.ok && printValue(r1.value)).toBe('8');
    const r2 = createRtfs({ inputs: file('in.rtfs', '{:n 5}') }).run(prog);
    expect(r2.ok && printValue(r2.value)).toBe('10');
  });

  it('records TypeScript capability calls, failures included, and replays them from the log', () => {
    let calls = 0;
    const flaky = defineCapability({
      id: 'app.flaky',
      input: z.object({ fail: z.boolean() }),
      impl: ({ fail }) => {
        calls++;
        if (fail) throw new Error('boom');
        return { ok: true };
      },
    });
    const rtfs = createRtfs({ policy: { allow: ['app.*'] }, capabilities: [flaky], ...quiet });
    const r = rtfs.run(
      '[(call "app.flaky" {:fail false}) (try (call "app.flaky" {:fail true}) (catch e (:code e)))]',
    );
    expect(r.ok && printValue(r.value)).toBe('[{:ok true} :capability/failed]');
    const chain = openChain(rtfs.chain);
    expect(chain.verify().ok).toBe(true);
    expect(chain.query({ cap: 'app.flaky', type: 'CapabilityCall' })).toHaveLength(2);
    const before = calls;
    const replay = chain.replay({ capabilities: [flaky] });
    expect(replay.ok && replay.liveCalls).toBe(0);
    expect(calls).toBe(before);
  });

  it('refuses a Promise from a capability in a synchronous run, pointing at runAsync', () => {
    const later = defineCapability({ id: 'app.later', impl: async () => 1 });
    const r = createRtfs({ policy: { allow: ['app.*'] }, capabilities: [later], ...quiet }).run(
      '(call "app.later" {})',
    );
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/returned a Promise.*runAsync/);
  });

  it('rejects a schema that is not an RTFS type', () => {
    expect(() =>
      defineCapability({ id: 'app.bad', input: '[:map [:x :strnig]]', impl: () => null }),
    ).toThrow(/app\.bad.*input schema/);
  });
});

describe('runAsync', () => {
  it('awaits async capabilities, and turns a rejection into a capability error the program can catch', async () => {
    const lookup = defineCapability({
      id: 'app.lookup',
      input: z.object({ key: z.string() }),
      effects: ['network'],
      impl: async ({ key }) => {
        await new Promise((ok) => setTimeout(ok, 5));
        if (key === 'missing') throw new Error(`no ${key}`);
        return { key, value: key.length };
      },
    });
    const out: string[] = [];
    const r = await runAsync(
      `(println "start")
       [(call "app.lookup" {:key "abc"})
        (try (call "app.lookup" {:key "missing"}) (catch e (:message e)))]`,
      { policy: { allow: ['app.*'] }, capabilities: [lookup], out: (t) => out.push(t) },
    );
    expect(r.ok && printValue(r.value)).toBe(
      `[{:key "abc" :value 3} "capability 'app.lookup' failed: no missing"]`,
    );
    expect(out).toEqual(['start\n']);
    expect(r.records.filter((x) => x.action.type === 'CapabilityCall')).toHaveLength(2);
  });

  it('reports program errors with their text and diagnostics, and asks through answers', async () => {
    const bad = await runAsync('(let [x 1]\n  (/ x 0))', { uri: 'calc.rtfs' });
    expect(bad.ok).toBe(false);
    if (!bad.ok)
      expect(bad.error.text).toMatch(/^error: calc\.rtfs:2:3: runtime\/division-by-zero/);
    const syntax = await runAsync('(let [x 1', { uri: 's.rtfs' });
    expect(!syntax.ok && syntax.error.diagnostics[0]?.code).toBe('syntax/unclosed-delimiter');
    const asked = await runAsync(ASK, {
      policy: { allow: ['ccos.*'] },
      answers: (p) => `${p}!`,
      ...quiet,
    });
    expect(asked.ok && printValue(asked.value)).toBe('"name?!"');
  });

  it('writes to a chain directory', async () => {
    const chain = join(dir, 'chain');
    const r = await runAsync('(step "s" 1)', { chain });
    expect(r.ok).toBe(true);
    expect(openChain(chain).verify().ok).toBe(true);
  });
});

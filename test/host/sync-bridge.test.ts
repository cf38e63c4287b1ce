import { describe, it, expect, afterAll } from 'vitest';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { SyncBridge } from '../../src/host/sync-bridge.js';

const provider = pathToFileURL(resolve('test/host/fixtures/async-provider.mjs')).href;
const bridge = new SyncBridge();
afterAll(() => bridge.close());

describe('SyncBridge', () => {
  it('returns the value of an async function synchronously', () => {
    const t0 = Date.now();
    const r = bridge.call(provider, 'slowUpper', { text: 'plan' });
    expect(r).toEqual({ ok: true, value: { text: 'PLAN', waited: true } });
    expect(Date.now() - t0).toBeGreaterThanOrEqual(15);
  });

  it('reports a rejected promise as an error reply', () => {
    expect(bridge.call(provider, 'fails', null)).toEqual({
      ok: false,
      message: 'provider exploded',
    });
  });

  it('reports a missing export', () => {
    const r = bridge.call(provider, 'nope', null);
    expect(r.ok).toBe(false);
  });

  it('serves many calls in sequence', () => {
    for (let i = 0; i < 5; i++)
      expect(bridge.call(provider, 'slowUpper', { text: `x${i}` })).toMatchObject({ ok: true });
  });
});

describe('asyncCapability', () => {
  it('runs an async provider as a capability inside an RTFS program', async () => {
    const { asyncCapability, createHostedRuntime, runProgram } =
      await import('../../src/host/index.js');
    const { printValue } = await import('../../src/data/index.js');
    const cap = asyncCapability({
      id: 'test.upper',
      description: 'uppercases :text after a real await',
      effects: ['network'],
      module: provider,
      export: 'slowUpper',
    });
    const h = createHostedRuntime({
      policy: { allow: ['test.*'], deny: [] },
      capabilities: [cap],
      log: () => undefined,
    });
    const o = runProgram(h, '(:text (call "test.upper" {:text "abc"}))', 't.rtfs');
    expect(o.ok && printValue(o.value)).toBe('"ABC"');
  });
});

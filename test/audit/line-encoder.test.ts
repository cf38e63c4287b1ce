import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { ActionInput, ActionType } from '../../src/runtime/audit-sink.js';
import { type Value, RMap, RVector, float, kw } from '../../src/data/index.js';
import {
  ZERO_HASH,
  actionBody,
  chainHash,
  formatLine,
  housekeepingBody,
} from '../../src/audit/index.js';
import { LineEncoder } from '../../src/audit/line-encoder.js';

/** Strings of every kind a record may carry: plain, escaped, non-ASCII, lone surrogates, long. */
const text = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.constantFrom(
    '',
    'run-1/0.1',
    'José 𝄞',
    'a"b\\c\n',
    '\ud800x',
    'x'.repeat(600),
    'é'.repeat(700),
  ),
);

const leaf: fc.Arbitrary<Value> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.double().map((d) => float(d)),
  text,
  fc.stringMatching(/^[a-z][a-z0-9-]{0,6}$/).map((n) => kw(n)),
);

const value: fc.Arbitrary<Value> = fc.oneof(
  leaf,
  fc.array(leaf, { maxLength: 4 }).map((xs) => RVector.from(xs)),
  fc.array(fc.tuple(leaf, leaf), { maxLength: 4 }).map((es) => RMap.fromFlat(es.flat())),
);

const types: ActionType[] = ['CapabilityCall', 'CapabilityResult', 'StepStarted', 'PlanCompleted'];

const action: fc.Arbitrary<ActionInput> = fc
  .record(
    {
      id: text,
      type: fc.constantFrom(...types),
      parent: fc.option(text, { nil: null }),
      run: text,
      callPath: text,
      name: text,
      args: value,
      argsHash: fc.stringMatching(/^[0-9a-f]{64}$/),
      result: fc.oneof(
        value.map((v) => ({ ok: true as const, value: v })),
        fc.tuple(text, text).map(([code, message]) => ({
          ok: false as const,
          error: { code, message },
        })),
      ),
      resultHash: fc.stringMatching(/^[0-9a-f]{64}$/),
      durationMs: fc.oneof(fc.nat(), fc.double(), fc.constantFrom(-1, -0, NaN, Infinity, 1e21)),
      meta: value,
    },
    { requiredKeys: ['id', 'type', 'parent', 'run', 'callPath'] },
  )
  .map((a) => a as ActionInput);

const ts = fc.oneof(
  fc.constant(1767225600000),
  fc.integer({ min: 0, max: 2 ** 48 }),
  fc.double({ noNaN: true }),
);

describe('LineEncoder', () => {
  it('writes the very bytes of formatLine(chainHash(actionBody(…))), line after line', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(action, ts), { minLength: 1, maxLength: 6 }),
        fc.nat(300),
        (records, firstSeq) => {
          // A tiny buffer: every line makes it grow, with earlier lines kept.
          const enc = new LineEncoder(firstSeq - 1, ZERO_HASH, 16);
          let prev = ZERO_HASH;
          let expected = '';
          records.forEach(([a, t], i) => {
            const seq = firstSeq + i;
            const body = actionBody(a, t);
            const hash = chainHash(seq, prev, body);
            expected += formatLine(seq, prev, hash, body);
            enc.action(a, t);
            expect(enc.hash).toBe(hash);
            expect(enc.seq).toBe(seq);
            prev = hash;
          });
          expect(enc.buf.toString('utf8', 0, enc.len)).toBe(expected);
          expect(enc.len).toBe(Buffer.byteLength(expected));
        },
      ),
      { numRuns: 400 },
    );
  });

  it('writes big values, and one value object recorded again, as actionBody does', () => {
    const entry = (i: number): RMap =>
      RMap.fromFlat([kw('id'), `cap.${i}`, kw('about'), `é "${i}" ${'x'.repeat(90)}`]);
    const menu = RVector.from(Array.from({ length: 40 }, (_, i) => entry(i)));
    const small = RVector.from([1, kw('a'), 'b', null, float(1.5)]);
    const decision = RMap.fromFlat([kw('decision'), kw('allow'), kw('effects'), small]);
    const actions: ActionInput[] = [
      { id: 'r/0', type: 'CapabilityCall', parent: 'r', run: 'r', callPath: '0', args: menu },
      {
        id: 'r/0/end',
        type: 'CapabilityResult',
        parent: 'r/0',
        run: 'r',
        callPath: '0',
        result: { ok: true, value: menu },
        meta: RMap.fromFlat([kw('kind'), 'menu', kw('content'), menu]),
      },
      {
        id: 'r/1',
        type: 'StepStarted',
        parent: 'r',
        run: 'r',
        callPath: '1',
        args: small,
        meta: decision,
      },
      {
        id: 'r/3',
        type: 'StepStarted',
        parent: 'r',
        run: 'r',
        callPath: '3',
        args: menu,
        meta: decision,
      },
      {
        id: 'r/2',
        type: 'StepCompleted',
        parent: 'r',
        run: 'r',
        callPath: '2',
        result: { ok: true, value: RMap.fromFlat([kw('menu'), menu, kw('n'), 40]) },
      },
    ];
    const enc = new LineEncoder(-1, ZERO_HASH, 16);
    let prev = ZERO_HASH;
    let expected = '';
    actions.forEach((a, seq) => {
      const body = actionBody(a, 5);
      const hash = chainHash(seq, prev, body);
      expected += formatLine(seq, prev, hash, body);
      enc.action(a, 5);
      expect(enc.hash).toBe(hash);
      prev = hash;
    });
    expect(enc.buf.toString('utf8', 0, enc.len)).toBe(expected);
  });

  it('encodes housekeeping bodies the same way; lineAt gives a line back as text', () => {
    const f = 'f'.repeat(64);
    const enc = new LineEncoder(41, f);
    const body = housekeepingBody('Checkpoint', 'id-1', 5, { note: 'naïve "quoted"', n: 3 });
    const h42 = chainHash(42, f, body);
    enc.body(body);
    expect(enc.lineAt(0)).toBe(formatLine(42, f, h42, body));
    const from = enc.len;
    const step: ActionInput = {
      id: 'x',
      type: 'StepStarted',
      parent: null,
      run: 'r',
      callPath: '0',
    };
    enc.action(step, 7);
    const body2 = actionBody(step, 7);
    expect(enc.lineAt(from)).toBe(formatLine(43, h42, chainHash(43, h42, body2), body2));
  });
});

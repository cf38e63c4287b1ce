/**
 * The peer comparison (`npm run bench:peers`) is only meaningful if every tool computes
 * the same thing: each workload, at a small size, must print the same answer in plain JS,
 * rtfs (run and compiled to a module), nbb, squint and cherry. No timing is asserted.
 */
import { describe, expect, it } from 'vitest';
import { answers } from '../../bench/peers/measure.js';
import { peerWorkloads } from '../../bench/peers/workloads.js';

describe('peer workloads give the same answer in every tool', () => {
  for (const w of peerWorkloads) {
    it(
      w.id,
      () => {
        const got = answers(w, 0.01);
        const js = got.get('js');
        expect(js).toMatch(/^\d+$/);
        expect(Object.fromEntries(got)).toEqual(
          Object.fromEntries([...got.keys()].map((k) => [k, js])),
        );
      },
      120_000,
    );
  }
});

import { describe, expect, it } from 'vitest';
import { complete } from '../../../src/cli/repl/completion.js';

const names = {
  symbols: ['map', 'mapv', 'max', 'my-fn', 'reduce', 'map'],
  keywords: ['status', 'stop', 'id'],
  capabilities: ['ccos.echo', 'ccos.io.log', 'core.data.filter'],
};

describe('complete', () => {
  it('completes the symbol before the cursor', () => {
    expect(complete('(ma', names, true)).toEqual([['map', 'mapv', 'max'], 'ma']);
    expect(complete('(reduce + (my', names, true)).toEqual([['my-fn'], 'my']);
    expect(complete('[x (red', names, true)).toEqual([['reduce'], 'red']);
  });

  it('completes keywords seen in the session, and capability ids as keywords', () => {
    expect(complete('{:st', names, true)).toEqual([[':status', ':stop'], ':st']);
    expect(complete('(get m :ccos.e', names, true)).toEqual([[':ccos.echo'], ':ccos.e']);
  });

  it('completes capability ids inside a string', () => {
    expect(complete('(call "ccos.', names, true)).toEqual([
      ['"ccos.echo"', '"ccos.io.log"'],
      '"ccos.',
    ]);
    expect(complete('(call "', names, true)[0]).toHaveLength(3);
  });

  it('completes commands at the start of an input', () => {
    expect(complete(':d', names, true)).toEqual([[':doc'], ':d']);
    expect(complete(':s', names, true)).toEqual([[':status', ':stop'], ':s']);
    expect(complete(':', names, true)[0]).toContain(':quit');
    // In a continuation line, `:d` is only a keyword.
    expect(complete(':d', names, false)).toEqual([[], ':d']);
  });

  it('offers nothing after a delimiter', () => {
    expect(complete('(map ', names, true)).toEqual([[], '']);
    expect(complete('', names, true)).toEqual([[], '']);
  });
});

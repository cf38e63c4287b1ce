import { describe, expect, it } from 'vitest';
import { InputAccumulator, parseCommand } from '../../../src/cli/repl/input.js';

describe('InputAccumulator', () => {
  it('asks for more lines while a form is unclosed, then returns the whole text', () => {
    const acc = new InputAccumulator();
    expect(acc.push('(defn sq [x]')).toEqual({ kind: 'more' });
    expect(acc.pending).toBe(true);
    expect(acc.push('  (* x')).toEqual({ kind: 'more' });
    expect(acc.push('     x))')).toEqual({
      kind: 'source',
      text: '(defn sq [x]\n  (* x\n     x))',
    });
    expect(acc.pending).toBe(false);
  });

  it('continues an unterminated string and a vector or map', () => {
    const acc = new InputAccumulator();
    expect(acc.push('(str "a')).toEqual({ kind: 'more' });
    expect(acc.push('b")')).toEqual({ kind: 'source', text: '(str "a\nb")' });
    expect(acc.push('{:a [1')).toEqual({ kind: 'more' });
    expect(acc.push('2]}')).toEqual({ kind: 'source', text: '{:a [1\n2]}' });
  });

  it('passes several forms on one line as one input', () => {
    expect(new InputAccumulator().push('(def a 1) (+ a 1) :k')).toEqual({
      kind: 'source',
      text: '(def a 1) (+ a 1) :k',
    });
  });

  it('hands over input with a real syntax error instead of waiting', () => {
    expect(new InputAccumulator().push('(+ 1 2))')).toEqual({ kind: 'source', text: '(+ 1 2))' });
    expect(new InputAccumulator().push('(let [x 1)')).toEqual({
      kind: 'source',
      text: '(let [x 1)',
    });
  });

  it('treats blank lines and lone comments as nothing', () => {
    const acc = new InputAccumulator();
    expect(acc.push('   ')).toEqual({ kind: 'empty' });
    expect(acc.push('; a comment')).toEqual({ kind: 'empty' });
    expect(acc.pending).toBe(false);
  });

  it('forgets the pending lines on clear (Ctrl-C)', () => {
    const acc = new InputAccumulator();
    acc.push('(+ 1');
    acc.clear();
    expect(acc.pending).toBe(false);
    expect(acc.push('(+ 2 3)')).toEqual({ kind: 'source', text: '(+ 2 3)' });
  });

  it('recognises commands only at the start of an input', () => {
    const acc = new InputAccumulator();
    expect(acc.push(':doc map')).toEqual({ kind: 'command', name: 'doc', arg: 'map' });
    expect(acc.push('  :quit  ')).toEqual({ kind: 'command', name: 'quit', arg: '' });
    expect(acc.push('(vector')).toEqual({ kind: 'more' });
    // Inside a pending form, `:env` is a keyword.
    expect(acc.push(':env)')).toEqual({ kind: 'source', text: '(vector\n:env)' });
  });

  it('evaluates keywords that are not command names', () => {
    expect(new InputAccumulator().push(':ok')).toEqual({ kind: 'source', text: ':ok' });
  });
});

describe('parseCommand', () => {
  it('splits the name and the rest of the line', () => {
    expect(parseCommand(':type (+ 1 2)')).toEqual({ name: 'type', arg: '(+ 1 2)' });
    expect(parseCommand(':load  dir/a b.rtfs ')).toEqual({ name: 'load', arg: 'dir/a b.rtfs' });
    expect(parseCommand(':help')).toEqual({ name: 'help', arg: '' });
    expect(parseCommand(':helpful')).toBeUndefined();
    expect(parseCommand('(:a m)')).toBeUndefined();
  });
});

import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { fitLine, wrapLine } from '../../src/cli/terminal-fit.js';
import { planTraceFitted, type TraceRow } from '../../src/cli/plan-trace.js';

describe('fitting lines to a terminal', () => {
  it('cuts by display width, counting wide characters twice', () => {
    expect(fitLine('abcdef', 4)).toBe('abc…');
    expect(fitLine('abc', 4)).toBe('abc');
    const cjk = fitLine('目標：一覧を表示する', 9);
    expect(stringWidth(cjk)).toBeLessThanOrEqual(9);
    expect(cjk.endsWith('…')).toBe(true);
  });

  it('wraps at spaces with a hanging indent, breaking words longer than a line', () => {
    const w = wrapLine('Causal chain: 53 actions in run 01a24c8a-061b-7707, integrity OK', 30);
    expect(w.split('\n')).toEqual([
      'Causal chain: 53 actions in',
      '  run 01a24c8a-061b-7707,',
      '  integrity OK',
    ]);
    for (const l of wrapLine(`x ${'y'.repeat(70)}`, 20).split('\n'))
      expect(stringWidth(l)).toBeLessThanOrEqual(20);
  });

  it('lays the trace out in a column when it fits, summaries below their steps when not', () => {
    const rows: TraceRow[] = [
      { left: '[1] step a → cap.one', summary: 'a summary that is rather long for the line' },
      { left: '[2] step b', summary: 'no call', inline: true },
    ];
    expect(planTraceFitted(rows, 120, fitLine)).toEqual([
      '[1] step a → cap.one a summary that is rather long for the line',
      '[2] step b  no call',
    ]);
    const narrow = planTraceFitted(rows, 40, fitLine);
    expect(narrow).toEqual([
      '[1] step a → cap.one',
      '      a summary that is rather long for…',
      '[2] step b',
      '      no call',
    ]);
  });
});

/** A `#!` first line is a comment for both readers and the formatter (syntax/shebang.ts). */
import { describe, expect, it } from 'vitest';
import { read } from '../../src/syntax/full.js';
import { printValue } from '../../src/data/index.js';
import { formatSource } from '../../src/format/index.js';

describe('a #! first line', () => {
  it('is read as a comment by the fast path', () => {
    const r = read('#!/usr/bin/env rtfs\n(+ 1 2)\n');
    expect(r.diagnostics).toEqual([]);
    expect(r.forms.map(printValue)).toEqual(['(+ 1 2)']);
    expect(r.comments.map((c) => c.text)).toEqual(['#!/usr/bin/env rtfs']);
  });

  it('is a comment for the full reader too, positions unchanged', () => {
    const full = read('#!/usr/bin/env rtfs\n(+ 1 2)\n', '<x>', { fullReaderOnly: true });
    expect(full.forms.map(printValue)).toEqual(['(+ 1 2)']);
    expect(full.comments.map((c) => c.text)).toEqual(['#!/usr/bin/env rtfs']);
    const bad = read('#!/usr/bin/env rtfs\n(+ 1 2', '<x>');
    expect(bad.diagnostics[0]?.code).toBe('syntax/unclosed-delimiter');
    expect(bad.diagnostics[0]?.span.source.position(bad.diagnostics[0].span.start)).toEqual({
      line: 2,
      column: 1,
    });
  });

  it('only on the first line', () => {
    expect(read('(+ 1 2)\n#!/bin/x\n').diagnostics[0]?.code).toBe('syntax/unknown-dispatch');
    expect(read('  #!/bin/x\n').diagnostics[0]?.code).toBe('syntax/unknown-dispatch');
  });

  it('is kept by the formatter', () => {
    const r = formatSource('#!/usr/bin/env rtfs\n(+   1 2)\n');
    expect(r.ok && r.text).toBe('#!/usr/bin/env rtfs\n(+ 1 2)\n');
  });
});

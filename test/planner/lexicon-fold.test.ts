/**
 * `fold` strips marks without the `\p{M}` pattern when every character of the decomposed
 * word is below U+0370 (ADR 0040): it must give what the pattern gives, for every word.
 */
import { describe, it, expect } from 'vitest';
import { fold, lexicon } from '../../src/planner/lexicon/index.js';

/** The definition `fold` keeps: decompose, remove every mark, lower the case. */
function reference(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** A small deterministic generator (no Math.random: a failure must repeat). */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe('fold', () => {
  it('treats U+0000–U+02FF as letters and U+0300–U+036F as marks, as \\p{M} does', () => {
    for (let c = 0; c < 0x370; c++) {
      const ch = String.fromCharCode(c);
      expect(/\p{M}/u.test(ch), `U+${c.toString(16)}`).toBe(c >= 0x300);
    }
  });

  it('gives the reference fold of every character of the BMP alone and after a letter', () => {
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      if (fold(ch) !== reference(ch)) expect(fold(ch), `U+${c.toString(16)}`).toBe(reference(ch));
      const w = `E${ch}x`;
      if (fold(w) !== reference(w)) expect(fold(w), `E U+${c.toString(16)} x`).toBe(reference(w));
    }
  });

  it('gives the reference fold of generated words mixing accents, marks and other scripts', () => {
    const pool = [
      ...'aEiOuzßœæøÇçÉéèêëàâîïôûùÑñáíóúÄÖÜäöü¿¡ſKÅ',
      '\u0301',
      '\u0327',
      '\u0308',
      '\u036f',
      '\u0370',
      '\u0483',
      '\u05b0',
      '\u0903',
      '\u1ab0',
      '\u20d0',
      '\ufe20',
      'ǅ',
      'Ǆ',
      'ẞ',
      'İ',
      'ΐ',
      'й',
      '가',
      '漢',
      '\ud83d\ude00',
      '\ud800',
      '\udc00',
      '\u{1d165}',
    ];
    const next = rng(40);
    for (let n = 0; n < 5000; n++) {
      const len = 1 + Math.floor(next() * 8);
      let w = '';
      for (let i = 0; i < len; i++) w += pool[Math.floor(next() * pool.length)];
      expect(fold(w), JSON.stringify(w)).toBe(reference(w));
    }
  });

  it('folds every word of the lexicon as the reference does', () => {
    const l = lexicon();
    for (const f of l.foreign)
      for (const k of f.exact.keys()) expect(fold(k), `${f.code} ${k}`).toBe(reference(k));
  });
});

/**
 * A policy pattern (`*` wildcards) means the RE2 regex `^p1.*p2.*…pn$`. Policy checks
 * match it without RE2 when they can (ADR 0038); these cases check the decision is RE2's
 * for patterns and ids built from a small alphabet, with newlines and surrogates too.
 */
import { describe, expect, it } from 'vitest';
import { decide } from '../../src/host/policy.js';
import { compileLinearRegex } from '../../src/data/linear-regex.js';

function re2(pattern: string, id: string): boolean {
  const escaped = pattern
    .split('*')
    .map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  const r = compileLinearRegex(`^${escaped}$`);
  if (r.kind !== 'ok') throw new Error(r.message);
  return r.re.test(id);
}

function allowed(pattern: string, id: string): boolean {
  return decide({ allow: [pattern], deny: [] }, id).allowed;
}

/** Deterministic pseudo-random strings over `alphabet` (a linear congruential generator). */
function strings(alphabet: readonly string[], count: number, seed: number): string[] {
  let x = seed;
  const next = (n: number): number => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return x % n;
  };
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    let s = '';
    const len = next(7);
    for (let j = 0; j < len; j++) s += alphabet[next(alphabet.length)] ?? '';
    out.push(s);
  }
  return out;
}

describe('policy glob patterns', () => {
  it('decides as the RE2 regex on ids and patterns with dots, stars and specials', () => {
    const ids = strings(['a', 'b', '.', 'ab'], 60, 7);
    const patterns = strings(['a', 'b', '.', '*', '*', 'ab'], 120, 11);
    for (const p of [...patterns, '*', '**', 'a*a', 'a*b*a', '*.*', 'ab*ab', ''])
      for (const id of ids) expect(allowed(p, id), `${p} ~ ${id}`).toBe(re2(p, id));
  });

  it('decides as RE2 with newlines, surrogate pairs and lone surrogates', () => {
    const odd = ['a', '\n', '\uD83D', '\uDE00', '😀', '$', '(', '\\'];
    const ids = strings(odd, 60, 3);
    const patterns = strings([...odd, '*', '*'], 80, 5);
    for (const p of [...patterns, '*', 'a*', '\uD83D*', '*\uDE00'])
      for (const id of ids) expect(allowed(p, id), `${p} ~ ${id}`).toBe(re2(p, id));
  });

  it('matches capability ids as before', () => {
    expect(allowed('core.data.*', 'core.data.get')).toBe(true);
    expect(allowed('core.data.*', 'core.datax')).toBe(false);
    expect(allowed('*.send', 'sms.send')).toBe(true);
    expect(allowed('a*b*c', 'abbc')).toBe(true);
    expect(allowed('a*b*c', 'ac')).toBe(false);
  });
});

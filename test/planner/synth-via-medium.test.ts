/**
 * removeViaMedium matches what the regex it replaces matched (ADR 0038): the regex,
 * built as objects.ts built it, is the oracle over clauses from a small vocabulary of
 * prepositions, articles, media, services, case changes and odd characters.
 */
import { describe, expect, it } from 'vitest';
import { lexicon } from '../../src/planner/lexicon/index.js';
import { removeViaMedium } from '../../src/planner/synth/via-medium.js';

const MEDIA =
  'sms|e-?mail|mail|text message|message|push notification|notification|alert|slack|chat|team chat';
const MEDIA_WORDS = MEDIA.replace('e-?mail', 'e-mail|email').split('|');

function oracle(text: string, services: readonly string[]): string {
  const alternation = services.join('|').replace(/\./g, '\\.');
  const re = new RegExp(
    `\\b(?:by|via|over|through|as|in|on|using)\\s+(?:an?\\s+|the\\s+)?(?:${MEDIA}|${alternation})\\b`,
    'gi',
  );
  return text.replace(re, ' ');
}

const PIECES = [
  'by',
  'via',
  'over',
  'through',
  'as',
  'in',
  'on',
  'using',
  'By',
  'VIA',
  'iN',
  'a',
  'an',
  'the',
  'An',
  'THE',
  'sms',
  'SMS',
  'e-mail',
  'Email',
  'mail',
  'text',
  'message',
  'text message',
  'push',
  'notification',
  'alert',
  'slack',
  'chat',
  'team chat',
  'team',
  'x.com',
  'X.COM',
  'xycom',
  'google drive',
  'box',
  'boxes',
  'twitter',
  'signal',
  'zoom',
  'send',
  'them',
  'to',
  '+1555',
  'smsx',
  'sms_',
  'sms2',
  'ſms',
  'ſlack',
  'K',
  '\u212Aey',
  'é',
  'ñ',
  '"',
  '#dev',
  'aby',
  'the_',
];
const GAPS = [' ', ' ', ' ', '  ', '\t', '\u00a0', '\n', '', '-', '.', ',', ' \u2003 '];

function clauses(count: number, seed: number): string[] {
  let x = seed;
  const next = (n: number): number => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return Math.floor((x / 2147483648) * n);
  };
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    let s = '';
    const len = 1 + next(8);
    for (let j = 0; j < len; j++)
      s += (PIECES[next(PIECES.length)] ?? '') + (GAPS[next(GAPS.length)] ?? '');
    out.push(s);
  }
  return out;
}

describe('removeViaMedium', () => {
  const services = [...lexicon().services];
  const words = [...MEDIA_WORDS, ...services];

  it('lists only lowercase words that start and end with a letter (the scan relies on it)', () => {
    for (const w of services) expect(w, w).toMatch(/^[a-z](?:[a-z0-9 .-]*[a-z])?$/);
  });

  it('replaces what the regex replaced', () => {
    let changed = 0;
    for (const text of [
      'send them by SMS to +15551234567',
      'list pending orders in fedex',
      'post it on twitter and via an e-mail',
      'share by a email, via the google drive, in box',
      'by  the   slack',
      'by an alert',
      'by anything',
      'as a text message',
      'by the theater',
      ...clauses(4000, 17),
    ]) {
      const expected = oracle(text, services);
      if (expected !== text) changed++;
      expect(removeViaMedium(text, words), JSON.stringify(text)).toBe(expected);
    }
    expect(changed).toBeGreaterThan(500);
  });
});

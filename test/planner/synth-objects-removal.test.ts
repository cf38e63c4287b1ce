/**
 * An object phrase's removals skip a text without their needed words (ADR 0040): on
 * every text, `remove` must give what replacing every match gives.
 */
import { describe, it, expect } from 'vitest';
import {
  FILE_TARGET,
  ON_SERVICE,
  type Removal,
  objectRes,
  remove,
} from '../../src/planner/synth/objects.js';

const WORDS = [
  'sms',
  'SMS',
  'an Sms',
  'the E-Mail',
  'email',
  'a Mail',
  'text Message',
  'MESSAGE',
  'push notification',
  'Notifications',
  'an alert',
  'Slack',
  'team chat',
  'chat',
  'ſms',
  'ſlack',
  'to report.csv',
  'into ./out/data.JSON',
  'as notes.md',
  'in a.b',
  'on slack',
  'TO Twitter',
  'to twitters',
  'on  slack',
];
const AROUND = ['', 'send them ', 'post the latest 5 commits ', 'save it ', 'x'];
const AFTER = ['', ' now', '.', ' to +15551234567', 'y', ' and then email it'];

function texts(): string[] {
  const out: string[] = ['list pending orders in fedex', 'them to +15551234567', ''];
  for (const a of AROUND)
    for (const w of WORDS)
      for (const b of AFTER) out.push(`${a}${w}${b}`, `${a}${w.toUpperCase()}${b}`);
  return out;
}

describe('object phrase removals', () => {
  const removals: [string, Removal][] = [
    ['file target', FILE_TARGET],
    ['on service', ON_SERVICE],
    ['medium', objectRes().medium],
  ];
  for (const [name, r] of removals)
    it(`${name}: equal to replacing every match`, () => {
      let matched = 0;
      for (const t of texts()) {
        const fresh = new RegExp(r.re.source, r.re.flags);
        if (fresh.test(t)) matched++;
        expect(remove(t, r), JSON.stringify(t)).toBe(
          t.replace(new RegExp(r.re.source, r.re.flags), ' '),
        );
      }
      expect(matched).toBeGreaterThan(10);
    });
});

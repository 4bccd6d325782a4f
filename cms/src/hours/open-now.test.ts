import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import type { OpeningHours, Weekday } from '@referral-directory/sdk';
import { openAtInstant, openState, parseLocalDateTime, wallTimeAt, type WeeklyHours } from './open-now';

const days = (list: Weekday[], opens: string, closes: string): OpeningHours[] => list.map((day) => ({ day, opens, closes }));
const weekdays = (opens: string, closes: string): WeeklyHours => ({
  open24x7: false,
  schedule: days(['mon', 'tue', 'wed', 'thu', 'fri'], opens, closes),
});
const at = (iso: string): Date => new Date(iso);

describe('office hours in Toronto (2026-12-03 is a Thursday)', () => {
  const hours = weekdays('09:00', '17:00');
  const zone = 'America/Toronto';

  test('open during the day, until 17:00 that day', () => {
    assert.deepEqual(openAtInstant(hours, at('2026-12-03T15:00:00Z'), zone), { now: true, until: '2026-12-03T17:00:00-05:00' });
  });
  test('closed in the evening, opening the next morning', () => {
    assert.deepEqual(openAtInstant(hours, at('2026-12-03T23:30:00Z'), zone), { now: false, opensAt: '2026-12-04T09:00:00-05:00' });
  });
  test('closed on Friday evening, opening on Monday', () => {
    assert.deepEqual(openAtInstant(hours, at('2026-12-04T23:00:00Z'), zone), { now: false, opensAt: '2026-12-07T09:00:00-05:00' });
  });
  test('closing time itself is closed, opening time itself is open', () => {
    assert.equal(openAtInstant(hours, at('2026-12-03T22:00:00Z'), zone)?.now, false);
    assert.equal(openAtInstant(hours, at('2026-12-03T14:00:00Z'), zone)?.now, true);
    assert.equal(openAtInstant(hours, at('2026-12-03T13:59:00Z'), zone)?.now, false);
  });
});

describe('overnight ranges', () => {
  const zone = 'America/Winnipeg';
  const evenings: WeeklyHours = { open24x7: false, schedule: days(['fri', 'sat'], '20:00', '02:00') };

  test('a range past midnight is open after midnight, until the next day', () => {
    // Saturday 2026-12-05 01:00 CST = 07:00Z, inside Friday's 20:00–02:00.
    assert.deepEqual(openAtInstant(evenings, at('2026-12-05T07:00:00Z'), zone), { now: true, until: '2026-12-05T02:00:00-06:00' });
    assert.deepEqual(openAtInstant(evenings, at('2026-12-05T09:00:00Z'), zone), { now: false, opensAt: '2026-12-05T20:00:00-06:00' });
  });

  test('Sunday night runs into Monday morning, across the end of the week', () => {
    const sunday: WeeklyHours = { open24x7: false, schedule: days(['sun'], '22:00', '03:00') };
    // Monday 2026-12-07 02:00 CST = 08:00Z.
    assert.deepEqual(openAtInstant(sunday, at('2026-12-07T08:00:00Z'), zone), { now: true, until: '2026-12-07T03:00:00-06:00' });
    // Monday 04:00: next opening is Sunday night.
    assert.deepEqual(openAtInstant(sunday, at('2026-12-07T10:00:00Z'), zone), { now: false, opensAt: '2026-12-13T22:00:00-06:00' });
  });

  test('ranges that touch make one: Monday 20:00–24:00 and Tuesday 00:00–02:00', () => {
    const joined: WeeklyHours = {
      open24x7: false,
      schedule: [
        { day: 'mon', opens: '20:00', closes: '24:00' },
        { day: 'tue', opens: '00:00', closes: '02:00' },
      ],
    };
    // Monday 2026-12-07 23:00 CST.
    assert.deepEqual(openState(joined, { date: '2026-12-07', minutes: 23 * 60 }, zone), { now: true, until: '2026-12-08T02:00:00-06:00' });
  });
});

describe('24/7', () => {
  test('the flag means open, never closing', () => {
    assert.deepEqual(openAtInstant({ open24x7: true, schedule: [] }, at('2026-12-03T03:00:00Z'), 'America/Halifax'), { now: true });
  });
  test('every day 00:00–24:00 means the same', () => {
    const all: WeeklyHours = { open24x7: false, schedule: days(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], '00:00', '24:00') };
    assert.deepEqual(openAtInstant(all, at('2026-12-06T23:59:00Z'), 'America/Halifax'), { now: true });
  });
  test('no schedule and not 24/7 is unknown, not closed', () => {
    assert.equal(openAtInstant({ open24x7: false, schedule: [] }, at('2026-12-03T15:00:00Z'), 'America/Toronto'), null);
  });
});

describe('Newfoundland’s half hour and daylight saving', () => {
  const zone = 'America/St_Johns';
  test('the half-hour offset decides: 09:00 NST is 12:30 UTC', () => {
    const hours = weekdays('09:00', '17:00');
    assert.equal(openAtInstant(hours, at('2026-12-03T12:29:00Z'), zone)?.now, false);
    assert.deepEqual(openAtInstant(hours, at('2026-12-03T12:30:00Z'), zone), { now: true, until: '2026-12-03T17:00:00-03:30' });
  });
  test('the night the clocks go forward (2026-03-08, 02:00 NST → 03:00 NDT), an overnight range closes when the clock jumps', () => {
    const sat: WeeklyHours = { open24x7: false, schedule: days(['sat', 'sun'], '20:00', '02:00') };
    assert.deepEqual(wallTimeAt(at('2026-03-08T05:29:00Z'), zone), { date: '2026-03-08', minutes: 1 * 60 + 59 });
    assert.deepEqual(openAtInstant(sat, at('2026-03-08T05:29:00Z'), zone), { now: true, until: '2026-03-08T03:00:00-02:30' });
    assert.deepEqual(wallTimeAt(at('2026-03-08T05:31:00Z'), zone), { date: '2026-03-08', minutes: 3 * 60 + 1 });
    assert.deepEqual(openAtInstant(sat, at('2026-03-08T05:31:00Z'), zone), { now: false, opensAt: '2026-03-08T20:00:00-02:30' });
  });
  test('the night the clocks go back (2026-11-01, 02:00 NDT → 01:00 NST), both 01:30s are open, until 02:00 NST', () => {
    const sat: WeeklyHours = { open24x7: false, schedule: days(['sat'], '20:00', '02:00') };
    const until = '2026-11-01T02:00:00-03:30';
    assert.deepEqual(openAtInstant(sat, at('2026-11-01T04:00:00Z'), zone), { now: true, until }); // 01:30 NDT
    assert.deepEqual(openAtInstant(sat, at('2026-11-01T05:00:00Z'), zone), { now: true, until }); // 01:30 NST
    assert.equal(openAtInstant(sat, at('2026-11-01T05:31:00Z'), zone)?.now, false); // 02:01 NST
  });
});

describe('Vancouver’s daylight saving nights', () => {
  const zone = 'America/Vancouver';
  const nights: WeeklyHours = { open24x7: false, schedule: days(['sat', 'sun'], '20:00', '02:00') };
  test('spring forward (2026-03-08, 02:00 PST → 03:00 PDT): open at 01:30, closing at the jump, reopening at 20:00 PDT', () => {
    assert.deepEqual(openAtInstant(nights, at('2026-03-08T09:30:00Z'), zone), { now: true, until: '2026-03-08T03:00:00-07:00' });
    assert.deepEqual(openAtInstant(nights, at('2026-03-08T10:30:00Z'), zone), { now: false, opensAt: '2026-03-08T20:00:00-07:00' });
  });
  test('fall back (2026-11-01, 02:00 PDT → 01:00 PST): open through the repeated hour until 02:00 PST', () => {
    assert.deepEqual(openAtInstant(nights, at('2026-11-01T08:30:00Z'), zone), { now: true, until: '2026-11-01T02:00:00-08:00' });
    assert.deepEqual(openAtInstant(nights, at('2026-11-01T09:30:00Z'), zone), { now: true, until: '2026-11-01T02:00:00-08:00' });
    assert.deepEqual(openAtInstant(nights, at('2026-11-01T10:30:00Z'), zone), { now: false, opensAt: '2026-11-01T20:00:00-08:00' });
  });
  test('an opening time inside the missing hour is when the clock reads past it', () => {
    const early: WeeklyHours = { open24x7: false, schedule: days(['sun'], '02:30', '06:00') };
    assert.deepEqual(openAtInstant(early, at('2026-03-08T09:00:00Z'), zone), { now: false, opensAt: '2026-03-08T03:30:00-07:00' });
  });
});

describe('openAt: a local date-time, read in each location’s own zone', () => {
  test('parses a local date-time with or without seconds', () => {
    assert.deepEqual(parseLocalDateTime('2026-12-03T23:00'), { date: '2026-12-03', minutes: 23 * 60 });
    assert.deepEqual(parseLocalDateTime('2026-12-03T08:15:30'), { date: '2026-12-03', minutes: 8 * 60 + 15 });
  });
  test('rejects offsets, impossible dates and times, and dates alone', () => {
    for (const bad of [
      '2026-12-03T23:00Z',
      '2026-12-03T23:00-05:00',
      '2026-02-30T10:00',
      '2026-12-03T24:00',
      '2026-12-03T23:60',
      '2026-12-03',
      'tomorrow',
      '',
    ]) {
      assert.equal(parseLocalDateTime(bad), null, bad);
    }
  });
  test('23:00 local is 23:00 in Halifax and in Vancouver alike', () => {
    const late: WeeklyHours = { open24x7: false, schedule: days(['thu'], '22:00', '23:30') };
    const wall = parseLocalDateTime('2026-12-03T23:00');
    assert.ok(wall);
    assert.deepEqual(openState(late, wall, 'America/Halifax'), { now: true, until: '2026-12-03T23:30:00-04:00' });
    assert.deepEqual(openState(late, wall, 'America/Vancouver'), { now: true, until: '2026-12-03T23:30:00-08:00' });
    assert.deepEqual(openState(late, { date: '2026-12-03', minutes: 21 * 60 }, 'America/Regina'), {
      now: false,
      opensAt: '2026-12-03T22:00:00-06:00',
    });
  });
});

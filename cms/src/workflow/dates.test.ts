import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addMonths, dayOf, isoDay } from './dates';

test('a day is the calendar day in the hotline time zone, not in UTC', () => {
  const lateEvening = new Date('2026-11-30T03:30:00Z'); // 22:30 on the 29th in Toronto
  assert.equal(isoDay(lateEvening, 'America/Toronto'), '2026-11-29');
  assert.equal(isoDay(lateEvening, 'UTC'), '2026-11-30');
});

test('adding months keeps the day, clamps month ends and crosses years both ways', () => {
  assert.equal(addMonths('2026-11-29', 12), '2027-11-29');
  assert.equal(addMonths('2026-01-31', 1), '2026-02-28');
  assert.equal(addMonths('2028-01-31', 1), '2028-02-29');
  assert.equal(addMonths('2026-03-15', -12), '2025-03-15');
  assert.equal(addMonths('2026-01-10', -1), '2025-12-10');
  assert.throws(() => addMonths('soon', 1), RangeError);
});

test('the day of a stored value is read from dates, datetimes and Date objects', () => {
  assert.equal(dayOf('2026-05-12'), '2026-05-12');
  assert.equal(dayOf('2026-05-12T16:00:00.000Z'), '2026-05-12');
  assert.equal(dayOf(new Date('2026-05-12T16:00:00Z')), '2026-05-12');
  assert.equal(dayOf(null), null);
  assert.equal(dayOf('yesterday'), null);
});

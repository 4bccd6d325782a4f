import { test } from 'node:test';
import assert from 'node:assert/strict';
import { attemptSummary, hoursSummary, policeContactSummary, withSummaries } from './component-titles';

test('a row of opening hours is titled by its day, in both languages, and its times', () => {
  assert.equal(hoursSummary({ day: 'mon', opens: '09:00', closes: '17:00' }), 'Monday / Lundi 09:00–17:00');
  assert.equal(hoursSummary({ day: 'sat' }), 'Saturday / Samedi');
});

test('a contact attempt is titled by its day in the directory time zone and its outcome', () => {
  assert.equal(
    attemptSummary({ at: '2026-12-03T02:30:00.000Z', outcome: 'no_answer' }, 'America/Toronto'),
    '2026-12-02 · No answer / Pas de réponse',
  );
  assert.equal(
    attemptSummary({ at: new Date('2026-12-03T15:00:00.000Z'), outcome: 'reached' }, 'America/Toronto'),
    '2026-12-03 · Reached / Jointe',
  );
});

test('a police contact is titled by name and role, and says when it is inactive', () => {
  assert.equal(policeContactSummary({ name: 'Sgt. Roy', role: 'Intake', active: true }), 'Sgt. Roy · Intake');
  assert.equal(policeContactSummary({ name: 'Sgt. Roy', active: false }), 'Sgt. Roy (inactive / inactif)');
});

test('every written row gets its summary; a write without the rows gets none', () => {
  assert.deepEqual(withSummaries([{ id: 4, day: 'fri', opens: '10:00', closes: '16:00' }], hoursSummary), [
    { id: 4, day: 'fri', opens: '10:00', closes: '16:00', summary: 'Friday / Vendredi 10:00–16:00' },
  ]);
  assert.equal(withSummaries(undefined, hoursSummary), null);
});

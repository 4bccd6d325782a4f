import { test } from 'node:test';
import assert from 'node:assert/strict';
import { type ComponentField, sameAsStored } from './unchanged-components';

const hours: ComponentField = { repeatable: true, attributes: new Set(['day', 'opens', 'closes', 'summary']) };
const contact: ComponentField = { repeatable: false, attributes: new Set(['name', 'email', 'langs']) };
const stored = [
  { id: 7, day: 'mon', opens: '09:00:00.000', closes: '17:00:00.000', summary: 'Monday / Lundi' },
  { id: 8, day: 'tue', opens: null, closes: null, summary: 'Tuesday / Mardi' },
];

test('rows sent as the admin read them are the stored rows (its form key aside, members left out kept)', () => {
  const sent = stored.map((r, i) => ({ ...r, __temp_key__: `a${i}` }));
  assert.equal(sameAsStored(sent, stored, hours), true);
  assert.equal(sameAsStored([{ id: 7, day: 'mon' }, { id: 8 }], stored, hours), true);
  assert.equal(sameAsStored([], [], hours), true);
  assert.equal(
    sameAsStored({ id: 3, name: 'Ana', langs: ['en', 'fr'] }, { id: 3, name: 'Ana', email: null, langs: ['en', 'fr'] }, contact),
    true,
  );
  assert.equal(sameAsStored(null, null, contact), true);
});

test('any difference is written: a value, an id, the order, a row more or less, a member without attribute', () => {
  const changed = (i: number, patch: Record<string, unknown>) => stored.map((r, j) => (i === j ? { ...r, ...patch } : r));
  assert.equal(sameAsStored(changed(1, { opens: '10:00:00.000' }), stored, hours), false);
  assert.equal(sameAsStored(changed(0, { closes: null }), stored, hours), false);
  assert.equal(sameAsStored(changed(0, { id: 9 }), stored, hours), false);
  assert.equal(sameAsStored(changed(0, { id: '7' }), stored, hours), false);
  assert.equal(sameAsStored([stored[1], stored[0]], stored, hours), false);
  assert.equal(sameAsStored(stored.slice(1), stored, hours), false);
  assert.equal(sameAsStored([...stored, { day: 'wed' }], stored, hours), false);
  assert.equal(sameAsStored(changed(0, { notes: 'x' }), stored, hours), false);
  assert.equal(
    sameAsStored(
      stored.map(({ id: _, ...r }) => r),
      stored,
      hours,
    ),
    false,
  );
  assert.equal(sameAsStored({ id: 3, langs: ['fr', 'en'] }, { id: 3, langs: ['en', 'fr'] }, contact), false);
  assert.equal(sameAsStored({ name: 'Ana' }, { id: 3, name: 'Ana' }, contact), false);
  assert.equal(sameAsStored(null, { id: 3, name: 'Ana' }, contact), false);
  assert.equal(sameAsStored({ id: 3, name: 'Ana' }, null, contact), false);
  assert.equal(sameAsStored(undefined, null, contact), false);
  assert.equal(sameAsStored(stored[0], stored, hours), false);
});

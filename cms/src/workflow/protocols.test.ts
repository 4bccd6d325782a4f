import { test } from 'node:test';
import assert from 'node:assert/strict';
import { protocolPatch } from './protocols';

const ctx = { today: '2026-11-29', intervalMonths: 12 };
const contact = {
  id: 7,
  name: 'Sgt. A. Roy',
  rank: 'Sergeant',
  unit: 'HT unit',
  phone: '+1-613-555-0100',
  email: 'a.roy@example.org',
  role: 'primary',
  active: true,
};
const before = { protocol: 'Call the duty sergeant.', contacts: [contact], version: 3 };

test('a new protocol text bumps the version and dates the review', () => {
  assert.deepEqual(
    protocolPatch(before, { protocol: 'Email the HT unit first.' }, ctx),
    {
      version: 4,
      lastReviewedAt: '2026-11-29',
      nextReviewDue: '2027-11-29',
      previousProtocol: 'Call the duty sergeant.',
    },
    'the text it replaces is kept for comparison',
  );
});

test('a changed, added or removed contact bumps the version', () => {
  assert.equal(protocolPatch(before, { contacts: [{ ...contact, phone: '+1-613-555-0199' }] }, ctx).version, 4);
  assert.equal(protocolPatch(before, { contacts: [contact, { name: 'Cst. B. Lee' }] }, ctx).version, 4);
  assert.equal(protocolPatch(before, { contacts: [] }, ctx).version, 4);
  assert.equal('previousProtocol' in protocolPatch(before, { contacts: [] }, ctx), false, 'the text did not change');
  assert.equal(protocolPatch(before, { contacts: [{ ...contact, active: false }] }, ctx).version, 4);
});

test('saving the same text and contacts (ids, whitespace and line endings aside) changes nothing', () => {
  const { id: _id, ...withoutId } = contact;
  assert.deepEqual(
    protocolPatch(before, { protocol: '  Call the duty sergeant.\r\n', contacts: [withoutId], version: 3, area: 'Ottawa' }, ctx),
    {},
  );
});

test('an editor may set a higher version by hand, never a lower one', () => {
  assert.equal(protocolPatch(before, { protocol: 'x', version: 10 }, ctx).version, 10);
  assert.equal(protocolPatch(before, { protocol: 'x', version: 1 }, ctx).version, 4);
});

test('a new protocol is reviewed today unless its dates are given', () => {
  assert.deepEqual(protocolPatch(null, { protocol: 'x' }, ctx), { lastReviewedAt: '2026-11-29', nextReviewDue: '2027-11-29' });
  assert.deepEqual(protocolPatch(null, { protocol: 'x', lastReviewedAt: '2026-04-01' }, ctx), { nextReviewDue: '2027-04-01' });
  assert.deepEqual(protocolPatch(null, { protocol: 'x', lastReviewedAt: '2026-04-01', nextReviewDue: '2026-10-01' }, ctx), {});
});

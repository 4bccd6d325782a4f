import { test } from 'node:test';
import assert from 'node:assert/strict';
import { reviewDigest, selectDue, type ReviewCandidate } from './review-due';

const org = (label: string, nextReviewDue: string | null, listingStatus = 'active'): ReviewCandidate => ({
  type: 'organization',
  documentId: `doc-${label}`,
  label,
  listingStatus,
  nextReviewDue,
});
const protocol = (label: string, nextReviewDue: string | null): ReviewCandidate => ({
  type: 'law_enforcement_protocol',
  documentId: `doc-${label}`,
  label,
  listingStatus: null,
  nextReviewDue,
});

const today = '2026-12-01';

test('records due today or earlier are selected, oldest first; later ones are not', () => {
  const due = selectDue([org('b', '2026-12-01'), org('a', '2026-10-31'), org('later', '2026-12-02'), protocol('p', '2026-09-12')], today);
  assert.deepEqual(
    due.map((d) => [d.label, d.overdue]),
    [
      ['p', true],
      ['a', true],
      ['b', false],
    ],
  );
});

test('removed organizations are never due; unscheduled listed records and protocols are', () => {
  const due = selectDue(
    [org('gone', '2026-01-01', 'removed'), org('unscheduled', null), org('applicant', null, 'applicant'), protocol('p', null)],
    today,
  );
  assert.deepEqual(due.map((d) => d.label).sort(), ['p', 'unscheduled']);
});

test('the digest lists each record with its state, date and admin link, in both languages', () => {
  const due = selectDue([org('Maison Aurore', '2026-11-15'), protocol('Lakeshore Police', '2026-12-01')], today);
  const { subject, text } = reviewDigest(due, today, 'https://cms.example.org/admin');
  assert.match(subject, /2 record\(s\) due for review/);
  assert.match(subject, /2 fiche\(s\) à réviser/);
  assert.match(
    text,
    /- Maison Aurore \[active\]: overdue since 2026-11-15\n {2}https:\/\/cms\.example\.org\/admin\/content-manager\/collection-types\/api::organization\.organization\/doc-Maison Aurore/,
  );
  assert.match(text, /Law-enforcement protocols \/ Protocoles policiers \(1\):\n- Lakeshore Police: due 2026-12-01/);
});

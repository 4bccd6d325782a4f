/**
 * Where a hit matched, against a reference written plainly (`matchAll` over each field's texts
 * joined, as highlight.ts did before it scanned words without making arrays), on any text:
 * accents, marks, apostrophes, digits, other scripts and characters beyond 16 bits.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { SearchMatch } from '@referral-directory/sdk';
import { type Highlightable, matchOf, ranges } from './highlight';
import { fold } from './normalize';

function referenceRanges(text: string, words: ReadonlySet<string>): Array<[number, number]> {
  return [...text.matchAll(/[\p{L}\p{N}]+/gu)].filter((m) => words.has(fold(m[0]))).map((m) => [m.index, m.index + m[0].length]);
}

function referenceMatch(r: Highlightable, words: ReadonlySet<string>): SearchMatch {
  const labels = (list: { label: string }[]) => list.map((t) => t.label).join(' ');
  const fields: Array<[SearchMatch['fields'][number], string]> = [
    ['name', r.name],
    ['otherNames', r.otherNames.join(' ')],
    ['description', r.description],
    ['eligibility', r.eligibility ?? ''],
    ['fees', r.fees ?? ''],
    ['services', labels(r.services)],
    ['focusAreas', labels(r.focusAreas)],
    ['populations', labels(r.populations)],
    ['languages', labels(r.languages)],
    ['places', [...r.serviceAreas.flatMap((a) => a.regions), ...r.locations.map((l) => l.city)].join(' ')],
  ];
  return {
    fields: fields.filter(([, text]) => referenceRanges(text, words).length > 0).map(([field]) => field),
    name: referenceRanges(r.name, words),
    description: referenceRanges(r.description, words),
  };
}

const pieces = [
  'Refuge',
  'refuges',
  'santé',
  'SANTE',
  "l'aide",
  'd’urgence',
  'ᐃᓄᒃᑎᑐᑦ',
  '𝒜bc',
  '2SLGBTQI+',
  'e\u0301te\u0301',
  ' ',
  ', ',
  '-',
  '24/7',
  '😀',
  '',
];
const text = fc.array(fc.constantFrom(...pieces), { maxLength: 8 }).map((p) => p.join(''));
const labels = fc.array(
  text.map((label) => ({ label })),
  { maxLength: 3 },
);
const record: fc.Arbitrary<Highlightable> = fc.record({
  name: text,
  otherNames: fc.array(text, { maxLength: 2 }),
  description: text,
  eligibility: fc.option(text),
  fees: fc.option(text),
  services: labels,
  focusAreas: labels,
  populations: labels,
  languages: labels,
  serviceAreas: fc.array(fc.record({ regions: fc.array(text, { maxLength: 2 }) }), { maxLength: 2 }),
  locations: fc.array(fc.record({ city: text }), { maxLength: 2 }),
});
const query = fc.uniqueArray(
  fc.constantFrom(...pieces.map(fold).filter((w) => /^[\p{L}\p{N}]+$/u.test(w)), 'aide', 'urgence', 'ete', 'bc'),
  {
    maxLength: 4,
  },
);

test('matchOf finds the fields and word ranges the plain reference finds, on any text', () => {
  fc.assert(
    fc.property(record, query, (r, q) => {
      const words = new Set(q);
      assert.deepEqual(matchOf(r, words), referenceMatch(r, words));
    }),
    { numRuns: 500 },
  );
});

test('word ranges are UTF-16 offsets into the text as sent', () => {
  const name = "Refuge d’urgence L'Étape — 𝒜bc";
  const found = ranges(name, new Set(['urgence', 'etape', 'bc']));
  assert.deepEqual(
    found.map(([a, b]) => name.slice(a, b)),
    ['urgence', 'Étape'],
  );
  assert.deepEqual(ranges('', new Set(['x'])), []);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { LawEnforcementProtocol } from '@referral-directory/sdk';
import type { NearTarget } from '../catalog/near';
import { cityOf, policeLookup } from './police';

const protocol = (over: Partial<LawEnforcementProtocol>): LawEnforcementProtocol => ({
  documentId: over.agency ?? 'x',
  agency: 'Agency',
  agencyKind: 'municipal',
  province: 'QC',
  area: null,
  capacityNotes: null,
  operationalNotes: null,
  protocol: 'Call.',
  version: 1,
  lastReviewed: null,
  nextReviewDue: null,
  contacts: [],
  ...over,
});
const city = (label: string, province: 'QC' | 'ON' | 'NU'): NearTarget => ({
  kind: 'point',
  place: { lat: 0, lon: 0, province, label, precision: 'city' },
  radiusKm: 100,
});
const contact = (name: string, active: boolean) => ({ name, rank: null, unit: null, phone: null, email: null, role: null, active });

test('the city of a resolved place, from a city or a postal area label', () => {
  assert.equal(cityOf('Montréal, QC'), 'Montréal');
  assert.equal(cityOf('H2X (Montréal, QC)'), 'Montréal');
});

test('a protocol covers a city its area names, accents and case aside, with its active contacts only, in order', () => {
  const spvm = protocol({
    agency: 'SPVM',
    area: 'Agglomération de MONTREAL et villes liées',
    contacts: [contact('A', false), contact('B', true), contact('C', true)],
  });
  const other = protocol({ agency: 'Laurentides', area: 'Laurentides' });
  const found = policeLookup(city('Montréal, QC', 'QC'), [other, spvm]);
  assert.equal(found.coverage, 'covers');
  assert.deepEqual(
    found.protocols.map((p) => p.agency),
    ['SPVM'],
  );
  assert.deepEqual(
    found.protocols[0]!.contacts.map((c) => c.name),
    ['B', 'C'],
  );
});

test('a word inside another is not a match: "Laval" does not cover "Val"', () => {
  const found = policeLookup(city('Val, QC', 'QC'), [protocol({ area: 'Ville de Laval' })]);
  assert.equal(found.coverage, 'provincial-fallback');
});

test("none names the place: the province's protocols, provincial police first; none in the province: the federal ones; none at all: said so", () => {
  const municipal = protocol({ agency: 'Municipal', area: 'Somewhere' });
  const provincial = protocol({ agency: 'Provincial', agencyKind: 'provincial', area: 'Rural areas' });
  const federal = protocol({ agency: 'Federal', agencyKind: 'federal', province: 'NS' });
  const qc = policeLookup(city('Montréal, QC', 'QC'), [municipal, provincial, federal]);
  assert.equal(qc.coverage, 'provincial-fallback');
  assert.deepEqual(
    qc.protocols.map((p) => p.agency),
    ['Provincial', 'Municipal'],
  );
  const nu = policeLookup(city('Iqaluit, NU', 'NU'), [municipal, federal]);
  assert.equal(nu.coverage, 'national-fallback');
  assert.deepEqual(
    nu.protocols.map((p) => p.agency),
    ['Federal'],
  );
  assert.equal(policeLookup(city('Iqaluit, NU', 'NU'), [municipal]).coverage, 'none');
  assert.equal(policeLookup({ kind: 'province', province: 'QC' }, [municipal]).coverage, 'provincial-fallback');
});

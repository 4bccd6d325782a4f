import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { hsdsId, isUuid, uuidV5 } from './ids';
import {
  fullOrganization,
  fullService,
  fullServiceAtLocation,
  organizationRecord,
  publicLocationIndexes,
  serviceRecord,
  taxonomyRecord,
  taxonomyTermRecord,
} from './mapper';
import { hsdsValidators } from './validation';
import { HSDS_TAXONOMIES } from './vocab';
import { fixturePairs } from './pairs.test.helper';

const PROFILE = 'https://directory.example.org/api/hsds/profile';
const { fixtures, pairs } = fixturePairs();
const validators = hsdsValidators();
const skip = 'skip' in validators ? validators.skip : false;

describe('HSDS ids', () => {
  test('are RFC 9562 version 5 UUIDs, the same as any implementation computes', () => {
    // Reference value: Python's uuid.uuid5(uuid.NAMESPACE_URL, "https://referral-directory.invalid/hsds").
    assert.equal(
      uuidV5('https://referral-directory.invalid/hsds', '6ba7b811-9dad-11d1-80b4-00c04fd430c8'),
      '13fb4a5c-e1ae-5e4f-9702-17e4446fc60a',
    );
    // And uuid.uuid5(that namespace, "organization:maison-aurore").
    assert.equal(hsdsId.organization('maison-aurore'), 'c8b8c238-44f1-5898-a0f4-0ea52d83ecea');
  });

  test('are stable per slug and distinct per record kind and index', () => {
    const ids = pairs.flatMap((p) => [
      hsdsId.organization(p.en.slug),
      hsdsId.service(p.en.slug),
      ...p.en.locations.map((_, i) => hsdsId.location(p.en.slug, i)),
      ...p.en.phones.map((_, i) => hsdsId.phone(p.en.slug, i)),
    ]);
    assert.ok(ids.every(isUuid));
    assert.equal(new Set(ids).size, ids.length);
    assert.equal(hsdsId.service('x'), hsdsId.service('x'));
  });
});

describe('the HSDS mapping of public records', () => {
  test('puts English in the core fields and French in *_fr', () => {
    const p = pairs.find((x) => x.en.slug === 'maison-aurore')!;
    const s = serviceRecord(p);
    assert.equal(s.name, 'Aurora House');
    assert.equal(s.name_fr, 'Maison Aurore');
    assert.equal(s.alternate_name, 'Maison Aurore');
    assert.equal(s.alternate_name_fr, 'Aurora House');
    assert.equal(s.provider_role, 'direct');
    assert.deepEqual(s.timeframes, ['emergency', 'transitional']);
    assert.equal(s.assured_date, p.en.lastVerified);
  });

  test('never emits a confidential address: only a confidential_site service area with city and province', () => {
    for (const p of pairs) {
      const text = JSON.stringify([fullService(p, PROFILE), fullOrganization(p)]);
      p.en.locations.forEach((l, i) => {
        if (!l.confidential) return;
        assert.ok(!publicLocationIndexes(p).includes(i));
        assert.ok(!text.includes(hsdsId.location(p.en.slug, i)), `${p.en.slug}: no location record for site ${i}`);
      });
      const areas = (fullService(p, PROFILE).service_areas ?? []) as Array<Record<string, unknown>>;
      const sites = areas.filter((a) => a.area_type === 'confidential_site');
      assert.equal(sites.length, p.en.locations.filter((l) => l.confidential).length);
      for (const a of sites)
        assert.deepEqual(Object.keys(a).sort(), [
          'area_type',
          'description',
          'description_fr',
          'id',
          'name',
          'name_fr',
          'position',
          'region',
          'service_id',
          'state_province',
        ]);
    }
    // The fixture's street of a confidential shelter never appears.
    const all = JSON.stringify(pairs.map((p) => fullService(p, PROFILE)));
    for (const o of fixtures.organizations)
      for (const l of o.locations) if (l.confidential && l.street) assert.ok(!all.includes(l.street), l.street);
  });

  test('emits no internal field of the fixtures', () => {
    const all = JSON.stringify(pairs.flatMap((p) => [fullService(p, PROFILE), fullOrganization(p)]));
    for (const o of fixtures.organizations) {
      const i = o.internal;
      for (const secret of [
        i.internalEmail,
        i.designatedContact?.name,
        i.designatedContact?.email,
        i.capacityNotes,
        i.safetyNotes,
        i.internalNotes,
        ...i.internalPhones.map((p) => p.number),
        ...i.keyStaff.map((k) => k.name),
        o.state.statusNote,
        o.externalId,
      ]) {
        if (secret) assert.ok(!all.includes(secret), `leaked ${secret}`);
      }
    }
  });

  test('validates against the official HSDS 3.0 schemas and the profile', { skip }, () => {
    if ('skip' in validators) return;
    for (const v of [validators.core, validators.profile]) {
      for (const p of pairs) {
        for (const [file, value] of [
          ['service.json', fullService(p, PROFILE)],
          ['service.json', serviceRecord(p)],
          ['organization.json', fullOrganization(p)],
          ['organization.json', organizationRecord(p)],
          ...publicLocationIndexes(p).map((i) => ['service_at_location.json', fullServiceAtLocation(p, i)] as const),
        ] as const) {
          assert.equal(v(file, value), null, `${p.en.slug} ${file}`);
        }
      }
      for (const t of HSDS_TAXONOMIES) {
        assert.equal(v('taxonomy.json', taxonomyRecord(t, PROFILE)), null);
        assert.equal(v('taxonomy_term.json', taxonomyTermRecord(t.name, { code: 'x', labels: { en: 'X', fr: 'X' } }, PROFILE)), null);
      }
    }
  });

  test('the profile catches what the core allows: a bad role is refused by the profile schema only', { skip }, () => {
    if ('skip' in validators) return;
    const bad = { ...serviceRecord(pairs[0]!), provider_role: 'sometimes' };
    assert.equal(validators.core('service.json', bad), null);
    assert.match(validators.profile('service.json', bad) ?? '', /provider_role/);
  });
});

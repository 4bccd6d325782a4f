import { test } from 'node:test';
import assert from 'node:assert/strict';
import organization from '../api/organization/content-types/organization/schema.json';
import protocol from '../api/law-enforcement-protocol/content-types/law-enforcement-protocol/schema.json';
import application from '../api/application/content-types/application/schema.json';
import suggestion from '../api/suggestion/content-types/suggestion/schema.json';
import referralOutcome from '../api/referral-outcome/content-types/referral-outcome/schema.json';
import directorySetting from '../api/directory-setting/content-types/directory-setting/schema.json';
import focusArea from '../api/focus-area/content-types/focus-area/schema.json';
import serviceCategory from '../api/service-category/content-types/service-category/schema.json';
import population from '../api/population/content-types/population/schema.json';
import language from '../api/language/content-types/language/schema.json';
import searchSynonym from '../api/search-synonym/content-types/search-synonym/schema.json';
import audit from '../api/audit-entry/content-types/audit-entry/schema.json';
import attestations from '../components/directory/attestations.json';
import contactAttempt from '../components/directory/contact-attempt.json';
import directServices from '../components/directory/direct-services.json';
import indirectOfferings from '../components/directory/indirect-offerings.json';
import location from '../components/directory/location.json';
import openingHours from '../components/directory/opening-hours.json';
import person from '../components/directory/person.json';
import phone from '../components/directory/phone.json';
import policeContact from '../components/directory/police-contact.json';
import referralProtocol from '../components/directory/referral-protocol.json';
import serviceArea from '../components/directory/service-area.json';
import {
  COMPONENT_LABELS,
  FIELD_LABELS,
  TYPE_NAMES,
  VALUE_LABELS,
  englishAdminTranslations,
  frenchAdminTranslations,
  type Label,
} from './admin-labels';
import { ORGANIZATION } from '../content-types';

interface Schema {
  info: { displayName: string };
  attributes: Record<string, unknown>;
}

const CONTENT_TYPES: Record<string, Schema> = {
  'api::organization.organization': organization,
  'api::law-enforcement-protocol.law-enforcement-protocol': protocol,
  'api::application.application': application,
  'api::suggestion.suggestion': suggestion,
  'api::referral-outcome.referral-outcome': referralOutcome,
  'api::directory-setting.directory-setting': directorySetting,
  'api::focus-area.focus-area': focusArea,
  'api::service-category.service-category': serviceCategory,
  'api::population.population': population,
  'api::language.language': language,
  'api::search-synonym.search-synonym': searchSynonym,
  'api::audit-entry.audit-entry': audit,
};

const COMPONENTS: Record<string, Schema> = {
  'directory.attestations': attestations,
  'directory.contact-attempt': contactAttempt,
  'directory.direct-services': directServices,
  'directory.indirect-offerings': indirectOfferings,
  'directory.location': location,
  'directory.opening-hours': openingHours,
  'directory.person': person,
  'directory.phone': phone,
  'directory.police-contact': policeContact,
  'directory.referral-protocol': referralProtocol,
  'directory.service-area': serviceArea,
};

const TABLES: [string, Record<string, Schema>, Readonly<Record<string, Readonly<Record<string, Label>>>>][] = [
  ['content type', CONTENT_TYPES, FIELD_LABELS],
  ['component', COMPONENTS, COMPONENT_LABELS],
];

test('every field of every directory content type and component has an English and a French label', () => {
  for (const [, schemas, table] of TABLES) {
    for (const [uid, schema] of Object.entries(schemas)) {
      for (const field of Object.keys(schema.attributes)) {
        const label = table[uid]?.[field];
        assert.ok(label?.en.trim(), `${uid}.${field} has no English label`);
        assert.ok(label?.fr.trim(), `${uid}.${field} has no French label`);
      }
    }
  }
});

test('every labelled field exists in its schema', () => {
  for (const [kind, schemas, table] of TABLES) {
    for (const [uid, fields] of Object.entries(table)) {
      assert.ok(schemas[uid], `${kind} ${uid} is not a directory ${kind}`);
      for (const field of Object.keys(fields)) assert.ok(field in schemas[uid].attributes, `${uid}.${field}`);
    }
  }
});

test('a label says internal in English exactly when it says interne in French', () => {
  for (const [, , table] of TABLES) {
    for (const [uid, fields] of Object.entries(table)) {
      for (const [field, { en, fr }] of Object.entries(fields)) {
        assert.equal(en.endsWith(' (internal)'), fr.endsWith(' (interne)'), `${uid}.${field}: ${en} / ${fr}`);
      }
    }
  }
});

test('the confidential organization fields are labelled internal', () => {
  const labels = FIELD_LABELS[ORGANIZATION]!;
  for (const field of [
    'designatedContact',
    'keyStaff',
    'internalPhones',
    'internalEmail',
    'referralProtocol',
    'capacityNotes',
    'safetyNotes',
    'internalNotes',
    'statusNote',
    'contactAttempts',
  ]) {
    assert.match(labels[field]!.en, / \(internal\)$/, field);
  }
  for (const field of ['name', 'email', 'phones', 'locations', 'lastVerifiedAt']) {
    assert.doesNotMatch(labels[field]!.en, /internal/, field);
  }
});

test('French translations use the content-manager keys of content-type and component fields', () => {
  const fr = frenchAdminTranslations();
  assert.equal(fr['content-manager.content-types.api::organization.organization.markVerified'], 'Marquer comme vérifié à l’enregistrement');
  assert.equal(fr['content-manager.content-types.api::organization.organization.email'], 'Courriel');
  assert.equal(fr['content-manager.components.directory.referral-protocol.warmTransfer'], 'Transfert accompagné');
  assert.deepEqual(Object.keys(TYPE_NAMES).sort(), Object.keys(CONTENT_TYPES).sort(), 'every content type has a French name');
  for (const [uid, name] of Object.entries(TYPE_NAMES)) {
    assert.equal(CONTENT_TYPES[uid]!.info.displayName, name.en);
    assert.equal(fr[name.en], name.fr);
  }
});

test('every enumeration value of every directory content type and component has an English and a French label', () => {
  const en = englishAdminTranslations();
  const fr = frenchAdminTranslations();
  for (const [, schemas] of TABLES) {
    for (const [uid, schema] of Object.entries(schemas)) {
      for (const [field, attribute] of Object.entries(schema.attributes)) {
        const values = (attribute as { enum?: string[] }).enum ?? [];
        for (const value of values) {
          assert.ok(VALUE_LABELS[value], `${uid}.${field}: "${value}" has no label`);
          assert.ok(en[value] && en[value] !== value, `${uid}.${field}: "${value}" reads raw in English`);
          assert.ok(fr[value]?.trim(), `${uid}.${field}: "${value}" has no French label`);
        }
      }
    }
  }
  assert.equal(fr.removed, 'Retiré');
  assert.equal(en.organization_request, 'At the organization’s request');
  assert.equal(fr['app.components.ToggleCheckbox.on-label'], 'Oui');
});

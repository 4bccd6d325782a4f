import { test } from 'node:test';
import assert from 'node:assert/strict';
import organization from '../api/organization/content-types/organization/schema.json';
import application from '../api/application/content-types/application/schema.json';
import suggestion from '../api/suggestion/content-types/suggestion/schema.json';
import audit from '../api/audit-entry/content-types/audit-entry/schema.json';
import { FIELD_LABELS, TYPE_NAMES, frenchAdminTranslations } from './admin-labels';

const SCHEMAS: Record<string, { info: { displayName: string }; attributes: Record<string, unknown> }> = {
  'api::organization.organization': organization, 'api::application.application': application,
  'api::suggestion.suggestion': suggestion, 'api::audit-entry.audit-entry': audit,
};

test('every labelled field exists in its schema, and every audit field is labelled', () => {
  for (const [uid, fields] of Object.entries(FIELD_LABELS)) {
    for (const field of Object.keys(fields)) assert.ok(field in SCHEMAS[uid]!.attributes, `${uid}.${field}`);
  }
  assert.deepEqual(Object.keys(FIELD_LABELS['api::audit-entry.audit-entry']!).sort(), Object.keys(audit.attributes).sort());
});

test('French translations use the content-manager keys and the schema display names', () => {
  const fr = frenchAdminTranslations();
  assert.equal(fr['content-manager.content-types.api::organization.organization.markVerified'], 'Marquer comme vérifié à l’enregistrement');
  for (const [uid, name] of Object.entries(TYPE_NAMES)) {
    assert.equal(SCHEMAS[uid]!.info.displayName, name.en);
    assert.equal(fr[name.en], name.fr);
  }
});

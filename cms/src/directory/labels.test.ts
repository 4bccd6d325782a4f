// The fixed vocabularies have one table of English and French labels (labels.ts). The facets
// serve it (the widget names values on its cards and filters from there) and the admin reads it
// for its enumeration values: no place may say something else for the same code.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LOCALES, NEEDS, ORGANIZATION_KINDS, PROVIDER_ROLES, PROVINCES, TIMEFRAMES } from '@referral-directory/sdk';
import { fixedVocabulary } from '../catalog/catalog';
import { VALUE_LABELS } from '../workflow/value-labels';
import { KIND_LABELS, NEED_LABELS, PROVINCE_LABELS, ROLE_LABELS, TIMEFRAME_LABELS } from './labels';

const TABLES = {
  province: [PROVINCES, PROVINCE_LABELS],
  timeframe: [TIMEFRAMES, TIMEFRAME_LABELS],
  need: [NEEDS, NEED_LABELS],
  role: [PROVIDER_ROLES, ROLE_LABELS],
  type: [ORGANIZATION_KINDS, KIND_LABELS],
} as const;

test('every code of a fixed vocabulary has a distinct, non-empty label in each language', () => {
  for (const [name, [codes, labels]] of Object.entries(TABLES)) {
    for (const locale of LOCALES) {
      const said = codes.map((code: string) => (labels as Record<string, Record<string, string>>)[code]?.[locale]?.trim());
      assert.ok(said.every(Boolean), `${name} (${locale}): a label is missing`);
      assert.equal(new Set(said).size, said.length, `${name} (${locale}): two codes read the same`);
    }
  }
});

test('the facets and the admin name each fixed value with the labels of the table', () => {
  const served = fixedVocabulary();
  for (const [name, [codes, labels]] of Object.entries(TABLES)) {
    const facet = served[name as keyof typeof served];
    assert.deepEqual(
      facet.map((t) => t.value),
      [...codes],
      `${name}: the facets list every code`,
    );
    for (const term of facet) {
      const label = (labels as Record<string, unknown>)[term.value];
      assert.deepEqual(term.labels, label, `facets: ${name}.${term.value}`);
      if (name !== 'timeframe' && name !== 'need') assert.deepEqual(VALUE_LABELS[term.value], label, `admin: ${name}.${term.value}`);
    }
  }
});

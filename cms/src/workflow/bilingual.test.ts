import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { TRANSLATED_TEXT, textHash } from './bilingual';

test("the translated text is exactly the organization's localized text fields", () => {
  const schema = JSON.parse(fs.readFileSync(path.join(__dirname, '../api/organization/content-types/organization/schema.json'), 'utf8'));
  const localized = Object.entries(
    schema.attributes as Record<string, { type: string; pluginOptions?: { i18n?: { localized?: boolean } } }>,
  )
    .filter(([name, a]) => a.pluginOptions?.i18n?.localized === true && name !== 'translationBasis')
    .map(([name]) => name);
  assert.deepEqual([...TRANSLATED_TEXT].sort(), localized.sort());
});

test('the text hash changes with the text, not with other fields or surrounding spaces', () => {
  const row = { name: 'Refuge', description: 'Hébergement', website: 'https://a.example' };
  assert.equal(textHash(row), textHash({ ...row, name: ' Refuge ', website: 'https://b.example', description: 'Hébergement\n' }));
  assert.notEqual(textHash(row), textHash({ ...row, description: 'Hébergement d’urgence' }));
  assert.notEqual(textHash({ name: 'a', fees: null }), textHash({ name: null, fees: 'a' }), 'a value counts in its own field');
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import * as TYPES from './content-types';

// The generated types (types/generated, committed) must describe the schemas as they are: after
// editing a schema.json, run `npm run types -w cms` (strapi develop also regenerates them).
const ROOT = path.resolve(__dirname, '..');
const generated = (file: string) => fs.readFileSync(path.join(ROOT, 'types', 'generated', file), 'utf8');

/** What Strapi adds to every type (timestamps, authors, draft and publish, i18n): not in schema.json. */
const SYSTEM = new Set(['createdAt', 'createdBy', 'updatedAt', 'updatedBy', 'publishedAt', 'locale', 'localizations']);

/** The attribute names the generated interface registered under `uid` declares. */
function generatedAttributes(source: string, uid: string): string[] {
  const name = new RegExp(`'${uid.replace(/[.]/g, '\\.')}': (\\w+);`).exec(source)?.[1];
  assert.ok(name, `${uid} is in the generated registry`);
  const body = source.slice(source.indexOf(`export interface ${name} extends`));
  const attributes = body.slice(body.indexOf('  attributes: {'), body.indexOf('\n}'));
  return [...attributes.matchAll(/^ {4}(\w+): Schema\./gm)]
    .map((m) => m[1]!)
    .filter((a) => !SYSTEM.has(a))
    .sort();
}

const schemaAttributes = (file: string) =>
  Object.keys((JSON.parse(fs.readFileSync(file, 'utf8')) as { attributes: Record<string, unknown> }).attributes)
    .filter((a) => !SYSTEM.has(a))
    .sort();

test('the committed generated types declare every attribute of every content-type schema, and no other', () => {
  const source = generated('contentTypes.d.ts');
  const apis = path.join(ROOT, 'src', 'api');
  for (const api of fs.readdirSync(apis)) {
    const dir = path.join(apis, api, 'content-types');
    if (!fs.existsSync(dir)) continue;
    for (const type of fs.readdirSync(dir)) {
      const uid = `api::${api}.${type}`;
      assert.deepEqual(
        generatedAttributes(source, uid),
        schemaAttributes(path.join(dir, type, 'schema.json')),
        `${uid}: run npm run types -w cms`,
      );
    }
  }
});

test('the committed generated types declare every attribute of every component, and no other', () => {
  const source = generated('components.d.ts');
  const root = path.join(ROOT, 'src', 'components');
  for (const category of fs.readdirSync(root)) {
    for (const file of fs.readdirSync(path.join(root, category))) {
      const uid = `${category}.${path.basename(file, '.json')}`;
      assert.deepEqual(
        generatedAttributes(source, uid),
        schemaAttributes(path.join(root, category, file)),
        `${uid}: run npm run types -w cms`,
      );
    }
  }
});

test('every UID named in src/content-types.ts is a content type of the app', () => {
  const source = generated('contentTypes.d.ts');
  for (const value of Object.values(TYPES)) {
    if (typeof value !== 'string') continue;
    assert.match(source, new RegExp(`'${value.replace(/[.]/g, '\\.')}': \\w+;`), value);
  }
});

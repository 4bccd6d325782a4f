import { test } from 'node:test';
import assert from 'node:assert/strict';
import { slugify, uniqueSlug } from './slug';

test('a slug folds accents, drops apostrophes and joins words with hyphens', () => {
  assert.equal(slugify('Refuge Colibri du Centre-du-Québec'), 'refuge-colibri-du-centre-du-quebec');
  assert.equal(slugify("L'Écluse — Maison d’accueil"), 'lecluse-maison-daccueil');
  assert.equal(slugify('  ***  '), 'organization');
  assert.ok(slugify('x'.repeat(200)).length <= 80);
});

test('a taken slug gets the first free numeric suffix', async () => {
  const taken = new Set(['maison', 'maison-2']);
  assert.equal(await uniqueSlug('maison', async (s) => taken.has(s)), 'maison-3');
  assert.equal(await uniqueSlug('refuge', async (s) => taken.has(s)), 'refuge');
});

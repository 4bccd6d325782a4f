import { test } from 'node:test';
import assert from 'node:assert/strict';
import { secretProblems } from './check-secrets';

const good = {
  APP_KEYS: 'k1k1k1k1k1k1k1k1k1k1,k2k2k2k2k2k2k2k2k2k2',
  API_TOKEN_SALT: 's'.repeat(24),
  ADMIN_JWT_SECRET: 'a'.repeat(24),
  TRANSFER_TOKEN_SALT: 't'.repeat(24),
  JWT_SECRET: 'j'.repeat(24),
  ENCRYPTION_KEY: 'e'.repeat(24),
};

test('real secrets pass', () => {
  assert.deepEqual(secretProblems(good), []);
});

test('a missing secret is named', () => {
  assert.deepEqual(secretProblems({ ...good, JWT_SECRET: '' }), ['JWT_SECRET is missing']);
});

test('the example defaults and short keys are refused by name', () => {
  assert.match(secretProblems({ ...good, ADMIN_JWT_SECRET: 'change-me' })[0]!, /^ADMIN_JWT_SECRET is a default/);
  assert.match(secretProblems({ ...good, APP_KEYS: 'toBeModified1,toBeModified2' })[0]!, /^APP_KEYS/);
  assert.match(secretProblems({ ...good, APP_KEYS: 'short,keys' })[0]!, /^APP_KEYS/);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { actorFromState } from './actor';

test('an admin request names the admin user by id, full name and email', () => {
  const state = {
    user: { id: 7, firstname: 'Dana', lastname: 'Editor', email: 'dana@example.org' },
    auth: { strategy: { name: 'admin' } },
  };
  assert.deepEqual(actorFromState(state), { type: 'admin', id: '7', name: 'Dana Editor', email: 'dana@example.org' });
});

test('an admin without a name is named by email', () => {
  assert.equal(actorFromState({ user: { id: 1, email: 'x@example.org' }, auth: { strategy: { name: 'admin' } } }).name, 'x@example.org');
});

test('an API token is named by its token name, never its secret', () => {
  const actor = actorFromState({
    auth: { strategy: { name: 'api-token' }, credentials: { id: 3, name: 'staff-tool', accessKey: 'secret' } },
  });
  assert.deepEqual(actor, { type: 'api_token', id: '3', name: 'API token staff-tool', email: null });
});

test('a request without a user is public', () => {
  assert.equal(actorFromState({}).type, 'public');
  assert.equal(actorFromState(undefined).type, 'public');
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isDatabaseDown, unavailable } from './errors';

test('an unreachable database is told apart from other errors', () => {
  const down = [
    Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }),
    Object.assign(new Error('select 1 - terminating connection due to administrator command'), { code: '57P01' }),
    Object.assign(new Error('the database system is starting up'), { code: '57P03' }),
    Object.assign(new Error('connection failure'), { code: '08006' }),
    new Error('Connection terminated unexpectedly'),
    new Error('Knex: Timeout acquiring a connection. The pool is probably full.'),
    Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' }),
  ];
  for (const e of down) assert.equal(isDatabaseDown(e), true, e.message);
  const other = [
    new Error('Invalid key internalNotes'),
    Object.assign(new Error('duplicate key value violates unique constraint'), { code: '23505' }),
    Object.assign(new Error('relation "x" does not exist'), { code: '42P01' }),
    null,
    undefined,
    'a string',
    42,
  ];
  for (const e of other) assert.equal(isDatabaseDown(e), false, String((e as Error)?.message ?? e));
});

test('503 carries Retry-After and the one error body', () => {
  const e = unavailable();
  assert.equal(e.status, 503);
  assert.equal(e.headers['Retry-After'], '5');
  assert.deepEqual(e.toBody(), {
    error: { status: 503, name: 'ServiceUnavailableError', message: 'The directory is temporarily unavailable', details: [] },
  });
});

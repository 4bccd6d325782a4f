import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sqlitePathProblem, sqliteSynchronousProblem } from './check-database';

test('a writable folder, even one to create, is fine', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rd-db-'));
  assert.equal(sqlitePathProblem(path.join(dir, 'new', 'data.db')), null);
  fs.rmSync(dir, { recursive: true, force: true });
});

test('a place that cannot be created is named in one line', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rd-db-'));
  const file = path.join(dir, 'plain-file');
  fs.writeFileSync(file, '');
  const target = path.join(file, 'sub', 'data.db');
  assert.equal(sqlitePathProblem(target), `DATABASE_FILENAME ${target} cannot be created or written (ENOTDIR): choose a writable folder`);
  fs.rmSync(dir, { recursive: true, force: true });
});

test('a folder where the file should be is named', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rd-db-'));
  assert.match(sqlitePathProblem(dir) ?? '', /is not a file/);
  fs.rmSync(dir, { recursive: true, force: true });
});

test('SQLITE_SYNCHRONOUS takes NORMAL, FULL or EXTRA, in any case; anything else is named with the choices', () => {
  for (const value of ['NORMAL', 'full', 'Extra']) assert.equal(sqliteSynchronousProblem(value), null, value);
  assert.equal(sqliteSynchronousProblem('OFF'), 'SQLITE_SYNCHRONOUS=OFF is not one of NORMAL, FULL, EXTRA');
  assert.equal(sqliteSynchronousProblem('1; drop table x'), 'SQLITE_SYNCHRONOUS=1; drop table x is not one of NORMAL, FULL, EXTRA');
});

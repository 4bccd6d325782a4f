import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import Database from 'better-sqlite3';
import { type Checkpointed, checkpointInThread } from './sqlite-checkpoints';

const PAGE = 4096;
const WRITES = 30;
/** Rows of ~1 KB: a transaction of 100 changes some 25–50 pages. */
const ROWS_PER_WRITE = 100;

/** A WAL database whose connection never checkpoints by itself, as the app's when the thread runs. */
function walDatabase(): { file: string; db: Database.Database } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rd-checkpoints-'));
  const file = path.join(dir, 'data.db');
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('wal_autocheckpoint = 0');
  db.exec('create table t (id integer primary key, body text)');
  return { file, db };
}

/** Writes transactions a few milliseconds apart, as editors do. */
async function write(db: Database.Database): Promise<void> {
  const insert = db.prepare('insert into t (body) values (?)');
  for (let w = 0; w < WRITES; w++) {
    db.transaction(() => {
      for (let r = 0; r < ROWS_PER_WRITE; r++) insert.run(`${w}:${r}:`.padEnd(1000, 'x'));
    })();
    await sleep(30);
  }
}

test('the thread copies the log back into the file and the log starts over, while the connection never checkpoints', async () => {
  const { file, db } = walDatabase();
  const seen: Checkpointed[] = [];
  let failed: string | null = null;
  const thread = checkpointInThread(file, { intervalMs: 20, onCheckpoint: (c) => seen.push(c), onFailure: (r) => (failed = r) });
  try {
    await write(db);
    await sleep(200);
    const walPages = fs.statSync(`${file}-wal`).size / PAGE;
    const rowsWritten = db.prepare('select count(*) from t').pluck().get();
    assert.equal(rowsWritten, WRITES * ROWS_PER_WRITE);
    assert.ok(seen.length > 0, 'the thread reported checkpoints');
    // Every transaction's pages were copied: the log was restarted, so it holds about one
    // transaction's pages (a few dozen), not the ~1,000+ of all thirty.
    assert.ok(walPages < 300, `the log stayed small (${walPages} pages)`);
    assert.equal(failed, null);
  } finally {
    await thread.stop();
    db.close();
  }
});

test('without the thread the same writes pile up in the log (what the first test is measured against)', async () => {
  const { file, db } = walDatabase();
  try {
    await write(db);
    const walPages = fs.statSync(`${file}-wal`).size / PAGE;
    assert.ok(walPages >= 300, `the log kept every page (${walPages} pages)`);
  } finally {
    db.close();
  }
});

test('a thread that cannot open the database says so once', async () => {
  const reasons: string[] = [];
  const missing = path.join(os.tmpdir(), `rd-checkpoints-missing-${process.pid}`, 'none.db');
  const thread = checkpointInThread(missing, { onFailure: (r) => reasons.push(r) });
  for (let i = 0; i < 100 && reasons.length === 0; i++) await sleep(20);
  await thread.stop();
  assert.equal(reasons.length, 1, 'told once');
  assert.match(reasons[0]!, /not exist|unable to open|SQLITE_CANTOPEN|directory/i);
});

/**
 * How an instance notices other instances' writes without a shared cache: a cheap fingerprint of
 * the organization and reference tables (count + latest update + highest row id), polled, and,
 * when it moves, the documents to re-read.
 */
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { ORGANIZATION as ORG } from '../content-types';
import { REFERENCE_TYPES } from './reference';

export interface Fingerprints {
  /** Of the organization table: `count|latest|maxId`. */
  org: string;
  /** The organization table's rows. */
  count: number;
  /** Of the reference tables, in REFERENCE_TYPES order. */
  reference: string;
  /** The organization table's latest update (ISO, '' when empty) and highest row id. */
  latest: string;
  maxId: number;
}

export async function fingerprints(strapi: Core.Strapi): Promise<Fingerprints> {
  const knex = strapi.db.connection;
  const uids = [ORG, ...REFERENCE_TYPES];
  // One query of scalar subqueries, three per table: each is answered from an index alone (SQLite
  // counts a b-tree and reads the ends of two indexes). Asked together, as `count(*), max(…), max(…)`
  // of one select, SQLite scans the whole updated_at index instead: 24 ms at 100,000 organizations
  // on every write and every poll, against 0.08 ms.
  // The highest id too: a publish writes new rows that keep their draft's updated_at, and removes
  // as many, so neither the count nor the latest update would move.
  const columns: Record<string, Knex.QueryBuilder> = {};
  uids.forEach((uid, i) => {
    const table = strapi.db.metadata.get(uid).tableName;
    columns[`c${i}`] = knex(table).count('*');
    columns[`m${i}`] = knex(table).max('updated_at');
    columns[`i${i}`] = knex(table).max('id');
  });
  const row = ((await knex.select(columns).first()) ?? {}) as Record<string, unknown>;
  const stat = (i: number) => {
    // PostgreSQL gives a Date, SQLite the epoch milliseconds.
    const raw = row[`m${i}`];
    const date = raw === null || raw === undefined ? null : new Date(raw as Date | number | string);
    const latest = date && !Number.isNaN(date.getTime()) ? date.toISOString() : '';
    return { count: Number(row[`c${i}`] ?? 0), latest, maxId: Number(row[`i${i}`] ?? 0) };
  };
  const org = stat(0);
  const refs = REFERENCE_TYPES.map((_, j) => stat(j + 1));
  return {
    org: `${org.count}|${org.latest}|${org.maxId}`,
    reference: refs.map((r) => `${r.count}|${r.latest}|${r.maxId}`).join(';'),
    count: org.count,
    latest: org.latest,
    maxId: org.maxId,
  };
}

/** Per document, the rows the catalog's entries were made of, and their total. */
export class RowCounts {
  readonly counts = new Map<string, number>();
  total = 0;
  /** The table's rows that belong to no document (Strapi writes none), when last counted. */
  unowned = 0;

  set(documentId: string, rows: number): void {
    this.total += rows - (this.counts.get(documentId) ?? 0);
    if (rows > 0) this.counts.set(documentId, rows);
    else this.counts.delete(documentId);
  }

  /** Whether the table's count in `fp` is these rows. */
  accountFor(fp: Fingerprints): boolean {
    return fp.count === this.total + this.unowned;
  }
}

/**
 * The documents whose number of rows in the database is not the one `read` holds: rows created or
 * deleted elsewhere that no update time nor new row id tells of — a document deleted, and an
 * unpublish, which deletes the published rows and leaves the draft as it was. Notes in `read` the
 * rows that belong to no document.
 */
export async function recount(strapi: Core.Strapi, read: RowCounts): Promise<string[]> {
  const table = strapi.db.metadata.get(ORG).tableName;
  // Cast kept: knex types an aggregate's rows loosely; PostgreSQL gives the count as text, SQLite as a number.
  const rows = (await strapi.db.connection(table).select('document_id').count({ n: '*' }).groupBy('document_id')) as Array<{
    document_id: string | null;
    n: number | string;
  }>;
  const counts = new Map<string, number>();
  read.unowned = 0;
  for (const r of rows) {
    if (r.document_id === null) read.unowned += Number(r.n);
    else counts.set(r.document_id, Number(r.n));
  }
  const differ = new Set<string>();
  for (const [id, n] of read.counts) if (counts.get(id) !== n) differ.add(id);
  for (const [id, n] of counts) if (read.counts.get(id) !== n) differ.add(id);
  return [...differ];
}

/** Every organization document id, in the order of its first row (the order documents were created in). */
export async function documentsInOrder(strapi: Core.Strapi): Promise<string[]> {
  const table = strapi.db.metadata.get(ORG).tableName;
  const rows = (await strapi.db
    .connection(table)
    .select('document_id')
    .min({ first: 'id' })
    .groupBy('document_id')
    .orderBy('first')) as Array<{ document_id: string }>;
  return rows.map((r) => r.document_id);
}

/** How long before the last look a row it did not see may say it was written. */
const MARGIN_MS = 2000;

/**
 * Since when a row may have been written that the last look (`lookedAt`, this instance's clock,
 * and the latest update it saw) did not see. With a margin: a transaction that started before the
 * look and committed after it writes an update time a little before both. Not the margin before an
 * update seen long before the look: after a boot on a database loaded in bulk hours ago, the
 * documents of the last seconds of that load are in the catalog already (re-reading them, 2,801
 * documents at 10,000 organizations, held every reader ~0.8 s after the first write since the
 * boot). The look's time is this instance's clock and an update time the writer's: they must agree
 * within the margin (NTP).
 * Instances on one SQLite file share a clock; on PostgreSQL the notices name every write anyway.
 */
export function changedSince(lastSeenUpdate: string, lookedAt: number): Date {
  const seen = Math.max(lastSeenUpdate ? Date.parse(lastSeenUpdate) : 0, lookedAt);
  return new Date(Math.max(0, seen - MARGIN_MS));
}

/** The documents with a row updated since `since`, and those with rows written since the highest row id seen (a publish). */
export async function changedDocuments(strapi: Core.Strapi, since: Date, lastSeenId: number): Promise<string[]> {
  const where = { $or: [{ updatedAt: { $gte: since } }, { id: { $gt: lastSeenId } }] };
  const changed = (await strapi.db.query(ORG).findMany({ where, select: ['documentId'] })) as Array<{ documentId: string }>;
  return changed.map((c) => c.documentId);
}

/** A time as the database gives it (PostgreSQL a Date, SQLite the epoch milliseconds, a reader ISO text), in milliseconds. */
const millis = (raw: unknown): number => (raw === null || raw === undefined ? 0 : new Date(raw as Date | number | string).getTime());

/**
 * A document's rows as read: their count, highest id and latest update. Any write through Strapi
 * changes one of them (an update the update time, a publish new rows, an unpublish or a delete the
 * count): a document whose signature in the database (documentSignatures) is not the one its
 * entries were made of has changed since.
 */
export function rowsSignature(rows: ReadonlyArray<{ id: number; updatedAt: unknown }>): string {
  let id = 0;
  let updated = 0;
  for (const r of rows) {
    id = Math.max(id, r.id);
    updated = Math.max(updated, millis(r.updatedAt));
  }
  return `${rows.length}|${id}|${updated}`;
}

/** Every organization document's rowsSignature, as the database holds its rows now (one grouped scan). */
export async function documentSignatures(strapi: Core.Strapi): Promise<Map<string, string>> {
  const table = strapi.db.metadata.get(ORG).tableName;
  // Cast kept: knex types an aggregate's rows loosely; PostgreSQL gives the count as text, SQLite as a number.
  const rows = (await strapi.db
    .connection(table)
    .select('document_id')
    .count({ n: '*' })
    .max({ i: 'id' })
    .max({ u: 'updated_at' })
    .whereNotNull('document_id')
    .groupBy('document_id')) as Array<{ document_id: string; n: number | string; i: number | string; u: unknown }>;
  return new Map(rows.map((r) => [r.document_id, `${Number(r.n)}|${Number(r.i)}|${millis(r.u)}`]));
}

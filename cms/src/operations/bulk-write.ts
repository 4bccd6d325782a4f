/**
 * Writing many new documents directly in SQL, in the tables `documentTables` finds: each document
 * row with its own component rows (and their join rows) and relation link rows, as multi-row
 * INSERTs inside the caller's transaction. Writing a document through the Document Service costs
 * ~50–100 ms (create en, update fr, the workflow middlewares); this costs about a millisecond.
 * Used by the bulk clone (copies of base documents) and the import (new drafts from a file).
 *
 * Ids are allocated in the transaction: from the table's sequence on PostgreSQL (so concurrent
 * writers never collide), from max(id) + 1 elsewhere (SQLite serializes writers; AUTOINCREMENT
 * follows explicit ids). Works on SQLite and PostgreSQL (knex only, except the sequence line).
 */
import { randomBytes } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import type { DocumentTables, LinkTable, Row } from './bulk-tables';

export type Knex = Core.Strapi['db']['connection'];

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** A document id in Strapi's format (cuid2: 24 lowercase alphanumerics, starting with a letter). */
export function newDocumentId(): string {
  let out = '';
  while (out.length < 24) {
    for (const b of randomBytes(32)) {
      if (out.length === 0 ? b >= 26 * 9 : b >= 36 * 7) continue; // reject to stay unbiased
      out += out.length === 0 ? ALPHABET[b % 26] : ALPHABET[b % 36];
      if (out.length === 24) break;
    }
  }
  return out;
}

const clientOf = (knex: Knex): string => String((knex.client as { config?: { client?: unknown } }).config?.client ?? '');
const isPostgres = (knex: Knex) => /^(pg|postgres|postgresql)$/.test(clientOf(knex));
const isSqlite = (knex: Knex) => /sqlite/.test(clientOf(knex));

/** Allocates row ids inside one transaction. */
export class IdAllocator {
  private next = new Map<string, number>();
  constructor(private trx: Knex) {}

  async take(table: string, n: number): Promise<number[]> {
    if (n === 0) return [];
    if (isPostgres(this.trx)) {
      const res = await this.trx.raw('select nextval(pg_get_serial_sequence(?, ?)) as id from generate_series(1, ?)', [table, 'id', n]);
      return (res.rows as Array<{ id: string | number }>).map((r) => Number(r.id));
    }
    let first = this.next.get(table);
    if (first === undefined) {
      const row = (await this.trx(table).max({ m: 'id' }).first()) as { m: number | string | null } | undefined;
      first = Number(row?.m ?? 0) + 1;
      if (isSqlite(this.trx)) {
        // AUTOINCREMENT never reuses the ids of deleted rows; neither do we.
        const seq = (await this.trx('sqlite_sequence').where({ name: table }).first('seq')) as { seq: number } | undefined;
        if (seq && Number(seq.seq) + 1 > first) first = Number(seq.seq) + 1;
      }
    }
    this.next.set(table, first + n);
    return Array.from({ length: n }, (_, i) => first! + i);
  }
}

/** Bound variables per INSERT statement: well under SQLite's (32,766) and PostgreSQL's (65,535) limits. */
const MAX_BINDINGS = 16000;

/**
 * Multi-row INSERT … VALUES (…), (…) through knex.raw (identifiers quoted by knex, values bound):
 * standard SQL that SQLite and PostgreSQL both run. knex's query builder writes multi-row inserts
 * on SQLite as a compound SELECT (at most 500 rows per statement). Every row has the same columns.
 */
export async function insertMany(trx: Knex, table: string, rows: Row[]): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]!);
  const per = Math.max(1, Math.floor(MAX_BINDINGS / columns.length));
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  const head = `insert into ?? (${columns.map(() => '??').join(', ')}) values `;
  for (let i = 0; i < rows.length; i += per) {
    const slice = rows.slice(i, i + per);
    const bindings: unknown[] = [table, ...columns];
    for (const r of slice) for (const c of columns) bindings.push(r[c] ?? null);
    try {
      await trx.raw(head + Array(slice.length).fill(tuple).join(', '), bindings);
    } catch (error) {
      // The driver's message quotes the whole statement (hundreds of KB): keep the gist.
      const e = error instanceof Error ? error : new Error(String(error));
      const code = 'code' in e && typeof e.code === 'string' ? e.code : 'error';
      const gist = e.message.length > 300 ? `${e.message.slice(0, 150)} … ${e.message.slice(-150)}` : e.message;
      throw new Error(`bulk write: insert into ${table} failed (${code}): ${gist}`);
    }
  }
}

/** A fresh timestamp stored the way this database stores the sample (epoch ms on SQLite, Date on PostgreSQL). */
export function timestampLike(sample: unknown, now: Date): unknown {
  if (typeof sample === 'number') return now.getTime();
  if (typeof sample === 'string') return /^\d+$/.test(sample) ? String(now.getTime()) : now.toISOString();
  return now;
}

/** A value as Strapi stores an attribute of this type (JSON as text; knex binds booleans and dates per database). */
export function columnValue(type: string | undefined, value: unknown): unknown {
  if (value === undefined || value === null) return null;
  if (type === 'json') return JSON.stringify(value);
  if (type === 'datetime' || type === 'timestamp') return value instanceof Date ? value : new Date(String(value));
  return value;
}

/** A component row to write: its join row (field, order, type) and its own columns, ids left to the writer. */
export interface NewComponent {
  type: string;
  field: string;
  order: number;
  values: Row;
}
/** A relation link to write: the link table and the target's row id (owner id and orders left to the writer). */
export interface NewLink {
  link: LinkTable;
  targetId: number;
  order: number;
}
/** One document row to write (its columns without id) with its components and links. */
export interface NewRow {
  values: Row;
  components: NewComponent[];
  links: NewLink[];
}

export interface WriteCounts {
  rows: number;
  componentRows: number;
  linkRows: number;
}

/** Inserts the rows, then their component rows and join rows, then their link rows, in a few statements per table. */
export async function writeRows(trx: Knex, plan: DocumentTables, ids: IdAllocator, rows: NewRow[]): Promise<WriteCounts> {
  const counts: WriteCounts = { rows: rows.length, componentRows: 0, linkRows: 0 };
  const rowIds = await ids.take(plan.table, rows.length);
  await insertMany(
    trx,
    plan.table,
    rows.map((r, i) => ({ id: rowIds[i], ...r.values })),
  );

  const byType = new Map<string, Array<{ owner: number; c: NewComponent }>>();
  const links = new Map<string, Row[]>();
  rows.forEach((r, i) => {
    const owner = rowIds[i]!;
    for (const c of r.components) (byType.get(c.type) ?? byType.set(c.type, []).get(c.type)!).push({ owner, c });
    for (const l of r.links) {
      const link: Row = { [l.link.ownerColumn]: owner, [l.link.targetColumn]: l.targetId };
      if (l.link.orderColumn) link[l.link.orderColumn] = l.order;
      (links.get(l.link.table) ?? links.set(l.link.table, []).get(l.link.table)!).push(link);
    }
  });

  const joins: Row[] = [];
  for (const [type, list] of byType) {
    const table = plan.components.get(type);
    if (!table || !plan.cmps) throw new Error(`bulk write: ${plan.uid} has no component ${type}`);
    const cmpIds = await ids.take(table.table, list.length);
    await insertMany(
      trx,
      table.table,
      list.map(({ c }, i) => ({ id: cmpIds[i], ...c.values })),
    );
    list.forEach(({ owner, c }, i) => {
      joins.push({
        [plan.cmps!.entityColumn]: owner,
        [plan.cmps!.cmpColumn]: cmpIds[i],
        [plan.cmps!.typeColumn]: type,
        [plan.cmps!.fieldColumn]: c.field,
        [plan.cmps!.orderColumn]: c.order,
      });
    });
    counts.componentRows += list.length;
  }
  if (plan.cmps && joins.length > 0) {
    const joinIds = await ids.take(plan.cmps.table, joins.length);
    await insertMany(
      trx,
      plan.cmps.table,
      joins.map((j, i) => ({ id: joinIds[i], ...j })),
    );
  }
  for (const [table, list] of links) {
    const linkIds = await ids.take(table, list.length);
    await insertMany(
      trx,
      table,
      list.map((l, i) => ({ id: linkIds[i], ...l })),
    );
    counts.linkRows += list.length;
  }
  return counts;
}

/**
 * What left the public directory, for HSDS consumers that sync with `modified_after`: a record that
 * stops being public (suspended, removed, consent withdrawn, unpublished, deleted, or renamed to a
 * new slug, which changes its ids) vanishes from every list, so consumers could only learn of it by
 * re-crawling everything. This registry remembers every HSDS id (organization, service,
 * service_at_location) that has ever been public, and when it stopped being public.
 *
 * Only ids that were public are ever registered, so the list reveals nothing about private records;
 * it carries no reason and nothing else: the id, what kind of HSDS object it was, and the date it
 * left. A record that becomes public again is removed from the list.
 *
 * The table is plain SQL (knex: SQLite and PostgreSQL alike), created at start-up if absent; it is
 * not a content type, so editors never see it and no Document Service write is involved. Every
 * instance keeps it in step with its own catalog: updates only set `left_at` where it is still
 * empty, so the first instance to notice a departure dates it.
 */
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import type { Catalog, Entry } from '../catalog/catalog';
import { idsOf } from './api';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { runSliced } from '../catalog/segment';

export const DEPARTURES_TABLE = 'hsds_public_ids';
export type HsdsObjectName = 'organization' | 'service' | 'service_at_location';
export interface Departure {
  id: string;
  object: HsdsObjectName;
  deleted_at: string;
}

const CHUNK = 300;
const TRANSACTION_ROWS = 6000;

interface State {
  ready: Promise<void> | null;
  known: Known | null;
  /** The catalog version last synced: the next sync looks only at the edits since (Catalog.editsSince). */
  synced: Catalog | null;
  work: Promise<void> | null;
}
const states = new WeakMap<Core.Strapi, State>();
const stateOf = (strapi: Core.Strapi): State => {
  let s = states.get(strapi);
  if (!s) {
    s = { ready: null, known: null, synced: null, work: null };
    states.set(strapi, s);
  }
  return s;
};

async function createTable(knex: Knex): Promise<void> {
  if (await knex.schema.hasTable(DEPARTURES_TABLE)) return;
  try {
    await knex.schema.createTable(DEPARTURES_TABLE, (t) => {
      t.string('hsds_id', 36).primary();
      t.string('object', 32).notNullable();
      // Epoch milliseconds: the same on both databases, and compares as a number.
      t.bigInteger('left_at').nullable().index();
    });
  } catch (error: unknown) {
    // Another instance created it at the same moment.
    if (!(await knex.schema.hasTable(DEPARTURES_TABLE))) throw error;
  }
}

/** Creates the table when absent (idempotent; awaited by every other call). */
export function ensureDeparturesTable(strapi: Core.Strapi): Promise<void> {
  const s = stateOf(strapi);
  if (!s.ready)
    s.ready = createTable(strapi.db.connection).catch((e: unknown) => {
      s.ready = null;
      throw e;
    });
  return s.ready;
}

/** Every HSDS id an entry exposes, with the kind of object (the ids the HSDS API serves it under). */
function eachId(e: Entry, each: (id: string, object: HsdsObjectName) => void): void {
  const ids = idsOf(e);
  each(ids.organization, 'organization');
  each(ids.service, 'service');
  for (const id of ids.sals) each(id, 'service_at_location');
}

/** The registry as this instance knows it: per id, whether it left (a boolean: no object per id). */
type Known = Map<string, boolean>;
type Arrival = { hsds_id: string; object: HsdsObjectName; left_at: null };

// The first sync after a boot reads and works out every id (about 300,000 at 100,000 records): a
// page at a time, then in slices of a few milliseconds (runSliced), so the public is never held up by it.
/** Ids compared between two looks at the clock. */
const ID_STEP = 1000;
const READ_PAGE = 20_000;

/** The registry as stored, a slice at a time in id order. */
async function readKnown(knex: Knex): Promise<Known> {
  const known: Known = new Map();
  for (let after = ''; ; ) {
    const rows = (await knex(DEPARTURES_TABLE)
      .select('hsds_id', 'left_at')
      .where('hsds_id', '>', after)
      .orderBy('hsds_id')
      .limit(READ_PAGE)) as Array<{ hsds_id: string; left_at: unknown }>;
    for (const r of rows) known.set(r.hsds_id, r.left_at !== null && r.left_at !== undefined);
    if (rows.length < READ_PAGE) return known;
    after = rows[rows.length - 1]!.hsds_id;
    await nextTurn();
  }
}

/**
 * Ids public now and not registered as public, and ids registered as public that no entry has now:
 * at 100,000 records some 300,000 ids each way. A generator for runSliced: working out the ids of
 * 2,000 entries at a time held the event loop ~100 ms once after each boot at 100,000.
 */
function* allIds(known: Known, entries: readonly Entry[]): Generator<void, { arrived: Arrival[]; left: string[] }> {
  const current = new Map<string, HsdsObjectName>();
  const add = (id: string, object: HsdsObjectName) => current.set(id, object);
  for (const e of entries) {
    eachId(e, add);
    yield;
  }
  let n = 0;
  const arrived: Arrival[] = [];
  for (const [id, object] of current) {
    if (isArrival(known, id)) arrived.push(arrival(id, object));
    if (++n % ID_STEP === 0) yield;
  }
  const left: string[] = [];
  for (const [id, gone] of known) {
    if (!gone && !current.has(id)) left.push(id);
    if (++n % ID_STEP === 0) yield;
  }
  return { arrived, left };
}

/**
 * The same, from the entries an edit removed and added since the last sync (an edit replaces an
 * entry object): in time proportional to the edits, not to the directory. A generator too: the
 * records that name a relabelled term (13,000 at 100,000) held the event loop 282 ms in one go.
 */
function* changedIds(
  known: Known,
  removed: readonly Entry[],
  added: readonly Entry[],
): Generator<void, { arrived: Arrival[]; left: string[] }> {
  const now = new Map<string, HsdsObjectName>();
  for (const e of added) {
    eachId(e, (id, object) => now.set(id, object));
    yield;
  }
  const left: string[] = [];
  const leaves = (id: string) => {
    if (!now.has(id) && known.get(id) === false) left.push(id);
  };
  for (const e of removed) {
    eachId(e, leaves);
    yield;
  }
  return { arrived: arrivals(known, now), left };
}

/** An id not registered, or registered as gone: it arrives (again). */
const isArrival = (known: Known, id: string): boolean => known.get(id) !== false;
const arrival = (id: string, object: HsdsObjectName): Arrival => ({ hsds_id: id, object, left_at: null });
const arrivals = (known: Known, ids: Map<string, HsdsObjectName>): Arrival[] =>
  [...ids].filter(([id]) => isArrival(known, id)).map(([id, object]) => arrival(id, object));

/**
 * Writes `rows` CHUNK at a time, in transactions of TRANSACTION_ROWS, and notes each committed part:
 * the first sync after a boot registers some 300,000 ids at 100,000 records, and one commit of them
 * all held the event loop ~185 ms (SQLite writes on it). A sync stopped half-way is finished by the
 * next one: each write is idempotent, and `known` holds what was committed.
 */
async function inTransactions<T>(
  knex: Knex,
  rows: readonly T[],
  write: (trx: Knex.Transaction, chunk: T[]) => Knex.QueryBuilder,
  committed: (part: readonly T[]) => void,
): Promise<void> {
  for (let i = 0; i < rows.length; i += TRANSACTION_ROWS) {
    const part = rows.slice(i, i + TRANSACTION_ROWS);
    await knex.transaction(async (trx) => {
      for (let j = 0; j < part.length; j += CHUNK) await write(trx, part.slice(j, j + CHUNK));
    });
    committed(part);
  }
}

async function sync(strapi: Core.Strapi, catalog: Catalog, now: () => number): Promise<void> {
  const s = stateOf(strapi);
  await ensureDeparturesTable(strapi);
  if (s.synced?.version === catalog.version) return;
  const knex = strapi.db.connection;
  s.known ??= await readKnown(knex);
  const known = s.known;
  const edits = s.synced && catalog.editsSince(s.synced);
  const { arrived, left } = await runSliced(edits ? changedIds(known, edits.removed, edits.added) : allIds(known, catalog.entries));
  if (arrived.length > 0 || left.length > 0) {
    const at = now();
    await inTransactions(
      knex,
      arrived,
      (trx, part) => trx(DEPARTURES_TABLE).insert(part).onConflict('hsds_id').merge(['left_at']),
      (part) => {
        for (const a of part) known.set(a.hsds_id, false);
      },
    );
    await inTransactions(
      knex,
      left,
      (trx, part) => trx(DEPARTURES_TABLE).whereIn('hsds_id', part).whereNull('left_at').update({ left_at: at }),
      (part) => {
        for (const id of part) known.set(id, true);
      },
    );
  }
  s.synced = catalog;
}

/** Brings the registry up to date with the catalog (one run at a time; cheap when nothing changed). */
export function syncDepartures(strapi: Core.Strapi, catalog: Catalog, now: () => number = Date.now): Promise<void> {
  const s = stateOf(strapi);
  const previous = s.work ?? Promise.resolve();
  const next = previous.catch(() => undefined).then(() => sync(strapi, catalog, now));
  s.work = next.catch(() => undefined).then(() => undefined);
  return next;
}

/** Records that left on or after `since` (ISO), oldest first. */
export async function departuresSince(strapi: Core.Strapi, since: string | null): Promise<Departure[]> {
  await ensureDeparturesTable(strapi);
  const q = strapi.db.connection(DEPARTURES_TABLE).select('hsds_id', 'object', 'left_at').whereNotNull('left_at');
  if (since) q.where('left_at', '>=', Date.parse(since));
  const rows = (await q.orderBy([{ column: 'left_at' }, { column: 'hsds_id' }])) as Array<{
    hsds_id: string;
    object: HsdsObjectName;
    left_at: number | string;
  }>;
  return rows.map((r) => ({ id: r.hsds_id, object: r.object, deleted_at: new Date(Number(r.left_at)).toISOString() }));
}

/** Keeps the registry in step with the catalog every `intervalMs` (the projection's own refresh interval). */
export function startDepartures(strapi: Core.Strapi, catalog: () => Promise<Catalog>, intervalMs: number): () => void {
  if (intervalMs <= 0) return () => undefined;
  let running = false;
  const timer = setInterval(() => {
    // One check at a time: a long write (an import's transaction) must not queue up checks behind it.
    if (running) return;
    running = true;
    catalog()
      .then((c) => syncDepartures(strapi, c))
      .catch((e: unknown) => strapi.log.warn(`hsds: departures check failed: ${String(e)}`))
      .finally(() => {
        running = false;
      });
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}

/**
 * A full load of the catalogs' entries, as a boot and a reload make it: every document's rows read
 * and made into entries (readEveryRow), or, at boot, the snapshot the last such load wrote
 * (catalogSnapshots, snapshot.ts) with the documents whose rows changed since to re-read.
 */
import type { Core } from '@strapi/strapi';
import crypto from 'node:crypto';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { EntriesLoad, type Entry } from './catalog';
import { RowCounts, documentSignatures, documentsInOrder, rowsSignature } from './fingerprint';
import { type InternalEntry, type Loads, putDocument } from './row-entries';
import { codeKey, readSnapshot, snapshotFrames, writeSnapshot } from './snapshot';
import { ORGANIZATION_POPULATE, type OrganizationRow } from '../directory/rows';
import { ORGANIZATION as ORG } from '../content-types';
import { type SelectRunner, documentReader, readInPages } from '../operations/bulk-read';
import { loadSelects } from '../operations/sqlite-reader';

export type OrgReader = (documentIds: readonly string[]) => Promise<() => OrganizationRow[]>;

/** A reader of organizations' rows, in id order, whose selects `selects` runs (made once Strapi's metadata is loaded). */
export const orgReader = (strapi: Core.Strapi, selects?: SelectRunner): OrgReader =>
  // Cast kept: the reader gives the rows Strapi's query engine gives with this populate, which
  // OrganizationRow describes (bulk-read.test.ts compares the two readers value for value).
  documentReader(strapi, ORG, Object.keys(ORGANIZATION_POPULATE), selects) as unknown as OrgReader;

/** A full load, as a snapshot keeps it. */
export interface LoadState {
  loads: Loads;
  /** The document of each entry of `loads.public` and `loads.internal`, in order. */
  publicIds: string[];
  internalIds: string[];
  /** Per document, the signature of the rows its entries were made of (rowsSignature). */
  signatures: Map<string, string>;
  /** The reference tables' fingerprint (fingerprints().reference) the entries were made under. */
  reference: string;
}

/** A full load's state, empty. */
export const emptyLoad = (reference: string): LoadState => ({
  loads: { public: new EntriesLoad(), internal: new EntriesLoad() },
  publicIds: [],
  internalIds: [],
  signatures: new Map(),
  reference,
});

/** One document of a full load: its entries into the maps and the load, in order, and its rows' signature. */
export function loadDocument(
  state: LoadState,
  entries: Map<string, Entry>,
  internalEntries: Map<string, InternalEntry>,
  documentId: string,
  rows: OrganizationRow[],
): void {
  state.signatures.set(documentId, rowsSignature(rows));
  putDocument(entries, internalEntries, documentId, rows, state.loads);
  if (entries.has(documentId)) state.publicIds.push(documentId);
  if (internalEntries.has(documentId)) state.internalIds.push(documentId);
}

/** A full load: its state, its entries by document, the rows read per document, and (from a snapshot) the documents to re-read. */
export interface FullLoad {
  state: LoadState;
  entries: Map<string, Entry>;
  internalEntries: Map<string, InternalEntry>;
  rowsRead: RowCounts;
  stale: string[];
}

const rowCounts = (state: LoadState): RowCounts => {
  const counts = new RowCounts();
  for (const [documentId, signature] of state.signatures) counts.set(documentId, parseInt(signature, 10));
  return counts;
};

/**
 * Every document, read a page of documents at a time (all the rows of each) and turned into
 * entries as it comes, so no more than a page of rows is ever held. Into new maps: a load that
 * fails half-way leaves the current entries whole.
 */
export async function readEveryRow(strapi: Core.Strapi, reference: string): Promise<FullLoad> {
  const entries = new Map<string, Entry>();
  const internalEntries = new Map<string, InternalEntry>();
  const state = emptyLoad(reference);
  const selects = loadSelects(strapi);
  try {
    await readInPages(orgReader(strapi, selects), await documentsInOrder(strapi), (documentId, rows) =>
      loadDocument(state, entries, internalEntries, documentId, rows),
    );
  } finally {
    await selects.close();
  }
  return { state, entries, internalEntries, rowsRead: rowCounts(state), stale: [] };
}

/** What a full load took, part by part, for the log (`at`: its start, rows or snapshot read, catalogs built, end). */
export function loadReport(restored: FullLoad | null, at: [number, number, number, number]): string {
  const s = (from: number, to: number) => ((at[to]! - at[from]!) / 1000).toFixed(1);
  if (!restored) return `rows read and made into entries in ${s(0, 1)} s, catalogs built in ${s(1, 2)} s`;
  return `read from the snapshot in ${s(0, 1)} s, catalogs built in ${s(1, 2)} s, ${restored.stale.length} documents changed since re-read in ${s(2, 3)} s`;
}

/**
 * Where the snapshot is kept: DIRECTORY_SNAPSHOT_FILE (`off`: none); by default beside the SQLite
 * database (`<database file>.catalog`), or for PostgreSQL under the app's `.tmp/`, named by a hash
 * of the connection (never its password).
 */
export function snapshotFile(strapi: Core.Strapi): string | null {
  const setting = process.env.DIRECTORY_SNAPSHOT_FILE;
  if (setting === 'off') return null;
  if (setting) return path.resolve(setting);
  // Cast kept: config/database.ts's shape (a file for SQLite, a URL and schema for PostgreSQL).
  const db = strapi.config.get('database.connection') as { connection?: { filename?: string; connectionString?: string; schema?: string } };
  const c = db.connection ?? {};
  if (c.filename) return `${c.filename}.catalog`;
  const name = crypto
    .createHash('sha256')
    .update(`${c.connectionString ?? ''}|${c.schema ?? ''}`)
    .digest('hex')
    .slice(0, 16);
  return path.join(strapi.dirs.app.root, '.tmp', `catalog-${name}.snapshot`);
}

/**
 * The documents changed since the catalogs' snapshot that a boot re-reads rather than reading every
 * row (or a tenth of the documents, when more): ~1 s of re-reading at 1,000.
 */
const STALE_AT_MOST = 1000;

/** An instance's snapshot (null: none kept, DIRECTORY_SNAPSHOT_FILE=off): read at boot, written after a full load. */
export function catalogSnapshots(strapi: Core.Strapi) {
  const file = snapshotFile(strapi);
  if (!file) return null;
  let key: string | null = null;
  const codeKeyOnce = () => (key ??= codeKey());
  /** A write under way; the latest load waiting for its turn; `stopped` ends them. */
  let saving: Promise<void> | null = null;
  let queued: LoadState | null = null;
  let stopped = false;

  return {
    /**
     * The load the snapshot holds, when made by this code under the same reference data, and the
     * documents whose rows changed since (their signatures in the database now); null when there
     * is none to use, or when so many changed that reading every row costs less.
     */
    async restore(reference: string): Promise<FullLoad | null> {
      const read = await readSnapshot(file, codeKeyOnce(), reference);
      if ('reason' in read) {
        if (read.reason !== 'none') strapi.log.info(`directory: catalog snapshot not used, ${read.reason}: every row is read`);
        return null;
      }
      const { state } = read;
      const now = await documentSignatures(strapi);
      const stale = new Set<string>();
      for (const [documentId, signature] of now) if (state.signatures.get(documentId) !== signature) stale.add(documentId);
      for (const documentId of state.signatures.keys()) if (!now.has(documentId)) stale.add(documentId);
      if (stale.size > Math.max(STALE_AT_MOST, now.size / 10)) {
        strapi.log.info(`directory: catalog snapshot not used, ${stale.size} of ${now.size} documents changed since: every row is read`);
        return null;
      }
      const { loads, publicIds, internalIds } = state;
      const entries = new Map(publicIds.map((id, i) => [id, loads.public.entries[i]!]));
      const internalEntries = new Map(internalIds.map((id, i) => [id, loads.internal.entries[i]!]));
      return { state, entries, internalEntries, rowsRead: rowCounts(state), stale: [...stale] };
    },

    /** Writes the snapshot of a full load in the background (one at a time: the latest load waits its turn). */
    save(state: LoadState): void {
      if (stopped) return;
      if (saving) {
        queued = state;
        return;
      }
      const started = performance.now();
      saving = writeSnapshot(file, snapshotFrames(state, codeKeyOnce()), () => stopped)
        .then((bytes) => {
          const s = ((performance.now() - started) / 1000).toFixed(1);
          if (bytes > 0)
            strapi.log.info(`directory: catalog snapshot written (${(bytes / 1e6).toFixed(1)} MB in ${s} s), for the next boot`);
        })
        .catch((e: unknown) => {
          strapi.log.warn(`directory: catalog snapshot not written: ${String(e)}`);
        })
        .finally(() => {
          saving = null;
          const next = queued;
          queued = null;
          if (next) this.save(next);
        });
    },

    /** Settles once the snapshot being written, if any, is on disk (or given up). */
    async written(): Promise<void> {
      while (saving) await saving;
    },

    /** Stops a write under way (its file removed) and any to come. */
    close(): void {
      stopped = true;
    },
  };
}

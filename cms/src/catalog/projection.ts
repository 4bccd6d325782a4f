/**
 * Keeps the in-memory public catalog in step with the database.
 *
 * - At boot: a full load (every organization row, draft and published, both locales, in pages), or
 *   the snapshot the last one wrote and the documents changed since (full-load.ts, snapshot.ts).
 * - On a write through the Document Service of this instance: the document is marked pending
 *   and re-read before the next public read, so an unpublished or removed record is gone at once.
 *   Only that document's entries change: the next catalog version is made from the current one by
 *   `Catalog.update`, in time proportional to the record, never to the directory. When the edits
 *   pile up, a full rebuild runs in slices off the request path and is swapped in with the edits
 *   made meanwhile carried over (`Catalog.rebuilt`, `rebasedOn`).
 * - Other instances' writes: on PostgreSQL their notices (peers.ts, notify.ts) name the documents,
 *   re-read at once in the background (readers do not wait: those writers had their answers before
 *   the notice could arrive); and a cheap fingerprint (count + latest update + highest row id per
 *   table) is polled — a change re-reads the documents changed (and, when the table's count is not
 *   the rows the catalog was made of, those whose count of rows differs: created, deleted, or
 *   unpublished, which deletes the published rows and updates none) — so every instance converges
 *   within the poll interval without any shared cache, even when the notification channel is down
 *   (and on SQLite, which has none).
 * - The database goes away: the poll notices (and readiness), reads keep being answered from the
 *   last catalog, except records this instance wrote but could not re-read (hidden: fail closed);
 *   the next poll that reaches the database again catches up, with no restart.
 *
 * Here: the refresh itself (re-read, poll, publish). A document's entries from its rows:
 * row-entries.ts; the vocabulary, synonyms and settings: reference.ts; what the poll compares:
 * fingerprint.ts.
 */
import type { Core } from '@strapi/strapi';
import { setTimeout as delay } from 'node:timers/promises';
import type { DirectorySettings, ListingStatus, Locale } from '@referral-directory/sdk';
import { LISTING_STATUSES } from '@referral-directory/sdk';
import { Catalog, type Entry, type Named, sameEntry, type Vocabulary } from './catalog';
import { rebaseOnto, withEdits } from './versions';
import { STATUS_LABELS } from '../directory/labels';
import { reachability } from './reachability';
import type { OrganizationRow } from '../directory/rows';
import type { SynonymGroup } from './synonyms';
import { ORGANIZATION as ORG } from '../content-types';
import { REFERENCE_TYPES, readReference } from './reference';
import { changedTerms, naming } from './vocabulary';
import { runSliced } from './segment';
import { readInPages } from '../operations/bulk-read';
import { type SelectsNow, sqliteSelectsNow } from '../operations/sqlite-reader';
import { type Fingerprints, RowCounts, changedDocuments, changedSince, fingerprints, recount } from './fingerprint';
import { type FullLoad, catalogSnapshots, loadReport, orgReader, type OrgReader, readEveryRow } from './full-load';
import {
  INTERNAL_FILTER_NAMES,
  type InternalCatalog,
  type InternalEntry,
  type InternalFilterName,
  type Loads,
  putDocument,
} from './row-entries';

/** Documents a re-read reads at once on SQLite (sqliteSelectsNow); more go through knex, a turn of the event loop between queries. */
const AT_ONCE = 10;
/**
 * How long the writer of a term waits for the records that name it to be made again: done within
 * it at 10,000 organizations (3–4 s under load on this project’s 2-core machines); beyond it the rest
 * follows in the background.
 */
const RELABEL_WAIT_MS = 10_000;
/** Puts back the entry held before when the new one reads the same (see sameEntry). */
function keepIfSame<E extends Entry<Named, string>>(map: Map<string, E>, documentId: string, before: E | undefined): void {
  const now = map.get(documentId);
  if (before && now && now !== before && sameEntry(before, now)) map.set(documentId, before);
}

const createProjection = ({ strapi }: { strapi: Core.Strapi }) => {
  let entries = new Map<string, Entry>();
  let internalEntries = new Map<string, InternalEntry>();
  /** Per document, the rows its entries were made of. */
  let rowsRead = new RowCounts();
  let vocabulary: Vocabulary | null = null;
  let internalVocabulary: Vocabulary<InternalFilterName> | null = null;
  let settings: Partial<Record<Locale, DirectorySettings>> = {};
  let synonyms: SynonymGroup[] = [];
  let catalog: Catalog | null = null;
  let internalCatalog: InternalCatalog | null = null;
  /** Per document changed since the last publish, its entries as the current catalogs hold them. */
  const edited = new Map<string, { entry: Entry | undefined; internal: InternalEntry | undefined }>();
  /**
   * Documents whose records name a term relabelled or removed since: re-read by the catch-up after
   * the new vocabulary's publish (or the poll), never by a run a reader or a writer waits for.
   */
  const relabelled = new Set<string>();
  let synonymsChanged = false;
  /** The settings changed since the last publish: a new version, so that their cached bodies go. */
  let settingsChanged = false;
  let rebuilding: Promise<void> | null = null;
  let generation = 0;
  const pending = new Set<string>();
  /**
   * Documents to re-read that readers need not wait for: this instance's own writes while the
   * writer waits for the re-read (applyWrite; until the writer has its answer, readers may keep the
   * catalog as it was), and other instances' writes (a notice, the poll: their writers had their
   * answers before this instance could know). One that cannot be re-read becomes pending (readers
   * then re-read it, or hide it).
   */
  const unawaited = new Set<string>();
  let referenceDirty = true;
  /**
   * This instance's own writes, counted: `marked` when made, `applied` once the catalogs include
   * them. A re-read takes the pending ids before it reads them, so between the two a reader finds
   * nothing pending yet must wait for that re-read (an unpublish is never served stale).
   */
  let marked = 0;
  let applied = 0;
  let work: Promise<void> | null = null;
  let orgFingerprint = '';
  let referenceFingerprint = '';
  /** Since when the poll looks for updated documents: the last look, less a margin (changedSince). */
  let changedFrom = new Date(0);
  let lastSeenId = 0;
  let timer: NodeJS.Timeout | null = null;
  /** A re-read off the request path is waiting to start (it will take every id to re-read); settled when it ends. */
  let catchingUp: Promise<void> | null = null;
  const database = reachability(strapi);
  /** Where the catalogs are kept across boots (snapshot.ts). */
  const snapshot = catalogSnapshots(strapi);

  /** Hides this instance's own writes that could not be re-read: their public state is unknown. */
  async function withholdPending(): Promise<void> {
    let changed = false;
    for (const id of pending) {
      if (!entries.has(id)) continue;
      remember(id);
      entries.delete(id);
      changed = true;
    }
    if (changed) await publish(null);
  }

  /** Brings the catalog up to date for a reader; while the database is away, serves what it has. */
  async function current(): Promise<void> {
    // A re-read already holds this instance's latest writes: wait for it (it settles `work`).
    while (catalog && applied < marked && pending.size === 0 && !referenceDirty && work) await work;
    if (catalog && pending.size === 0 && !referenceDirty) return;
    if (catalog && !database.reachable()) return withholdPending();
    try {
      await run(false, true);
    } catch (error: unknown) {
      if (!catalog || !database.failed(error)) throw error;
      await withholdPending();
    }
  }

  let readHere: OrgReader | null = null;
  /** Made on the first re-read (undefined until then; null: none on this database). */
  let selectsNow: SelectsNow | null | undefined;
  let readNow: OrgReader | null = null;

  async function loadReference(): Promise<void> {
    const next = await readReference(strapi);
    // Kept as the same object when unchanged: a catalog version reached by edits needs no full rebuild.
    if (!vocabulary || JSON.stringify(next.vocabulary) !== JSON.stringify(vocabulary)) {
      if (vocabulary)
        for (const id of await runSliced(naming([entries, internalEntries], changedTerms(vocabulary, next.vocabulary)))) relabelled.add(id);
      vocabulary = next.vocabulary;
      const statuses = LISTING_STATUSES.map((value: ListingStatus) => ({ value, labels: STATUS_LABELS[value] }));
      internalVocabulary = { ...vocabulary, status: statuses };
    }
    if (JSON.stringify(next.synonyms) !== JSON.stringify(synonyms)) {
      synonyms = next.synonyms;
      synonymsChanged = true;
    }
    if (JSON.stringify(next.settings) !== JSON.stringify(settings)) {
      settings = next.settings;
      settingsChanged = true;
    }
  }

  /** Notes a document's entries as the current catalogs hold them, before it changes. */
  function remember(documentId: string): void {
    if (!edited.has(documentId)) edited.set(documentId, { entry: entries.get(documentId), internal: internalEntries.get(documentId) });
  }

  function setDocument(documentId: string, rows: OrganizationRow[]): void {
    remember(documentId);
    rowsRead.set(documentId, rows.length);
    putDocument(entries, internalEntries, documentId, rows);
    // An entry that reads the same as the one the catalog holds is not an edit (a draft saved, for
    // the public catalog; a write that changed nothing either shows).
    const before = edited.get(documentId);
    keepIfSame(entries, documentId, before?.entry);
    keepIfSame(internalEntries, documentId, before?.internal);
  }

  function loadDocuments(documentIds: string[]): Promise<void> {
    if (selectsNow === undefined) selectsNow = sqliteSelectsNow(strapi);
    const read =
      selectsNow && documentIds.length <= AT_ONCE ? (readNow ??= orgReader(strapi, selectsNow)) : (readHere ??= orgReader(strapi));
    return readInPages(read, documentIds, setDocument);
  }

  const nextVersion = () => `${Date.now().toString(36)}.${++generation}`;

  /**
   * Makes the next catalog versions. After a full load (`loads`, its entries), from every entry;
   * otherwise from the current versions and the documents edited since (Catalog.update; built in
   * slices when they are more than a rebuild waits for, the records that name a relabelled term). A
   * new vocabulary comes in with a rebuild off the request path (rebuildLater).
   */
  async function publish(loads: Loads | null): Promise<void> {
    const version = nextVersion();
    // Taken now: edits made while this one is built in slices are the next publish's.
    const edits = [...edited];
    const resynonym = synonymsChanged || settingsChanged;
    edited.clear();
    synonymsChanged = false;
    settingsChanged = false;
    if (loads || !catalog || !internalCatalog) {
      catalog = new Catalog(loads?.public ?? [...entries.values()], vocabulary!, version, undefined, synonyms);
      internalCatalog = new Catalog(
        loads?.internal ?? [...internalEntries.values()],
        internalVocabulary!,
        version,
        INTERNAL_FILTER_NAMES,
        synonyms,
      );
    } else {
      const removed: Entry[] = [];
      const added: Entry[] = [];
      const internalRemoved: InternalEntry[] = [];
      const internalAdded: InternalEntry[] = [];
      for (const [documentId, before] of edits) {
        const entry = entries.get(documentId);
        if (before.entry !== entry) {
          if (before.entry) removed.push(before.entry);
          if (entry) added.push(entry);
        }
        const internal = internalEntries.get(documentId);
        if (before.internal !== internal) {
          if (before.internal) internalRemoved.push(before.internal);
          if (internal) internalAdded.push(internal);
        }
      }
      // A catalog with no edit keeps its version, and with it its cached pages and ETags: most
      // re-reads change one catalog or neither (a draft saved; Strapi's own writes after a save).
      catalog = await withEdits(() => catalog!, removed, added, version, entries.size);
      internalCatalog = await withEdits(() => internalCatalog!, internalRemoved, internalAdded, version, internalEntries.size);
      // The same records under a new version (nothing rebuilt): the synonyms are read per query, and
      // the settings' bodies are cached by version.
      if (resynonym) {
        catalog = catalog.withSynonyms(synonyms, version);
        internalCatalog = internalCatalog.withSynonyms(synonyms, version);
      }
    }
    rebuildLater();
  }

  /**
   * Once enough edits have piled up on the current versions, or a taxonomy term was added, moved or
   * removed, rebuilds them whole in slices of a few milliseconds (requests keep being answered),
   * then swaps the rebuilt ones in, with the edits made meanwhile carried over. Content and version
   * stay the same, and so do ETags, unless the vocabulary changed (its labels are in the facets); a
   * term only relabelled needs no rebuild (Catalog.withVocabulary).
   */
  function rebuildLater(): void {
    // A catch-up to come (the records that name a relabelled term) publishes, then calls this again.
    if (rebuilding || catchingUp || !catalog || !internalCatalog || !vocabulary || !internalVocabulary) return;
    // Labels changed only (the same terms in the same order): the same parts with the new labels, now.
    if (catalog.vocabulary !== vocabulary || internalCatalog.vocabulary !== internalVocabulary) {
      const version = nextVersion();
      if (catalog.vocabulary !== vocabulary) catalog = catalog.withVocabulary(vocabulary, version) ?? catalog;
      if (internalCatalog.vocabulary !== internalVocabulary) {
        internalCatalog = internalCatalog.withVocabulary(internalVocabulary, version) ?? internalCatalog;
      }
    }
    const relabel = catalog.vocabulary !== vocabulary || internalCatalog.vocabulary !== internalVocabulary;
    if (!relabel && !catalog.wantsRebuild && !internalCatalog.wantsRebuild) return;
    const from = catalog;
    const fromInternal = internalCatalog;
    const [to, toInternal] = [vocabulary, internalVocabulary];
    rebuilding = (async () => {
      const rebuilt = await from.rebuilt(undefined, to);
      const rebuiltInternal = await fromInternal.rebuilt(undefined, toInternal);
      // A new vocabulary: the same parts under a new version (withSynonyms keeps the synonyms as they are).
      const version = relabel ? nextVersion() : null;
      await rebaseOnto(
        () => catalog,
        rebuilt,
        from,
        entries.size,
        (next) => {
          catalog = version ? next.withSynonyms(next.synonyms, version) : next;
        },
      );
      await rebaseOnto(
        () => internalCatalog,
        rebuiltInternal,
        fromInternal,
        internalEntries.size,
        (next) => {
          internalCatalog = version ? next.withSynonyms(next.synonyms, version) : next;
        },
      );
    })()
      .catch((e: unknown) => {
        strapi.log.error(`directory: catalog rebuild failed: ${String(e)}`);
      })
      .finally(() => {
        rebuilding = null;
        rebuildLater();
      });
  }

  /** Brings the catalog up to date with local writes (awaited by readers); `remake`: the records that name a relabelled term too. */
  async function sync(full: boolean, remake = false): Promise<void> {
    const looking = Date.now();
    const started = performance.now();
    const fp = await fingerprints(strapi);
    if (referenceDirty || full || !vocabulary) {
      referenceDirty = false;
      try {
        await loadReference();
      } catch (error: unknown) {
        referenceDirty = true;
        throw error;
      }
    }
    const whole = full || !catalog;
    // Every write marked until now is re-read below (its id is pending now, or it was re-read).
    const upTo = marked;
    let loads: Loads | null = null;
    let loaded = 0;
    /** A load from the snapshot: the documents changed since it was made, re-read once its catalogs are built. */
    let restored: FullLoad | null = null;
    let fresh: FullLoad | null = null;
    if (whole) {
      pending.clear();
      unawaited.clear();
      restored = catalog ? null : ((await snapshot?.restore(fp.reference)) ?? null);
      const load = restored ?? (fresh = await readEveryRow(strapi, fp.reference));
      ({ entries, internalEntries, rowsRead } = load);
      edited.clear(); // the catalogs are built from every entry: no edit to apply
      loads = load.state.loads;
      loaded = performance.now();
    } else if (pending.size > 0 || unawaited.size > 0 || (remake && relabelled.size > 0)) {
      const ids = [...new Set([...pending, ...unawaited, ...(remake ? relabelled : [])])];
      pending.clear();
      unawaited.clear();
      if (remake) relabelled.clear();
      try {
        await loadDocuments(ids);
      } catch (error: unknown) {
        for (const id of ids) pending.add(id);
        throw error;
      }
    }
    orgFingerprint = fp.org;
    referenceFingerprint = fp.reference;
    changedFrom = changedSince(fp.latest, looking);
    lastSeenId = fp.maxId;
    // The records that name a relabelled or removed term: made again after this version, which
    // readers need not wait for (a full load made them all); the catalogs take the new vocabulary
    // once they are (rebuildLater waits for the catch-up), so a rebuild, if one is needed, takes them in.
    if (loads) relabelled.clear();
    else if (relabelled.size > 0) catchUpLater();
    await publish(loads);
    const built = performance.now();
    if (restored && restored.stale.length > 0) {
      // Pending meanwhile: never served as the snapshot holds them, even if the re-read fails (readers re-read them, or withhold them).
      for (const id of restored.stale) pending.add(id);
      await loadDocuments(restored.stale);
      for (const id of restored.stale) pending.delete(id);
      await publish(null);
    }
    applied = Math.max(applied, upTo);
    // What a boot spends on the catalogs, for whoever runs the service (a full load is the boot's longest step).
    if (loads) {
      const took = loadReport(restored, [started, loaded, built, performance.now()]);
      strapi.log.info(`directory: catalogs loaded, ${entries.size} public and ${internalEntries.size} staff records: ${took}`);
      if (fresh) snapshot?.save(fresh.state);
    }
  }

  /** Re-reads the documents in `unawaited` and `relabelled` off the request path, after the runs before it (one run for a burst). */
  function catchUpLater(): void {
    if (catchingUp) return;
    catchingUp = (work ?? Promise.resolve())
      .catch(() => undefined)
      .then(() => {
        catchingUp = null;
        return run(false);
      })
      .catch((e: unknown) => {
        strapi.log.warn(`directory: catch-up failed: ${String(e)}`);
        rebuildLater(); // which waited for it
      });
  }

  /** Nothing of this instance's own is left to apply (its writes, the reference types). */
  const upToDate = () => catalog !== null && pending.size === 0 && unawaited.size === 0 && !referenceDirty && applied >= marked;

  /**
   * Syncs after the runs before it. `ifBehind`: skipped when, by its turn, they left nothing to
   * apply. Readers who find a write pending each ask for a run (under 16 connections, every one
   * arriving between a commit and its re-read), and the Content Manager's Publish, which saves and
   * publishes in one transaction, is called back once per write at the commit: the first run takes
   * them all, and each of the others would only query the fingerprints again, on the thread that
   * answers the readers. Only a run no one asked `ifBehind` (the catch-up, the poll) re-reads the
   * records that name a relabelled term: by the thousand, no reader or writer waits for them.
   */
  function run(full: boolean, ifBehind = false): Promise<void> {
    const previous = work ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(() => (ifBehind && upToDate() ? undefined : sync(full, !ifBehind)));
    const settled: Promise<void> = next
      .catch(() => undefined)
      .then(() => {
        if (work === settled) work = null;
      });
    work = settled;
    return next;
  }

  /** Picks up other instances' writes, and notices when the database goes away and comes back. */
  async function poll(): Promise<void> {
    if (work || !catalog) return;
    let fp: Fingerprints;
    try {
      fp = await fingerprints(strapi);
    } catch (error: unknown) {
      if (database.failed(error)) return;
      throw error;
    }
    database.answered();
    if (fp.reference !== referenceFingerprint) referenceDirty = true;
    if (pending.size > 0) return run(false);
    const countsDiffer = !rowsRead.accountFor(fp);
    if (fp.org === orgFingerprint && !referenceDirty && !countsDiffer) return;
    // Documents created, deleted or unpublished elsewhere (a deleted one re-reads as gone).
    if (countsDiffer) for (const id of await recount(strapi, rowsRead)) unawaited.add(id);
    for (const id of await changedDocuments(strapi, changedFrom, lastSeenId)) unawaited.add(id);
    return run(false);
  }

  return {
    /** The current catalog, after applying this instance's own pending writes. */
    async catalog(): Promise<Catalog> {
      await current();
      return catalog!;
    },

    /** Every organization, with confidential fields, for the staff API. */
    async internalCatalog(): Promise<InternalCatalog> {
      await current();
      return internalCatalog!;
    },

    async settings(locale: Locale): Promise<DirectorySettings | null> {
      await current();
      return settings[locale] ?? null;
    },

    /**
     * A write of this instance, through the Document Service, just returned: its document is
     * re-read now and the writer waits for it, so its caller gets an answer once the catalogs hold
     * the write. Readers meanwhile keep the catalog as it was (the write has not answered yet), so
     * none waits behind it. A failure is logged; the document is then pending for readers. A term
     * relabelled or removed: the writer waits too, RELABEL_WAIT_MS at most, for the records that
     * name it (catchUpLater) and the new vocabulary's rebuild (rebuildLater).
     */
    async applyWrite(uid: string, documentId?: string): Promise<void> {
      if (uid === ORG && documentId) unawaited.add(documentId);
      else this.invalidate(uid, documentId);
      await this.settle();
      if (uid === ORG) return;
      const remade = (async () => {
        await catchingUp;
        // The new vocabulary's rebuild starts once one under way (a compaction) has ended.
        while (rebuilding && (catalog?.vocabulary !== vocabulary || internalCatalog?.vocabulary !== internalVocabulary)) await rebuilding;
      })();
      await Promise.race([remade, delay(RELABEL_WAIT_MS, undefined, { ref: false })]);
    },

    /** Applies the pending writes now (after a commit, off the writer's path); a failure is logged. */
    async settle(): Promise<void> {
      try {
        await run(false, true);
      } catch (error: unknown) {
        strapi.log.warn(`directory: re-read after a write failed: ${String(error)}`);
      }
    },

    /** Called by the Document Service middleware after a write. */
    invalidate(uid: string, documentId?: string): void {
      marked++;
      if (uid === ORG && documentId) pending.add(documentId);
      else if (uid === ORG) void run(true).catch((e: unknown) => strapi.log.error(`directory: reload failed: ${String(e)}`));
      else if (REFERENCE_TYPES.includes(uid)) referenceDirty = true;
    },

    /**
     * Another instance wrote these documents (a PostgreSQL notice, notify.ts): re-read them now,
     * off the request path. No ids: every document of the type. Notices of a burst share one re-read.
     */
    changedElsewhere(uid: string, documentIds: string[]): void {
      if (uid === ORG && documentIds.length === 0) {
        void run(true).catch((e: unknown) => strapi.log.error(`directory: reload failed: ${String(e)}`));
        return;
      }
      if (uid === ORG) for (const id of documentIds) unawaited.add(id);
      else if (REFERENCE_TYPES.includes(uid)) referenceDirty = true;
      else return;
      catchUpLater();
    },

    /** One fingerprint check now, as the poll does (when the notification channel is back). */
    catchUp(): Promise<void> {
      return poll();
    },

    /** False from the moment a query finds the database unreachable until one reaches it again. */
    databaseReachable(): boolean {
      return database.reachable();
    },

    /** Asks the database `select 1` (bounded wait); records the answer; throws if unreachable. */
    pingDatabase(): Promise<void> {
      return database.ping();
    },

    async reload(): Promise<void> {
      await run(true);
    },

    start(intervalMs: number): void {
      if (timer || intervalMs <= 0) return;
      timer = setInterval(() => {
        poll().catch((e: unknown) => strapi.log.warn(`directory: refresh check failed: ${String(e)}`));
      }, intervalMs);
      timer.unref();
    },

    /** Settles once the catalogs' snapshot being written, if any, is on disk (or given up). */
    snapshotWritten(): Promise<void> {
      return snapshot?.written() ?? Promise.resolve();
    },

    /** Stops the poll (start() starts it again). */
    stop(): void {
      if (timer) clearInterval(timer);
      timer = null;
    },

    /** At shutdown: the poll, the re-reads' own connection, and a snapshot being written, stopped. */
    close(): void {
      this.stop();
      snapshot?.close();
      selectsNow?.close();
    },

    watches(uid: string): boolean {
      return uid === ORG || REFERENCE_TYPES.includes(uid);
    },
  };
};

export type Projection = ReturnType<typeof createProjection>;
export default createProjection;

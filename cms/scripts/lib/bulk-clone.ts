/**
 * Fast bulk loading of synthetic organizations (benchmarks need 10,000–100,000 of them).
 *
 * Writing a document through the Document Service costs ~160 ms (create en, update fr, publish),
 * so only a small, diverse base set goes that way; every other organization is a copy of a base
 * document made directly in SQL (knex, multi-row inserts, a few large transactions), which costs
 * about a millisecond per organization (SQLite: 10,000 in ~15 s, 100,000 in ~2 min on 2 busy cores):
 *
 * - every row of the base document (locales × draft/published) is copied with a new document id,
 *   fresh timestamps and the caller's changes (slug, external id, name, …);
 * - every component row of those rows is copied (each component row belongs to exactly one entity
 *   row: a clone gets its own rows, so editing it never touches its base) together with the row of
 *   the component join table (`<table>_cmps`: entity_id, cmp_id, component_type, field, order);
 * - every relation link row (`<table>_<attribute>_lnk`) is copied for the new row id.
 *
 * Tables and columns are derived from `strapi.db.metadata`, not hard-coded. Ids are allocated in
 * the transaction: from the table's sequence on PostgreSQL (so concurrent writers never collide),
 * from max(id) + 1 elsewhere (SQLite serializes writers; AUTOINCREMENT follows explicit ids).
 * Works on SQLite and PostgreSQL (knex only, except the one-line sequence reservation).
 */
import { randomBytes } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { seed, type SeedReport } from './seed';
import type { Fixtures, OrganizationFixture } from './fixtures';
import { generateOrganizations } from './generate';

type Knex = Core.Strapi['db']['connection'];
type Row = Record<string, unknown>;

export const ORGANIZATION_UID = 'api::organization.organization';

// ---------------------------------------------------------------------------------------------
// The plan: which tables hold a document, found from Strapi's metadata.

export interface ComponentTable {
  uid: string;
  table: string;
  /** attribute name → column name */
  columns: Map<string, string>;
}

export interface LinkTable {
  attribute: string;
  table: string;
  /** Column holding this document's row id. */
  ownerColumn: string;
  /** Column holding the target's id. */
  targetColumn: string;
  /** Position of this row in the target's inverse list (renumbered for clones), if any. */
  inverseOrderColumn: string | null;
}

export interface ClonePlan {
  uid: string;
  table: string;
  /** attribute name → column name (scalar attributes and own foreign keys). */
  columns: Map<string, string>;
  documentIdColumn: string;
  createdAtColumn: string;
  updatedAtColumn: string;
  publishedAtColumn: string | null;
  localeColumn: string | null;
  /** The component join table, if the type has components. */
  cmps: null | {
    table: string;
    entityColumn: string;
    cmpColumn: string;
    typeColumn: string;
    fieldColumn: string;
  };
  components: Map<string, ComponentTable>;
  links: LinkTable[];
  /** Attributes deliberately not copied, with why (printed by describeClonePlan). */
  skipped: string[];
}

type Meta = {
  tableName: string;
  attributes: Record<string, {
    type: string; columnName?: string; relation?: string; target?: string; mappedBy?: string;
    unstable_virtual?: boolean; morphBy?: string;
    joinColumn?: { name: string; referencedTable?: string };
    joinTable?: {
      name: string; joinColumn: { name: string }; inverseJoinColumn: { name: string };
      on?: Record<string, unknown>; pivotColumns?: string[]; inverseOrderColumnName?: string; morphColumn?: unknown;
    };
  }>;
};

function meta(strapi: Core.Strapi, uid: string): Meta {
  return strapi.db.metadata.get(uid as never) as unknown as Meta;
}

const isComponentUid = (strapi: Core.Strapi, uid: string | undefined): boolean =>
  !!uid && uid in strapi.components;

function componentTable(strapi: Core.Strapi, uid: string): ComponentTable {
  const m = meta(strapi, uid);
  const columns = new Map<string, string>();
  for (const [name, a] of Object.entries(m.attributes)) {
    if (a.joinTable || a.morphBy || (a.type === 'relation' && !a.joinColumn)) {
      throw new Error(`bulk-clone: component ${uid} has a nested component or relation (${name}); not supported`);
    }
    if (a.columnName) columns.set(name, a.columnName);
  }
  return { uid, table: m.tableName, columns };
}

export function clonePlan(strapi: Core.Strapi, uid: string = ORGANIZATION_UID): ClonePlan {
  const m = meta(strapi, uid);
  const plan: ClonePlan = {
    uid, table: m.tableName, columns: new Map(), documentIdColumn: '', createdAtColumn: '', updatedAtColumn: '',
    publishedAtColumn: null, localeColumn: null, cmps: null, components: new Map(), links: [], skipped: [],
  };
  for (const [name, a] of Object.entries(m.attributes)) {
    if (a.columnName) { plan.columns.set(name, a.columnName); continue; }
    if (a.unstable_virtual) { plan.skipped.push(`${name} (virtual)`); continue; }
    if (a.type === 'relation' && a.joinColumn && !a.joinTable) {
      // A foreign key on this table (createdBy, updatedBy): copied with the row.
      plan.columns.set(name, a.joinColumn.name);
      continue;
    }
    const jt = a.joinTable;
    if (!jt) { plan.skipped.push(`${name} (${a.type}, no table)`); continue; }
    if (jt.morphColumn || a.morphBy) throw new Error(`bulk-clone: ${uid}.${name} is a polymorphic relation; not supported`);
    if (isComponentUid(strapi, a.target) || a.type === 'dynamiczone') {
      const pivots = jt.pivotColumns ?? [];
      const on = Object.keys(jt.on ?? {});
      const fieldColumn = on[0] ?? 'field';
      const typeColumn = pivots.find((c) => c !== jt.joinColumn.name && c !== jt.inverseJoinColumn.name && !on.includes(c)) ?? 'component_type';
      const cmps = { table: jt.name, entityColumn: jt.joinColumn.name, cmpColumn: jt.inverseJoinColumn.name, typeColumn, fieldColumn };
      if (plan.cmps && JSON.stringify(plan.cmps) !== JSON.stringify(cmps)) {
        throw new Error(`bulk-clone: ${uid} uses two component join tables (${plan.cmps.table}, ${jt.name})`);
      }
      plan.cmps = cmps;
      if (a.target && !plan.components.has(a.target)) plan.components.set(a.target, componentTable(strapi, a.target));
      continue;
    }
    if (a.mappedBy) {
      // The inverse side of another type's relation (e.g. a suggestion's organization): a copy has none.
      plan.skipped.push(`${name} (inverse side of ${a.target}.${a.mappedBy})`);
      continue;
    }
    if (a.relation === 'oneToOne' || a.relation === 'oneToMany') {
      throw new Error(`bulk-clone: ${uid}.${name} is ${a.relation}; copying it would give its targets two owners`);
    }
    plan.links.push({
      attribute: name,
      table: jt.name,
      ownerColumn: jt.joinColumn.name,
      targetColumn: jt.inverseJoinColumn.name,
      inverseOrderColumn: jt.inverseOrderColumnName ?? null,
    });
  }
  const col = (attr: string) => plan.columns.get(attr) ?? null;
  plan.documentIdColumn = col('documentId') ?? 'document_id';
  plan.createdAtColumn = col('createdAt') ?? 'created_at';
  plan.updatedAtColumn = col('updatedAt') ?? 'updated_at';
  plan.publishedAtColumn = col('publishedAt');
  plan.localeColumn = col('locale');
  return plan;
}

/** One line per table, for logs and for checking what the cloner will touch. */
export function describeClonePlan(plan: ClonePlan): string {
  const lines = [`${plan.uid}: rows in ${plan.table} (${plan.columns.size} columns)`];
  if (plan.cmps) {
    lines.push(`  components via ${plan.cmps.table} (${plan.cmps.entityColumn}, ${plan.cmps.cmpColumn}, ${plan.cmps.typeColumn}, ${plan.cmps.fieldColumn}):`);
    for (const c of plan.components.values()) lines.push(`    ${c.uid} → ${c.table}`);
  }
  for (const l of plan.links) {
    lines.push(`  ${l.attribute} → ${l.table} (${l.ownerColumn} → ${l.targetColumn}${l.inverseOrderColumn ? `, inverse order ${l.inverseOrderColumn}` : ''})`);
  }
  if (plan.skipped.length > 0) lines.push(`  not copied: ${plan.skipped.join(', ')}`);
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------
// Ids.

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
class IdAllocator {
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

// ---------------------------------------------------------------------------------------------
// Reading the base documents.

interface BaseDocument {
  documentId: string;
  rows: Row[];
  /** entity row id → its component join rows */
  cmps: Map<number, Row[]>;
  /** link table → entity row id → link rows */
  links: Map<string, Map<number, Row[]>>;
}

const IN_CHUNK = 500;

async function selectIn(knex: Knex, table: string, column: string, values: unknown[]): Promise<Row[]> {
  const out: Row[] = [];
  for (let i = 0; i < values.length; i += IN_CHUNK) {
    out.push(...((await knex(table).select('*').whereIn(column, values.slice(i, i + IN_CHUNK) as never[]).orderBy('id')) as Row[]));
  }
  return out;
}

function groupBy(rows: Row[], column: string): Map<number, Row[]> {
  const out = new Map<number, Row[]>();
  for (const r of rows) {
    const k = Number(r[column]);
    const list = out.get(k);
    if (list) list.push(r);
    else out.set(k, [r]);
  }
  return out;
}

interface BaseSet {
  docs: Map<string, BaseDocument>;
  /** `${componentType}:${id}` → component row */
  components: Map<string, Row>;
}

async function loadBase(knex: Knex, plan: ClonePlan, documentIds: string[]): Promise<BaseSet> {
  const rows = await selectIn(knex, plan.table, plan.documentIdColumn, documentIds);
  const docs = new Map<string, BaseDocument>();
  for (const id of documentIds) docs.set(id, { documentId: id, rows: [], cmps: new Map(), links: new Map() });
  for (const r of rows) docs.get(String(r[plan.documentIdColumn]))!.rows.push(r);
  for (const d of docs.values()) if (d.rows.length === 0) throw new Error(`bulk-clone: no rows for base document ${d.documentId}`);
  const rowIds = rows.map((r) => Number(r.id));
  const rowDoc = new Map(rows.map((r) => [Number(r.id), docs.get(String(r[plan.documentIdColumn]))!]));

  const components = new Map<string, Row>();
  if (plan.cmps) {
    const { table, entityColumn, cmpColumn, typeColumn } = plan.cmps;
    const cmps = await selectIn(knex, table, entityColumn, rowIds);
    for (const [entity, list] of groupBy(cmps, entityColumn)) rowDoc.get(entity)!.cmps.set(entity, list);
    const byType = new Map<string, number[]>();
    for (const c of cmps) {
      const type = String(c[typeColumn]);
      if (!plan.components.has(type)) throw new Error(`bulk-clone: unknown component type ${type} in ${table}`);
      (byType.get(type) ?? byType.set(type, []).get(type)!).push(Number(c[cmpColumn]));
    }
    for (const [type, ids] of byType) {
      for (const r of await selectIn(knex, plan.components.get(type)!.table, 'id', [...new Set(ids)])) components.set(`${type}:${r.id}`, r);
    }
    for (const c of cmps) {
      if (!components.has(`${c[typeColumn]}:${c[cmpColumn]}`)) throw new Error(`bulk-clone: dangling component ${c[typeColumn]} ${c[cmpColumn]}`);
    }
  }
  for (const l of plan.links) {
    const links = await selectIn(knex, l.table, l.ownerColumn, rowIds);
    for (const [entity, list] of groupBy(links, l.ownerColumn)) {
      const doc = rowDoc.get(entity)!;
      (doc.links.get(l.table) ?? doc.links.set(l.table, new Map()).get(l.table)!).set(entity, list);
    }
  }
  return { docs, components };
}

// ---------------------------------------------------------------------------------------------
// Cloning.

export interface RowContext {
  /** The caller's request. */
  request: CloneRequest;
  /** The base row being copied, by attribute name (raw database values). */
  base: Row;
  locale: string | null;
  published: boolean;
}

export interface ComponentContext {
  request: CloneRequest;
  componentUid: string;
  /** The field of the document holding the component. */
  field: string;
  /** The base component row, by attribute name (raw database values). */
  base: Row;
}

export interface CloneRequest {
  /** The document to copy. */
  baseDocumentId: string;
  /** Anything the callbacks need (e.g. the clone's number). */
  data?: unknown;
}

export interface CloneOptions {
  /** Changes to each copied document row, by attribute name (e.g. slug, externalId, name). */
  row?: (ctx: RowContext) => Row;
  /** Changes to each copied component row, by attribute name. */
  component?: (ctx: ComponentContext) => Row;
  /** Documents per transaction (default 5,000). */
  transactionSize?: number;
  /** Documents per group of inserts (default 200). */
  chunkSize?: number;
  onProgress?: (done: number, total: number) => void;
}

export interface CloneResult {
  documents: number;
  rows: number;
  componentRows: number;
  linkRows: number;
  ms: number;
}

/** Bound variables per INSERT statement: well under SQLite's (32,766) and PostgreSQL's (65,535) limits. */
const MAX_BINDINGS = 16000;

/**
 * Multi-row INSERT … VALUES (…), (…) through knex.raw (identifiers quoted by knex, values bound):
 * standard SQL that SQLite and PostgreSQL both run. knex's query builder writes multi-row inserts
 * on SQLite as a compound SELECT (at most 500 rows per statement).
 */
async function insertMany(trx: Knex, table: string, rows: Row[]): Promise<void> {
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
      await trx.raw(head + Array(slice.length).fill(tuple).join(', '), bindings as never[]);
    } catch (error) {
      // The driver's message quotes the whole statement (hundreds of KB): keep the gist.
      const e = error as Error & { code?: string };
      const gist = e.message.length > 300 ? `${e.message.slice(0, 150)} … ${e.message.slice(-150)}` : e.message;
      throw new Error(`bulk-clone: insert into ${table} failed (${e.code ?? 'error'}): ${gist}`);
    }
  }
}

/** A fresh timestamp stored the way this database stores the sample (epoch ms on SQLite, Date on PostgreSQL). */
function timestampLike(sample: unknown, now: Date): unknown {
  if (typeof sample === 'number') return now.getTime();
  if (typeof sample === 'string') return /^\d+$/.test(sample) ? String(now.getTime()) : now.toISOString();
  return now;
}

function byAttribute(row: Row, columns: Map<string, string>): Row {
  const out: Row = {};
  for (const [attr, column] of columns) if (column in row) out[attr] = row[column];
  return out;
}

function applyChanges(target: Row, changes: Row | undefined, columns: Map<string, string>, what: string): void {
  if (!changes) return;
  for (const [attr, value] of Object.entries(changes)) {
    const column = columns.get(attr);
    if (!column) throw new Error(`bulk-clone: ${what} has no attribute ${attr}`);
    target[column] = value;
  }
}

/**
 * Creates one new document per request, each a copy of its base document (all its rows,
 * components and relations), in a few transactions. Returns what was written.
 */
export async function cloneDocuments(
  strapi: Core.Strapi, uid: string, requests: CloneRequest[], options: CloneOptions = {},
): Promise<CloneResult> {
  const started = Date.now();
  const plan = clonePlan(strapi, uid);
  const knex = strapi.db.connection;
  const base = await loadBase(knex, plan, [...new Set(requests.map((r) => r.baseDocumentId))]);
  const result: CloneResult = { documents: 0, rows: 0, componentRows: 0, linkRows: 0, ms: 0 };
  const txSize = options.transactionSize ?? 5000;
  const chunkSize = options.chunkSize ?? 200;

  // Last position in each target's inverse list (e.g. a focus area's organizations), per link table.
  // Read once: a concurrent writer could at worst give two rows the same position (harmless).
  const inverseOrder = new Map<string, Map<number, number>>();
  for (const l of plan.links) {
    if (!l.inverseOrderColumn) continue;
    const rows = (await knex(l.table).select(l.targetColumn).max({ m: l.inverseOrderColumn }).groupBy(l.targetColumn)) as Row[];
    inverseOrder.set(l.table, new Map(rows.map((r) => [Number(r[l.targetColumn]), Number(r.m ?? 0)])));
  }

  for (let t = 0; t < requests.length; t += txSize) {
    const txRequests = requests.slice(t, t + txSize);
    await knex.transaction(async (trx) => {
      const ids = new IdAllocator(trx);

      for (let c = 0; c < txRequests.length; c += chunkSize) {
        const chunk = txRequests.slice(c, c + chunkSize);
        const now = new Date();
        let rowCount = 0;
        for (const req of chunk) rowCount += base.docs.get(req.baseDocumentId)!.rows.length;
        const rowIds = await ids.take(plan.table, rowCount);

        const docRows: Row[] = [];
        const cmpRows: Row[] = [];
        const componentRows = new Map<string, Row[]>(); // component uid → rows (ids set below)
        const pendingCmps: Array<{ cmp: Row; type: string; row: Row }> = [];
        const linkRows = new Map<string, Row[]>();
        let next = 0;
        for (const req of chunk) {
          const doc = base.docs.get(req.baseDocumentId)!;
          const documentId = newDocumentId();
          for (const b of doc.rows) {
            const id = rowIds[next++]!;
            const row: Row = { ...b, id, [plan.documentIdColumn]: documentId };
            row[plan.createdAtColumn] = timestampLike(b[plan.createdAtColumn], now);
            row[plan.updatedAtColumn] = timestampLike(b[plan.updatedAtColumn], now);
            const published = !!(plan.publishedAtColumn && b[plan.publishedAtColumn] != null);
            if (published) row[plan.publishedAtColumn!] = timestampLike(b[plan.publishedAtColumn!], now);
            const locale = plan.localeColumn ? (b[plan.localeColumn] as string | null) : null;
            applyChanges(row, options.row?.({ request: req, base: byAttribute(b, plan.columns), locale, published }), plan.columns, uid);
            docRows.push(row);

            for (const cmp of doc.cmps.get(Number(b.id)) ?? []) {
              const type = String(cmp[plan.cmps!.typeColumn]);
              const table = plan.components.get(type)!;
              const source = base.components.get(`${type}:${cmp[plan.cmps!.cmpColumn]}`)!;
              const copy: Row = { ...source };
              delete copy.id;
              applyChanges(copy, options.component?.({
                request: req, componentUid: type, field: String(cmp[plan.cmps!.fieldColumn]), base: byAttribute(source, table.columns),
              }), table.columns, type);
              (componentRows.get(type) ?? componentRows.set(type, []).get(type)!).push(copy);
              const joinRow: Row = { ...cmp, [plan.cmps!.entityColumn]: id };
              delete joinRow.id;
              pendingCmps.push({ cmp: joinRow, type, row: copy });
            }
            for (const l of plan.links) {
              for (const link of doc.links.get(l.table)?.get(Number(b.id)) ?? []) {
                const copy: Row = { ...link, [l.ownerColumn]: id };
                delete copy.id;
                if (l.inverseOrderColumn) {
                  const order = inverseOrder.get(l.table)!;
                  const target = Number(link[l.targetColumn]);
                  const position = (order.get(target) ?? 0) + 1;
                  order.set(target, position);
                  copy[l.inverseOrderColumn] = position;
                }
                (linkRows.get(l.table) ?? linkRows.set(l.table, []).get(l.table)!).push(copy);
              }
            }
          }
        }

        await insertMany(trx, plan.table, docRows);
        for (const [type, rows] of componentRows) {
          const newIds = await ids.take(plan.components.get(type)!.table, rows.length);
          rows.forEach((r, i) => { r.id = newIds[i]; });
          await insertMany(trx, plan.components.get(type)!.table, rows);
          result.componentRows += rows.length;
        }
        if (plan.cmps && pendingCmps.length > 0) {
          for (const p of pendingCmps) { p.cmp[plan.cmps.cmpColumn] = p.row.id; cmpRows.push(p.cmp); }
          const cmpIds = await ids.take(plan.cmps.table, cmpRows.length);
          cmpRows.forEach((r, i) => { r.id = cmpIds[i]; });
          await insertMany(trx, plan.cmps.table, cmpRows);
        }
        for (const [table, rows] of linkRows) {
          const linkIds = await ids.take(table, rows.length);
          rows.forEach((r, i) => { r.id = linkIds[i]; });
          await insertMany(trx, table, rows);
          result.linkRows += rows.length;
        }
        result.documents += chunk.length;
        result.rows += docRows.length;
        options.onProgress?.(result.documents, requests.length);
      }
    });
  }
  result.ms = Date.now() - started;
  return result;
}

// ---------------------------------------------------------------------------------------------
// Synthetic organizations: B written through the Document Service, the rest cloned from them.

export const SYNTHETIC_PREFIX = 'synthetic-';
export const DEFAULT_BASE_SIZE = 200;

export const syntheticKey = (n: number): string => String(n).padStart(6, '0');
/** Synthetic organization n (1-based) beyond the base set is a copy of base organization baseOf(n). */
export const baseOf = (n: number, baseSize: number): number => ((n - 1) % baseSize) + 1;

/** The numbers of the synthetic organizations already in the database. */
export async function existingSyntheticNumbers(strapi: Core.Strapi): Promise<Set<number>> {
  const plan = clonePlan(strapi, ORGANIZATION_UID);
  const column = plan.columns.get('externalId')!;
  const rows = (await strapi.db.connection(plan.table).distinct(column).where(column, 'like', `${SYNTHETIC_PREFIX}%`)) as Row[];
  const out = new Set<number>();
  for (const r of rows) {
    const m = /^synthetic-(\d+)$/.exec(String(r[column]));
    if (m) out.add(Number(m[1]));
  }
  return out;
}

// More words than the generator's, so copies of one base record get different names.
const ADJ_EN = ['Harbour', 'Northern Light', 'Safe Passage', 'Cedar', 'Aurora', 'Beacon', 'Willow', 'Riverbend', 'Élan', 'Horizon',
  'Maple', 'Lakeshore', 'Prairie', 'Tidewater', 'Evergreen', 'Summit', 'Birch', 'Compass', 'Hearth', 'Lantern', 'Meadow', 'Bridgeway'];
const ADJ_FR = ['du Havre', 'Lumière du Nord', 'Passage sûr', 'du Cèdre', 'Aurore', 'Phare', 'du Saule', 'Méandre', 'Élan', 'Horizon',
  "de l'Érable", 'du Rivage', 'des Prairies', 'des Marées', 'Toujours vert', 'du Sommet', 'du Bouleau', 'Boussole', 'du Foyer', 'Lanterne',
  'de la Prairie', 'Passerelle'];
const NOUNS_EN = ['House', 'Centre', 'Network', 'Collective', 'Alliance', 'Services', 'Place', 'Circle', 'Hub', 'Coalition', 'Refuge', 'Outreach'];
const NOUNS_FR = ['Maison', 'Centre', 'Réseau', 'Collectif', 'Alliance', 'Services', 'Carrefour', 'Cercle', 'Pôle', 'Coalition', 'Refuge', 'Entraide'];

/** Name, slug, external id and every occurrence of the base number, for synthetic organization n. */
function syntheticChanges(baseFixtures: OrganizationFixture[], baseSize: number) {
  const keep = new Set(['id', 'documentId', 'locale']);
  const renumber = (values: Row, from: string, to: string): Row => {
    const out: Row = {};
    for (const [k, v] of Object.entries(values)) {
      if (!keep.has(k) && typeof v === 'string' && v.includes(from)) out[k] = v.split(from).join(to);
    }
    return out;
  };
  return {
    row: ({ request, base, locale }: RowContext): Row => {
      const n = request.data as number;
      const b = baseOf(n, baseSize);
      const key = syntheticKey(n);
      const fixture = baseFixtures[b - 1]!;
      const city = fixture.locations[0]?.city ?? fixture.serviceAreas[0]?.province ?? '';
      // Mixes the number so neighbours differ in both words.
      const adj = (n * 7 + Math.floor(n / 13)) % ADJ_EN.length;
      const noun = (n * 5 + Math.floor(n / 11)) % NOUNS_EN.length;
      const name = locale === 'fr'
        ? `${NOUNS_FR[noun]} ${ADJ_FR[adj]} ${city} ${key}`
        : `${ADJ_EN[adj]} ${NOUNS_EN[noun]} ${city} ${key}`;
      return {
        ...renumber(base, syntheticKey(b), key),
        name,
        slug: `${SYNTHETIC_PREFIX}${key}`,
        externalId: `${SYNTHETIC_PREFIX}${key}`,
      };
    },
    component: ({ request, base }: ComponentContext): Row => {
      const n = request.data as number;
      return renumber(base, syntheticKey(baseOf(n, baseSize)), syntheticKey(n));
    },
  };
}

export interface SyntheticOptions {
  /** Synthetic organizations wanted in total (synthetic-000001 … synthetic-N). */
  total: number;
  /** The demo fixtures: their taxonomies and settings (re-applied, idempotently, by the base pass). */
  fixtures: Pick<Fixtures, 'taxonomies' | 'settings'>;
  /** Written through the Document Service (default min(total, 200)). */
  baseSize?: number;
  transactionSize?: number;
  log?: (line: string) => void;
}

export interface SyntheticReport {
  total: number;
  existing: number;
  baseWritten: number;
  cloned: CloneResult | null;
  seedReport: SeedReport | null;
  ms: number;
}

/**
 * Brings the database to `total` synthetic organizations: the missing base organizations through
 * the Document Service (as `seed` writes them), the missing others as SQL copies of their base.
 * Idempotent: organizations already present (by external id) are left alone.
 */
export async function seedSynthetic(strapi: Core.Strapi, options: SyntheticOptions): Promise<SyntheticReport> {
  const started = Date.now();
  const log = options.log ?? (() => undefined);
  const total = options.total;
  const baseSize = Math.min(total, options.baseSize ?? DEFAULT_BASE_SIZE);
  const report: SyntheticReport = { total, existing: 0, baseWritten: 0, cloned: null, seedReport: null, ms: 0 };
  if (total <= 0) return report;

  const existing = await existingSyntheticNumbers(strapi);
  report.existing = [...existing].filter((n) => n <= total).length;
  const baseFixtures = generateOrganizations(baseSize, options.fixtures.taxonomies);
  const missingBase = baseFixtures.filter((_, i) => !existing.has(i + 1));
  if (missingBase.length > 0) {
    const t0 = Date.now();
    report.seedReport = await seed(strapi, {
      taxonomies: options.fixtures.taxonomies,
      settings: options.fixtures.settings,
      organizations: missingBase, protocols: [], applications: [], suggestions: [], searchSynonyms: [],
    });
    if (report.seedReport.rejected.length > 0) {
      const r = report.seedReport.rejected[0]!;
      throw new Error(`synthetic base rejected: ${r.record}: ${r.field} ${r.message}`);
    }
    report.baseWritten = missingBase.length;
    log(`seed: ${missingBase.length} base synthetic organizations through the Document Service in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  }

  const wanted: number[] = [];
  for (let n = baseSize + 1; n <= total; n++) if (!existing.has(n)) wanted.push(n);
  if (wanted.length > 0) {
    const plan = clonePlan(strapi, ORGANIZATION_UID);
    log(describeClonePlan(plan));
    const extColumn = plan.columns.get('externalId')!;
    const keys = baseFixtures.map((o) => o.externalId);
    const rows = (await strapi.db.connection(plan.table).distinct(extColumn, plan.documentIdColumn).whereIn(extColumn, keys)) as Row[];
    const docOf = new Map(rows.map((r) => [String(r[extColumn]), String(r[plan.documentIdColumn])]));
    const requests: CloneRequest[] = wanted.map((n) => {
      const key = keys[baseOf(n, baseSize) - 1]!;
      const baseDocumentId = docOf.get(key);
      if (!baseDocumentId) throw new Error(`synthetic base ${key} is missing`);
      return { baseDocumentId, data: n };
    });
    const changes = syntheticChanges(baseFixtures, baseSize);
    let lastLog = 0;
    report.cloned = await cloneDocuments(strapi, ORGANIZATION_UID, requests, {
      ...changes,
      transactionSize: options.transactionSize,
      onProgress: (done, all) => {
        if (done === all || done - lastLog >= 10000) { lastLog = done; log(`seed: ${done}/${all} cloned`); }
      },
    });
    const c = report.cloned;
    log(`seed: ${c.documents} synthetic organizations cloned in SQL in ${(c.ms / 1000).toFixed(1)} s `
      + `(${c.rows} rows, ${c.componentRows} component rows, ${c.linkRows} relation rows)`);
  }
  report.ms = Date.now() - started;
  return report;
}

/**
 * Copies of existing documents, written in bulk SQL (benchmarks need 10,000–100,000 organizations):
 * every row of the base document (locales × draft/published) is copied with a new document id,
 * fresh timestamps and the caller's changes (slug, external id, name, …); every component row of
 * those rows is copied (a clone gets its own rows, so editing it never touches its base) with its
 * join row; every relation link row is copied for the new row id. About a millisecond per document
 * (SQLite: 10,000 in ~15 s on 2 busy cores).
 */
import type { Core } from '@strapi/strapi';
import { documentTables, type DocumentTables, type Row } from './bulk-tables';
import {
  IdAllocator,
  newDocumentId,
  timestampLike,
  writeRows,
  type Knex,
  type NewComponent,
  type NewLink,
  type NewRow,
} from './bulk-write';

interface BaseDocument {
  documentId: string;
  rows: Row[];
  /** entity row id → its component join rows */
  cmps: Map<number, Row[]>;
  /** link table → entity row id → link rows */
  links: Map<string, Map<number, Row[]>>;
}

interface BaseSet {
  docs: Map<string, BaseDocument>;
  /** `${componentType}:${id}` → component row */
  components: Map<string, Row>;
}

const IN_CHUNK = 500;

async function selectIn(knex: Knex, table: string, column: string, values: ReadonlyArray<string | number>): Promise<Row[]> {
  const out: Row[] = [];
  for (let i = 0; i < values.length; i += IN_CHUNK) {
    out.push(
      ...((await knex(table)
        .select('*')
        .whereIn(column, values.slice(i, i + IN_CHUNK))
        .orderBy('id')) as Row[]),
    );
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

async function loadComponents(
  knex: Knex,
  plan: DocumentTables,
  rowIds: number[],
  rowDoc: Map<number, BaseDocument>,
): Promise<Map<string, Row>> {
  const components = new Map<string, Row>();
  if (!plan.cmps) return components;
  const { table, entityColumn, cmpColumn, typeColumn } = plan.cmps;
  const cmps = await selectIn(knex, table, entityColumn, rowIds);
  for (const [entity, list] of groupBy(cmps, entityColumn)) rowDoc.get(entity)!.cmps.set(entity, list);
  const byType = new Map<string, number[]>();
  for (const c of cmps) {
    const type = String(c[typeColumn]);
    if (!plan.components.has(type)) throw new Error(`bulk clone: unknown component type ${type} in ${table}`);
    (byType.get(type) ?? byType.set(type, []).get(type)!).push(Number(c[cmpColumn]));
  }
  for (const [type, ids] of byType) {
    for (const r of await selectIn(knex, plan.components.get(type)!.table, 'id', [...new Set(ids)])) components.set(`${type}:${r.id}`, r);
  }
  for (const c of cmps) {
    if (!components.has(`${c[typeColumn]}:${c[cmpColumn]}`))
      throw new Error(`bulk clone: dangling component ${c[typeColumn]} ${c[cmpColumn]}`);
  }
  return components;
}

async function loadBase(knex: Knex, plan: DocumentTables, documentIds: string[]): Promise<BaseSet> {
  const rows = await selectIn(knex, plan.table, plan.documentIdColumn, documentIds);
  const docs = new Map<string, BaseDocument>();
  for (const id of documentIds) docs.set(id, { documentId: id, rows: [], cmps: new Map(), links: new Map() });
  for (const r of rows) docs.get(String(r[plan.documentIdColumn]))!.rows.push(r);
  for (const d of docs.values()) if (d.rows.length === 0) throw new Error(`bulk clone: no rows for base document ${d.documentId}`);
  const rowIds = rows.map((r) => Number(r.id));
  const rowDoc = new Map(rows.map((r) => [Number(r.id), docs.get(String(r[plan.documentIdColumn]))!]));
  const components = await loadComponents(knex, plan, rowIds, rowDoc);
  for (const l of plan.links) {
    const links = await selectIn(knex, l.table, l.ownerColumn, rowIds);
    for (const [entity, list] of groupBy(links, l.ownerColumn)) {
      const doc = rowDoc.get(entity)!;
      (doc.links.get(l.table) ?? doc.links.set(l.table, new Map()).get(l.table)!).set(entity, list);
    }
  }
  return { docs, components };
}

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

function byAttribute(row: Row, columns: Map<string, string>): Row {
  const out: Row = {};
  for (const [attr, column] of columns) if (column in row) out[attr] = row[column];
  return out;
}

function applyChanges(target: Row, changes: Row | undefined, columns: Map<string, string>, what: string): void {
  if (!changes) return;
  for (const [attr, value] of Object.entries(changes)) {
    const column = columns.get(attr);
    if (!column) throw new Error(`bulk clone: ${what} has no attribute ${attr}`);
    target[column] = value;
  }
}

const withoutId = (row: Row): Row => {
  const { id: _id, ...rest } = row;
  return rest;
};

/** The rows of one copy of a base document, as the bulk writer takes them. */
function copyOf(plan: DocumentTables, base: BaseSet, doc: BaseDocument, req: CloneRequest, options: CloneOptions, now: Date): NewRow[] {
  const documentId = newDocumentId();
  return doc.rows.map((b): NewRow => {
    const values: Row = { ...withoutId(b), [plan.documentIdColumn]: documentId };
    values[plan.createdAtColumn] = timestampLike(b[plan.createdAtColumn], now);
    values[plan.updatedAtColumn] = timestampLike(b[plan.updatedAtColumn], now);
    const published = !!(plan.publishedAtColumn && b[plan.publishedAtColumn] != null);
    if (published) values[plan.publishedAtColumn!] = timestampLike(b[plan.publishedAtColumn!], now);
    const locale = plan.localeColumn ? (b[plan.localeColumn] as string | null) : null;
    applyChanges(values, options.row?.({ request: req, base: byAttribute(b, plan.columns), locale, published }), plan.columns, plan.uid);

    const components = (doc.cmps.get(Number(b.id)) ?? []).map((cmp): NewComponent => {
      const type = String(cmp[plan.cmps!.typeColumn]);
      const table = plan.components.get(type)!;
      const source = base.components.get(`${type}:${cmp[plan.cmps!.cmpColumn]}`)!;
      const field = String(cmp[plan.cmps!.fieldColumn]);
      const copy = withoutId(source);
      applyChanges(
        copy,
        options.component?.({ request: req, componentUid: type, field, base: byAttribute(source, table.columns) }),
        table.columns,
        type,
      );
      return { type, field, order: Number(cmp[plan.cmps!.orderColumn] ?? 0), values: copy };
    });
    const links: NewLink[] = [];
    for (const l of plan.links) {
      for (const link of doc.links.get(l.table)?.get(Number(b.id)) ?? []) {
        links.push({ link: l, targetId: Number(link[l.targetColumn]), order: l.orderColumn ? Number(link[l.orderColumn] ?? 0) : 0 });
      }
    }
    return { values, components, links };
  });
}

/**
 * Creates one new document per request, each a copy of its base document (all its rows,
 * components and relations), in a few transactions. Returns what was written.
 */
export async function cloneDocuments(
  strapi: Core.Strapi,
  uid: string,
  requests: CloneRequest[],
  options: CloneOptions = {},
): Promise<CloneResult> {
  const started = Date.now();
  const plan = documentTables(strapi, uid);
  const knex = strapi.db.connection;
  const base = await loadBase(knex, plan, [...new Set(requests.map((r) => r.baseDocumentId))]);
  const result: CloneResult = { documents: 0, rows: 0, componentRows: 0, linkRows: 0, ms: 0 };
  const txSize = options.transactionSize ?? 5000;
  const chunkSize = options.chunkSize ?? 200;

  for (let t = 0; t < requests.length; t += txSize) {
    const txRequests = requests.slice(t, t + txSize);
    await knex.transaction(async (trx) => {
      const ids = new IdAllocator(trx);
      for (let c = 0; c < txRequests.length; c += chunkSize) {
        const chunk = txRequests.slice(c, c + chunkSize);
        const now = new Date();
        const rows = chunk.flatMap((req) => copyOf(plan, base, base.docs.get(req.baseDocumentId)!, req, options, now));
        const counts = await writeRows(trx, plan, ids, rows);
        result.documents += chunk.length;
        result.rows += counts.rows;
        result.componentRows += counts.componentRows;
        result.linkRows += counts.linkRows;
        options.onProgress?.(result.documents, requests.length);
      }
    });
  }
  result.ms = Date.now() - started;
  return result;
}

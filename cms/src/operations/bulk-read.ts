/**
 * Reads whole documents (every row: locales × draft/published) with their components and
 * relations in a few plain queries per page, for the catalog's full load at boot.
 *
 * It returns the objects Strapi's query engine returns for
 * `strapi.db.query(uid).findMany({ where: { documentId: { $in } }, populate, orderBy: { id: 'asc' } })`
 * (bulk-read.test.ts compares the two, value for value, on SQLite and PostgreSQL), but without
 * the engine's per-row work: at 100,000 organizations its populate and hydration took about 50 s
 * of the boot, and its `select distinct … order by` joins most of the 85 s spent in SQLite. Here:
 * one select of the rows, one per component type, one per relation; each value converted as
 * Strapi's field classes convert it (`@strapi/database` dist/fields), with one converter per column
 * decided once.
 */
import type { Core } from '@strapi/strapi';
import { documentTables, type DocumentTables, type Row } from './bulk-tables';

type Convert = (value: unknown) => unknown;

const same: Convert = (v) => v;
const asString: Convert = (v) => String(v);
const asNumber: Convert = (v) => Number(v);
const asBoolean: Convert = (v) => {
  if (typeof v === 'boolean') return v;
  const s = String(v);
  return s === '1' ? true : s === '0' ? false : null;
};
const asDate = (v: unknown): Date => (v instanceof Date ? v : new Date(v as string | number));
const asIsoDateTime: Convert = (v) => {
  const d = asDate(v);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
};
const asEpochString: Convert = (v) => {
  const t = asDate(v).getTime();
  return Number.isNaN(t) ? null : String(t);
};
const asJson: Convert = (v) => {
  if (typeof v !== 'string') return v;
  try {
    const parsed: unknown = JSON.parse(v);
    // Strapi 5 before rc.7 stored some values stringified twice; its field class parses them twice.
    return typeof parsed === 'string' ? JSON.parse(parsed) : parsed;
  } catch {
    return v;
  }
};

/** Per Strapi attribute type, what its field class's `fromDB` does (`increments` and unknown types: as stored). */
const FROM_DB: Record<string, Convert> = {
  password: asString,
  email: asString,
  string: asString,
  uid: asString,
  richtext: asString,
  text: asString,
  enumeration: asString,
  json: asJson,
  blocks: asJson,
  biginteger: asString,
  integer: asNumber,
  float: asNumber,
  decimal: asNumber,
  date: same,
  time: same,
  datetime: asIsoDateTime,
  timestamp: asEpochString,
  boolean: asBoolean,
};

interface Meta {
  tableName: string;
  columnToAttribute: Record<string, string>;
  /** A component field is a relation in the metadata: oneToMany when repeatable. */
  attributes: Record<string, { type: string; relation?: string }>;
}

// Cast kept: Strapi's Meta type is wider than the members read here.
const metaOf = (strapi: Core.Strapi, uid: string): Meta => strapi.db.metadata.get(uid) as unknown as Meta;

/** column → [attribute, converter] for the columns Strapi maps to an attribute (others, such as join columns, are left out as Strapi leaves them out). */
type Columns = Array<[column: string, attribute: string, convert: Convert]>;

function columnsOf(strapi: Core.Strapi, uid: string): Columns {
  const m = metaOf(strapi, uid);
  return Object.entries(m.columnToAttribute).map(([column, attribute]) => {
    const type = m.attributes[attribute]?.type ?? '';
    // A foreign key of this table (createdBy, updatedBy) comes back as the raw id, as Strapi gives it.
    return [column, attribute, type === 'relation' ? same : (FROM_DB[type] ?? same)];
  });
}

function convert(row: Row, columns: Columns): Row {
  const out: Row = {};
  for (const [column, attribute, fromDb] of columns) {
    if (!(column in row)) continue;
    const v = row[column];
    out[attribute] = v === null || v === undefined ? null : fromDb(v);
  }
  return out;
}

const tableOf = (strapi: Core.Strapi, uid: string) => metaOf(strapi, uid).tableName;

const IN_CHUNK = 500;

export type DocumentReader = (documentIds: readonly string[]) => Promise<Row[]>;

/**
 * A reader of `uid`'s documents with `populate` (attribute names: its relations and components,
 * one level, as the catalog needs them). Rows come back in id order. Give it a page of documents
 * (the catalog gives 500): their ids and their rows' ids go into `in (…)` lists.
 */
export function documentReader(strapi: Core.Strapi, uid: string, populate: readonly string[]): DocumentReader {
  const plan: DocumentTables = documentTables(strapi, uid);
  const rowColumns = columnsOf(strapi, uid);
  const components = [...plan.componentFields].filter(([field]) => populate.includes(field));
  const links = plan.links.filter((l) => populate.includes(l.attribute));
  const missing = populate.filter((a) => !components.some(([f]) => f === a) && !links.some((l) => l.attribute === a));
  if (missing.length > 0) throw new Error(`documentReader: ${uid} has no component or relation named ${missing.join(', ')}`);
  const componentColumns = new Map([...new Set(components.map(([, c]) => c))].map((c) => [c, columnsOf(strapi, c)]));
  const targetColumns = new Map(links.map((l) => [l.attribute, columnsOf(strapi, l.target)]));
  const attributes = metaOf(strapi, uid).attributes;
  const repeatable = new Map(components.map(([field]) => [field, attributes[field]?.relation === 'oneToMany']));

  return async (documentIds) => {
    if (documentIds.length === 0) return [];
    const knex = strapi.db.connection;
    // The page's rows, and each one's components and relations added to it below.
    const raw = (await knex(plan.table).select('*').whereIn(plan.documentIdColumn, documentIds).orderBy('id')) as Row[];
    const rows = raw.map((r) => convert(r, rowColumns));
    const ids = raw.map((r) => Number(r.id));
    const byId = new Map(rows.map((r, i) => [ids[i]!, r]));

    if (plan.cmps && components.length > 0) {
      const j = plan.cmps;
      // Every populated field starts empty (null for a single component), as Strapi's populate leaves it.
      for (const r of rows) for (const [field] of components) r[field] = repeatable.get(field) ? [] : null;
      for (const [field, componentUid] of components) {
        // One field per query: `field = ?` lets the (entity, field) index find the join rows.
        const found = (await knex({ j: j.table })
          .join({ c: tableOf(strapi, componentUid) }, 'c.id', `j.${j.cmpColumn}`)
          .select('c.*', { __owner: `j.${j.entityColumn}` })
          .whereIn(`j.${j.entityColumn}`, ids)
          .where(`j.${j.fieldColumn}`, field)
          .where(`j.${j.typeColumn}`, componentUid)
          .orderBy([`j.${j.entityColumn}`, `j.${j.orderColumn}`, 'c.id'])) as Row[];
        const columns = componentColumns.get(componentUid)!;
        const many = repeatable.get(field);
        for (const r of found) {
          const owner = byId.get(Number(r.__owner));
          if (!owner) continue;
          const value = convert(r, columns);
          if (many) (owner[field] as Row[]).push(value);
          else if (owner[field] === null) owner[field] = value;
        }
      }
    }

    for (const l of links) {
      // The links, then each target once: a few terms are linked from most records.
      const found = (await knex(l.table)
        .select({ owner: l.ownerColumn, target: l.targetColumn })
        .whereIn(l.ownerColumn, ids)
        .orderBy([l.ownerColumn, ...(l.orderColumn ? [l.orderColumn] : []), 'id'])) as Array<{ owner: unknown; target: unknown }>;
      const targetIds = [...new Set(found.map((f) => Number(f.target)))];
      const targetTable = tableOf(strapi, l.target);
      const columns = targetColumns.get(l.attribute)!;
      const targets = new Map<number, Row>();
      for (let i = 0; i < targetIds.length; i += IN_CHUNK) {
        const chunk = targetIds.slice(i, i + IN_CHUNK);
        for (const t of (await knex(targetTable).select('*').whereIn('id', chunk)) as Row[]) targets.set(Number(t.id), convert(t, columns));
      }
      for (const r of rows) r[l.attribute] = [];
      for (const f of found) {
        const target = targets.get(Number(f.target));
        // One object per target, shared by the rows of the page that link it (Strapi gives a copy
        // each): the rows are read to build entries, never changed.
        if (target) (byId.get(Number(f.owner))?.[l.attribute] as Row[] | undefined)?.push(target);
      }
    }
    return rows;
  };
}

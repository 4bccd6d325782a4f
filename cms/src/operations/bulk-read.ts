/**
 * Reads whole documents (every row: locales × draft/published) with their components and
 * relations in a few plain queries per page, for the catalog (its full load at boot, its re-reads)
 * and for the workflow's reads around a write (the audit's versions, the bilingual drafts).
 *
 * It returns the objects Strapi's query engine returns for
 * `strapi.db.query(uid).findMany({ where: { documentId: { $in } }, populate, orderBy: { id: 'asc' } })`
 * (bulk-read.test.ts compares the two, value for value, on SQLite and PostgreSQL), but without
 * the engine's per-row work: at 100,000 organizations its populate and hydration took about 50 s
 * of the boot, and its `select distinct … order by` joins most of the 85 s spent in SQLite. Here:
 * one select of the rows, one per component field, two per relation (its links, the targets
 * linked); each value converted as Strapi's field classes convert it (`@strapi/database`
 * dist/fields), with one converter per column decided once. Rows are read as arrays of the
 * columns' values (`rowMode: 'array'`): the drivers make those far faster than an object per row,
 * and the object Strapi would give is made once.
 */
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
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

/** [column, attribute, converter] of each column the rows are read with. */
type Columns = Array<[column: string, attribute: string, convert: Convert]>;

/** Attribute types with no column of their own in the table (they are joined; Strapi's rows leave them out unless populated). */
const JOINED = new Set(['relation', 'component', 'dynamiczone', 'media']);

/** The columns Strapi maps to a stored value of `uid`'s table, each with its converter. */
function columnsOf(strapi: Core.Strapi, uid: string): Columns {
  const m = metaOf(strapi, uid);
  return Object.entries(m.columnToAttribute).flatMap(([column, attribute]): Columns => {
    const type = m.attributes[attribute]?.type ?? '';
    return JOINED.has(type) ? [] : [[column, attribute, FROM_DB[type] ?? same]];
  });
}

/** A row as Strapi's query engine gives it, from an array of its columns' values (see rowMaker). */
type RowMaker = (values: readonly unknown[]) => Row;

/**
 * A maker of rows from arrays of `columns`' values, each converted (null stays null), as Strapi's
 * query engine gives them, then `empty`'s attributes (the populated fields a page fills in: an
 * empty list when `many`, else null). Compiled once per reader into one object literal: every row
 * is then made in one step with one hidden class, where assigning its attributes one by one by
 * name went through V8's generic keyed stores, one shape change per attribute, and left rows of
 * many shapes for the mappers to read (at 100,000 organizations, boots alternated with the loop
 * before: 28.4 s → 24.7 s on average of six each). The attribute names are the type's, from
 * Strapi's metadata, written as JSON string literals.
 */
function rowMaker(columns: Columns, empty: ReadonlyArray<readonly [attribute: string, many: boolean]> = []): RowMaker {
  const members = [
    ...columns.map(([, attribute, fromDb], i) => [attribute, `(x = v[${i}]) == null ? null : ${fromDb === same ? 'x' : `c[${i}](x)`}`]),
    ...empty.map(([attribute, many]) => [attribute, many ? '[]' : 'null']),
  ];
  // A literal's "__proto__" member would set the object's prototype, not a member (Strapi's schema validation rejects the name).
  if (members.some(([attribute]) => attribute === '__proto__')) throw new Error('documentReader: an attribute is named __proto__');
  const literal = members.map(([attribute, value]) => `${JSON.stringify(attribute)}: ${value}`).join(', ');
  // Cast kept: a Function is untyped; this one returns the maker its source above writes.
  const make = new Function('c', `return (v) => { let x; return { ${literal} }; };`) as (c: Convert[]) => RowMaker;
  return make(columns.map(([, , fromDb]) => fromDb));
}

/**
 * Runs a page's selects, each giving its rows as arrays of its columns' values in the order
 * selected. In this thread through knex (PostgreSQL's driver honours knex's `rowMode` option,
 * SQLite's through sqlite-queries.ts), or on SQLite in a worker thread (sqlite-reader.ts).
 * The rows are made when the page is used (`Selected`): a page read ahead waits as the worker's
 * JSON text rather than as objects that outlive a young-generation collection or two and are
 * copied by each.
 */
export interface SelectRunner {
  /**
   * Whether the selects are to give each row as one value, the JSON array of its columns' values
   * (SQLite's `json_array`), which the runner parses into the same arrays: SQLite then writes the
   * JSON in C, rather than handing over each value for JavaScript to make and write again (the
   * organizations' rows of 30,000 documents: 849 ms as values then JSON, 366 ms as JSON).
   */
  readonly rowsAsJson: boolean;
  run(page: PageSelects): Promise<Selected>;
}
export type Selected = () => unknown[][][];

/** A select as the driver runs it: its SQL text and bindings (knex's `toSQL().toNative()`). */
export interface NativeSelect {
  sql: string;
  bindings: readonly unknown[];
}

/**
 * A page's selects, made as the runner needs them: as knex queries (run here, through knex), or
 * as SQL text and bindings (a runner that sends them elsewhere: the SQLite reader thread).
 */
export interface PageSelects {
  queries(): Knex.QueryBuilder[];
  native(): NativeSelect[];
}

/** The selects' rows, in this thread (within the transaction `trx`, if given). */
async function rowsHere(queries: readonly Knex.QueryBuilder[], trx?: Knex.Transaction): Promise<unknown[][][]> {
  return Promise.all(
    queries.map(async (query) => {
      const rows = (await (trx ? query.transacting(trx) : query).options({ rowMode: 'array' })) as unknown[];
      if (rows.length > 0 && !Array.isArray(rows[0]))
        throw new Error('documentReader: this database driver does not give rows as arrays (rowMode)');
      return rows as unknown[][];
    }),
  );
}

/** The selects in this thread, within the transaction `trx` if given: they then see its writes. */
export const selectsWithin = (trx?: Knex.Transaction): SelectRunner => ({
  rowsAsJson: false,
  run: async (page) => {
    const results = await rowsHere(page.queries(), trx);
    return () => results;
  },
});

export const SELECTS_HERE: SelectRunner = selectsWithin();

/** Selects made with `rowsAsJson`, run in this thread (where a worker that ran them failed). */
export async function jsonSelectsHere(page: PageSelects): Promise<Selected> {
  const results = await rowsHere(page.queries());
  // Cast kept: each row is one value, the JSON text SQLite wrote.
  return () => results.map((rows) => rows.map((row) => JSON.parse(row[0] as string) as unknown[]));
}

/** Columns to select: each (qualified) name, and whether its values may be real numbers. */
type Listed = Array<[name: string, numeric: boolean]>;
const listed = (columns: Columns, prefix = ''): Listed =>
  columns.map(([column, , convert]) => [`${prefix}${column}`, convert === asNumber]);
/** Columns of row ids (integers). */
const idColumns = (...names: string[]): Listed => names.map((name) => [name, false]);

/**
 * What a select lists: the columns, or (`rowsAsJson`) one JSON array of their values. A real
 * number goes in as text of 17 significant digits, which reads back as the same number (SQLite's
 * JSON writes 15), as Strapi's field class converts either (`Number`); an integer never is real.
 */
function selectList(knex: Knex, columns: Listed, rowsAsJson: boolean): Array<string | Knex.Raw> {
  if (!rowsAsJson) return columns.map(([name]) => name);
  const values = columns.map(([, numeric]) => (numeric ? "iif(typeof(??) = 'real', printf('%!.17g', ??), ??)" : '??'));
  const bindings = columns.flatMap(([name, numeric]) => (numeric ? [name, name, name] : [name]));
  return [knex.raw(`json_array(${values.join(', ')})`, bindings)];
}

const tableOf = (strapi: Core.Strapi, uid: string) => metaOf(strapi, uid).tableName;

/** The documents' rows, made when called (see SelectRunner); `selects`: other than the reader's own. */
export type DocumentReader = (documentIds: readonly string[], selects?: SelectRunner) => Promise<() => Row[]>;

/** What a reader reads: the type's tables and columns, and its populated fields'. */
interface Shape {
  plan: DocumentTables;
  rowColumns: Columns;
  /** The rows, with every populated field empty. */
  row: RowMaker;
  fields: Array<{ field: string; componentUid: string; table: string; columns: Columns; many: boolean; make: RowMaker }>;
  targets: Array<{ link: DocumentTables['links'][number]; table: string; columns: Columns; make: RowMaker }>;
}

/**
 * A page's selects: its rows; per component field, its components then their owner's row id; per
 * relation, its links, then the targets linked. Made from the documents' ids alone (the rows' ids
 * are a subquery), so that a page is read in one go.
 */
function pageSelects(
  knex: Knex,
  { plan, rowColumns, fields, targets }: Shape,
  documentIds: readonly string[],
  rowsAsJson: boolean,
): Knex.QueryBuilder[] {
  const rowIds = () => knex(plan.table).select('id').whereIn(plan.documentIdColumn, documentIds);
  const out = [
    knex(plan.table)
      .select(selectList(knex, listed(rowColumns), rowsAsJson))
      .whereIn(plan.documentIdColumn, documentIds)
      .orderBy('id'),
  ];
  const cmps = plan.cmps;
  if (cmps) {
    for (const f of fields) {
      // One field per query: `field = ?` lets the (entity, field) index find the join rows.
      out.push(
        knex({ j: cmps.table })
          .join({ c: f.table }, 'c.id', `j.${cmps.cmpColumn}`)
          .select(selectList(knex, [...listed(f.columns, 'c.'), ...idColumns(`j.${cmps.entityColumn}`)], rowsAsJson))
          .whereIn(`j.${cmps.entityColumn}`, rowIds())
          .where(`j.${cmps.fieldColumn}`, f.field)
          .where(`j.${cmps.typeColumn}`, f.componentUid)
          .orderBy([`j.${cmps.entityColumn}`, `j.${cmps.orderColumn}`, 'c.id']),
      );
    }
  }
  for (const { link: l, table, columns } of targets) {
    const linked = () => knex(l.table).whereIn(l.ownerColumn, rowIds());
    out.push(
      linked()
        .select(selectList(knex, idColumns(l.ownerColumn, l.targetColumn), rowsAsJson))
        .orderBy([l.ownerColumn, ...(l.orderColumn ? [l.orderColumn] : []), 'id']),
    );
    // Each target once: a few terms are linked from most records.
    out.push(
      knex(table)
        .select(selectList(knex, listed(columns), rowsAsJson))
        .whereIn('id', linked().select(l.targetColumn)),
    );
  }
  return out;
}

/** A page's native selects made once, with, per binding, the index of the document id it takes (-1: as it is). */
type Template = Array<NativeSelect & { slots: readonly number[] }>;

/**
 * A page's selects as SQL text and bindings, from a template made once per page length: the SQL
 * of a page of 100 documents is the same from page to page, only the ids bound differ, and knex
 * building and compiling a page's twenty-odd selects anew cost ~2 s of the main thread at
 * 100,000 organizations. The template is made with marks for ids, each found among the bindings.
 */
function nativeSelects(
  templates: Map<number, Template>,
  documentIds: readonly string[],
  make: (ids: readonly string[]) => Knex.QueryBuilder[],
): NativeSelect[] {
  let template = templates.get(documentIds.length);
  if (!template) {
    const marks = documentIds.map((_, i) => `\u0000document-${i}`);
    const slotOf = new Map(marks.map((mark, i) => [mark, i]));
    const found = new Set<number>();
    template = make(marks).map((query) => {
      const { sql, bindings } = query.toSQL().toNative();
      const slots = bindings.map((b) => (typeof b === 'string' ? (slotOf.get(b) ?? -1) : -1));
      for (const slot of slots) if (slot >= 0) found.add(slot);
      return { sql, bindings, slots };
    });
    // Every id must be bound: knex writing one into the SQL text would read the wrong documents.
    if (found.size !== marks.length) throw new Error('documentReader: the page selects do not bind their document ids');
    templates.set(documentIds.length, template);
  }
  return template.map(({ sql, bindings, slots }) => ({
    sql,
    bindings: bindings.map((b, k) => (slots[k]! >= 0 ? documentIds[slots[k]!] : b)),
  }));
}

/** The page's rows as Strapi's query engine gives them, from its selects' results (pageSelects). */
function pageRows({ row, fields, targets }: Shape, results: unknown[][][]): Row[] {
  let next = 0;
  // Every populated field starts empty (null for a single component), as Strapi's populate leaves it.
  const rows = results[next++]!.map((values) => row(values));
  const byId = new Map(rows.map((r) => [Number(r.id), r]));
  for (const f of fields) {
    for (const values of results[next++]!) {
      const owner = byId.get(Number(values[f.columns.length]));
      if (!owner) continue;
      const value = f.make(values);
      if (f.many) (owner[f.field] as Row[]).push(value);
      else if (owner[f.field] === null) owner[f.field] = value;
    }
  }
  for (const { link: l, make } of targets) {
    const found = results[next++]!;
    const byTarget = new Map<number, Row>();
    for (const values of results[next++]!) {
      const target = make(values);
      byTarget.set(Number(target.id), target);
    }
    for (const [owner, targetId] of found) {
      const target = byTarget.get(Number(targetId));
      // One object per target, shared by the rows of the page that link it (Strapi gives a copy
      // each): the rows are read to build entries, never changed.
      if (target) (byId.get(Number(owner))?.[l.attribute] as Row[] | undefined)?.push(target);
    }
  }
  return rows;
}

/**
 * A reader of `uid`'s documents with `populate` (attribute names: its relations and components,
 * one level, as the catalog needs them). Rows come back in id order. Give it a page of documents
 * (the catalog gives 100): their ids go into `in (…)` lists. `selects` runs the page's selects.
 */
export function documentReader(
  strapi: Core.Strapi,
  uid: string,
  populate: readonly string[],
  selects: SelectRunner = SELECTS_HERE,
): DocumentReader {
  const plan: DocumentTables = documentTables(strapi, uid);
  const components = [...plan.componentFields].filter(([field]) => populate.includes(field));
  const links = plan.links.filter((l) => populate.includes(l.attribute));
  const missing = populate.filter((a) => !components.some(([f]) => f === a) && !links.some((l) => l.attribute === a));
  if (missing.length > 0) throw new Error(`documentReader: ${uid} has no component or relation named ${missing.join(', ')}`);
  const attributes = metaOf(strapi, uid).attributes;
  const withMaker = <T extends { columns: Columns }>(part: T) => ({ ...part, make: rowMaker(part.columns) });
  // Components are read through the type's join table (none: no component).
  const fields = (plan.cmps ? components : []).map(([field, componentUid]) =>
    withMaker({
      field,
      componentUid,
      table: tableOf(strapi, componentUid),
      columns: columnsOf(strapi, componentUid),
      many: attributes[field]?.relation === 'oneToMany',
    }),
  );
  const targets = links.map((l) => withMaker({ link: l, table: tableOf(strapi, l.target), columns: columnsOf(strapi, l.target) }));
  const rowColumns = columnsOf(strapi, uid);
  const empty = [...fields.map((f) => [f.field, f.many] as const), ...targets.map((t) => [t.link.attribute, true] as const)];
  const shape: Shape = { plan, rowColumns, row: rowMaker(rowColumns, empty), fields, targets };
  const make = (ids: readonly string[]) => pageSelects(strapi.db.connection, shape, ids, selects.rowsAsJson);
  const templates = new Map<number, Template>();
  return async (documentIds, runner = selects) => {
    if (documentIds.length === 0) return () => [];
    const selected = await runner.run({ queries: () => make(documentIds), native: () => nativeSelects(templates, documentIds, make) });
    return () => pageRows(shape, selected());
  };
}

/**
 * Documents per page read. Small: a page's rows and the objects made of them live until the page
 * is handed over, and what is alive when the young generation is collected is copied (twice, then
 * promoted): at 100,000 organizations, pages of 500 had 2.4 GB promoted during the boot and 7.5 s
 * of collection pauses, pages of 100 0.8 GB and 3.4 s (`node --trace-gc-nvp`).
 */
const PAGE = 100;
/** Pages asked for ahead of the one being handed over (they wait as JSON text: see sqlite-reader.ts). */
const AHEAD = 4;

/**
 * The rows of these documents, a page at a time, handed over per document (none: it is gone).
 * The next pages are asked for before this one is handed over: a reader in another thread (or a
 * database server) reads them meanwhile.
 */
export async function readInPages<R extends { documentId: string }>(
  read: (documentIds: readonly string[]) => Promise<() => R[]>,
  documentIds: readonly string[],
  each: (documentId: string, rows: R[]) => void,
): Promise<void> {
  const page = (i: number) => documentIds.slice(i, i + PAGE);
  const ask = (i: number) => {
    const rows = read(page(i));
    rows.catch(() => undefined); // awaited below; a load that stops early must not leave it unhandled
    return rows;
  };
  const asked: Array<Promise<() => R[]>> = [];
  let askedUpTo = 0;
  for (let i = 0; i < documentIds.length; i += PAGE) {
    for (; askedUpTo < documentIds.length && askedUpTo <= i + AHEAD * PAGE; askedUpTo += PAGE) asked.push(ask(askedUpTo));
    const rows = (await asked.shift()!)();
    const byDoc = new Map<string, R[]>(page(i).map((id) => [id, []]));
    for (const r of rows) byDoc.get(r.documentId)?.push(r);
    for (const [id, docRows] of byDoc) each(id, docRows);
  }
}

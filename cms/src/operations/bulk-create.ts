/**
 * New documents written in bulk SQL from their attribute values (the import's new drafts, their
 * audit entries): drafts where the type keeps drafts, published at once where it does not;
 * the same tables and writer as the bulk clone, with values stored as Strapi stores them (JSON
 * as text, dates bound per database, defaults for attributes not given). The caller gives the
 * transaction, so a bulk create is all-or-nothing with whatever else the caller writes.
 */
import type { DocumentTables, Row } from './bulk-tables';
import { columnValue, IdAllocator, newDocumentId, writeRows, type Knex, type NewComponent, type NewLink, type NewRow } from './bulk-write';

/** One locale's version of a new document: attribute → value (scalars), component value(s), or target row ids (relations). */
export interface NewDocumentRow {
  locale: string | null;
  attributes: Row;
}

export interface NewDocument {
  rows: NewDocumentRow[];
}

const isRow = (v: unknown): v is Row => typeof v === 'object' && v !== null && !Array.isArray(v);

function componentValues(plan: DocumentTables, type: string, value: Row): Row {
  const table = plan.components.get(type)!;
  const out: Row = {};
  for (const [attr, column] of table.columns) {
    if (attr === 'id') continue;
    const v = attr in value ? value[attr] : table.defaults.get(attr);
    out[column] = columnValue(table.types.get(attr), v);
  }
  return out;
}

/** The columns of a new row: every column, given, defaulted or null (every row the same columns). */
function rowValues(plan: DocumentTables, documentId: string, locale: string | null, attributes: Row, now: Date): Row {
  const fixed: Row = { documentId, locale, createdAt: now, updatedAt: now, publishedAt: plan.draftAndPublish ? null : now };
  const out: Row = {};
  for (const [attr, column] of plan.columns) {
    if (attr === 'id') continue;
    const v = attr in fixed ? fixed[attr] : attr in attributes ? attributes[attr] : plan.defaults.get(attr);
    out[column] = columnValue(plan.types.get(attr), v);
  }
  return out;
}

function rowOf(plan: DocumentTables, documentId: string, draft: NewDocumentRow, now: Date): NewRow {
  const components: NewComponent[] = [];
  const links: NewLink[] = [];
  for (const [attr, value] of Object.entries(draft.attributes)) {
    const type = plan.componentFields.get(attr);
    if (type) {
      const list = Array.isArray(value) ? value : value == null ? [] : [value];
      list.forEach((v, order) => {
        if (!isRow(v)) throw new Error(`bulk create: ${plan.uid}.${attr} holds a value that is not a component`);
        components.push({ type, field: attr, order: order + 1, values: componentValues(plan, type, v) });
      });
      continue;
    }
    const link = plan.links.find((l) => l.attribute === attr);
    if (link) {
      const ids = Array.isArray(value) ? value : [];
      ids.forEach((id, order) => links.push({ link, targetId: Number(id), order: order + 1 }));
      continue;
    }
    if (!plan.columns.has(attr)) throw new Error(`bulk create: ${plan.uid} has no attribute ${attr}`);
  }
  return { values: rowValues(plan, documentId, draft.locale, draft.attributes, now), components, links };
}

export interface CreatedDocuments {
  documentIds: string[];
  rows: number;
  componentRows: number;
  linkRows: number;
}

/**
 * Writes new documents inside the caller's transaction, a group at a time (the caller builds each
 * group when it is written, so a large file is never held twice in memory).
 */
export class DocumentCreator {
  private readonly ids: IdAllocator;

  constructor(
    private readonly trx: Knex,
    readonly plan: DocumentTables,
  ) {
    this.ids = new IdAllocator(trx);
  }

  /** Writes the documents; returns their new document ids in order. */
  async create(documents: NewDocument[]): Promise<CreatedDocuments> {
    const now = new Date();
    const documentIds: string[] = [];
    const rows: NewRow[] = [];
    for (const d of documents) {
      const documentId = newDocumentId();
      documentIds.push(documentId);
      for (const r of d.rows) rows.push(rowOf(this.plan, documentId, r, now));
    }
    const counts = await writeRows(this.trx, this.plan, this.ids, rows);
    return { documentIds, ...counts };
  }
}

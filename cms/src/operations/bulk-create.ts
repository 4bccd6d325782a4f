/**
 * New documents written in bulk SQL from their attribute values (the import's new drafts, their
 * audit entries): drafts where the type keeps drafts, published at once where it does not;
 * the same tables and writer as the bulk clone, with values stored as Strapi stores them (JSON
 * as text, dates bound per database, defaults for attributes not given). The caller gives the
 * transaction, so a bulk create is all-or-nothing with whatever else the caller writes.
 */
import type { DocumentTables, Row } from './bulk-tables';
import { columnValue, IdAllocator, inverseOrders, newDocumentId, writeRows, type Knex, type NewComponent, type NewLink, type NewRow } from './bulk-write';

/** One locale's version of a new document: attribute → value (scalars), component value(s), or target row ids (relations). */
export interface NewDocumentRow { locale: string | null; attributes: Row }

export interface NewDocument { rows: NewDocumentRow[] }

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

export interface CreatedDocuments { documentIds: string[]; rows: number; componentRows: number; linkRows: number }

/**
 * Writes the documents in groups of `chunkSize` inside the caller's transaction; returns their new
 * document ids in order. `beforeChunk` runs before each group (its documents' index range).
 */
export async function createDocuments(
  trx: Knex, plan: DocumentTables, drafts: NewDocument[], options: { chunkSize?: number; beforeChunk?: (from: number, to: number) => Promise<void> } = {},
): Promise<CreatedDocuments> {
  const out: CreatedDocuments = { documentIds: [], rows: 0, componentRows: 0, linkRows: 0 };
  const chunkSize = options.chunkSize ?? 200;
  const ids = new IdAllocator(trx);
  const inverseOrder = await inverseOrders(trx, plan);
  for (let c = 0; c < drafts.length; c += chunkSize) {
    const chunk = drafts.slice(c, c + chunkSize);
    await options.beforeChunk?.(c, c + chunk.length);
    const now = new Date();
    const rows: NewRow[] = [];
    for (const d of chunk) {
      const documentId = newDocumentId();
      out.documentIds.push(documentId);
      for (const r of d.rows) rows.push(rowOf(plan, documentId, r, now));
    }
    const counts = await writeRows(trx, plan, ids, rows, inverseOrder);
    out.rows += counts.rows;
    out.componentRows += counts.componentRows;
    out.linkRows += counts.linkRows;
  }
  return out;
}

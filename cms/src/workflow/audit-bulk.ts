/**
 * The audit trail of documents created in bulk SQL (the import's new drafts), where the audit
 * middleware does not run: one `create` entry per document, in the caller's transaction, its diff
 * taken from the stored versions (every locale) exactly as the middleware takes it, its actor the
 * current one (`system` for a script).
 */
import type { Core, UID } from '@strapi/strapi';
import { createDocuments } from '../operations/bulk-create';
import { documentTables } from '../operations/bulk-tables';
import type { Knex } from '../operations/bulk-write';
import { currentActor } from './actor';
import { AUDIT_ENTRY, type AuditEntryData } from './audit';
import { attributesOf, diffVersions, populateOf, type Row } from './audit-diff';
import { PUBLIC_ORGANIZATION_FIELDS } from './audit-fields';
import { isRecord, text } from './values';

const ORG = 'api::organization.organization' satisfies UID.ContentType;
const IN_CHUNK = 200;

/** Records the creation of the given organizations (drafts just written in `trx`). */
export async function auditBulkCreated(strapi: Core.Strapi, trx: Knex, documentIds: string[]): Promise<number> {
  const attributes = attributesOf(strapi.getModel(ORG));
  const populate = populateOf(attributes);
  const actor = currentActor(strapi);
  const plan = documentTables(strapi, AUDIT_ENTRY);
  let written = 0;
  for (let i = 0; i < documentIds.length; i += IN_CHUNK) {
    const ids = documentIds.slice(i, i + IN_CHUNK);
    const rows: unknown[] = await strapi.db.query(ORG).findMany({ where: { documentId: { $in: ids }, publishedAt: null }, populate });
    const byDocument = new Map<string, Map<string, Row>>();
    for (const r of rows) {
      if (!isRecord(r) || typeof r.documentId !== 'string') continue;
      const versions = byDocument.get(r.documentId) ?? byDocument.set(r.documentId, new Map()).get(r.documentId)!;
      versions.set(typeof r.locale === 'string' ? r.locale : '', r);
    }
    const occurredAt = new Date().toISOString();
    const entries = ids.map((documentId): AuditEntryData => {
      const after = byDocument.get(documentId) ?? new Map<string, Row>();
      const changes = diffVersions(new Map(), after, attributes, PUBLIC_ORGANIZATION_FIELDS);
      const first = after.get('en') ?? [...after.values()][0];
      return {
        occurredAt, action: 'create', targetUid: ORG, targetDocumentId: documentId,
        targetLocale: [...after.keys()].sort().join(',') || null, targetLabel: text(first?.name),
        actorType: actor.type, actorId: actor.id, actorName: actor.name, actorEmail: actor.email,
        statusFrom: null, statusTo: text(first?.listingStatus),
        changedFields: [...new Set(changes.map((c) => c.field))].join(', '),
        changes,
      };
    });
    await createDocuments(trx, plan, entries.map((e) => ({ rows: [{ locale: null, attributes: { ...e } }] })));
    written += entries.length;
  }
  return written;
}

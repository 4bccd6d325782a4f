/**
 * The audit trail of organizations created in bulk SQL (the import's new drafts), where the audit
 * middleware does not run: one `create` entry per document, written in the caller's transaction,
 * its diff computed by the middleware's own `diffVersions` from the versions just written (every
 * locale; relations by code, components with every attribute, as a stored row reads), its actor
 * the current one (`system` for a script).
 */
import type { Core } from '@strapi/strapi';
import { DocumentCreator } from '../operations/bulk-create';
import { documentTables, type DocumentTables } from '../operations/bulk-tables';
import type { Knex } from '../operations/bulk-write';
import { currentActor, type Actor } from './actor';
import { AUDIT_ENTRY, type AuditEntryData } from './audit';
import { attributesOf, diffVersions, type Attributes, type Row } from './audit-diff';
import { PUBLIC_ORGANIZATION_FIELDS } from './audit-fields';
import { isRecord, text } from './values';
import { ORGANIZATION as ORG } from '../content-types';

/** A new document as written: locale → its attributes (relations as `{ code }` of each target). */
export interface CreatedVersions {
  documentId: string;
  versions: Map<string, Row>;
}

export class BulkCreateAudit {
  private readonly attributes: Attributes;
  private readonly organization: DocumentTables;
  private readonly entries: DocumentCreator;
  private readonly actor: Actor;

  constructor(strapi: Core.Strapi, trx: Knex) {
    this.attributes = attributesOf(strapi.getModel(ORG));
    this.organization = documentTables(strapi, ORG);
    this.entries = new DocumentCreator(trx, documentTables(strapi, AUDIT_ENTRY));
    this.actor = currentActor(strapi);
  }

  /** A component value with every attribute a stored one has (defaults, else null). */
  private complete(field: string, value: unknown): unknown {
    const uid = this.organization.componentFields.get(field);
    const table = uid ? this.organization.components.get(uid) : undefined;
    if (!table) return value;
    const one = (v: unknown): unknown => {
      if (!isRecord(v)) return v;
      const out: Row = {};
      for (const attr of table.columns.keys()) if (attr !== 'id') out[attr] = attr in v ? v[attr] : (table.defaults.get(attr) ?? null);
      return out;
    };
    return Array.isArray(value) ? value.map(one) : one(value);
  }

  private entry(doc: CreatedVersions, occurredAt: string): AuditEntryData {
    const after = new Map<string, Row>();
    for (const [locale, attributes] of doc.versions) {
      const row: Row = {};
      for (const [k, v] of Object.entries(attributes)) row[k] = this.complete(k, v);
      after.set(locale, row);
    }
    const changes = diffVersions(new Map(), after, this.attributes, PUBLIC_ORGANIZATION_FIELDS);
    const first = after.get('en') ?? [...after.values()][0];
    return {
      occurredAt,
      action: 'create',
      targetUid: ORG,
      targetDocumentId: doc.documentId,
      targetLocale: [...after.keys()].sort().join(',') || null,
      targetLabel: text(first?.name),
      actorType: this.actor.type,
      actorId: this.actor.id,
      actorName: this.actor.name,
      actorEmail: this.actor.email,
      statusFrom: null,
      statusTo: text(first?.listingStatus),
      changedFields: [...new Set(changes.map((c) => c.field))].join(', '),
      changes,
    };
  }

  /** Records the creation of these organizations (written in the same transaction). */
  async created(docs: CreatedVersions[]): Promise<void> {
    const occurredAt = new Date().toISOString();
    await this.entries.create(docs.map((d) => ({ rows: [{ locale: null, attributes: { ...this.entry(d, occurredAt) } }] })));
  }
}

/**
 * Accountability for confidential reads: every time a staff member opens a confidential record in
 * the console (an organization's call view, a police protocol), one `confidential_read` entry goes
 * to the audit trail: who, which record, when. Never what they searched for, and nothing about the
 * caller. Written straight to the table (the trail refuses writes coming through the Document
 * Service from requests), and awaited: a read that cannot be recorded is not served.
 */
import type { Core } from '@strapi/strapi';
import { AUDIT_ENTRY } from '../workflow/audit';
import type { Actor } from '../workflow/actor';

export interface ConfidentialRead {
  uid: string;
  documentId: string;
  label: string;
}

export async function recordConfidentialReads(
  strapi: Core.Strapi,
  actor: Actor,
  reads: readonly ConfidentialRead[],
  at = new Date(),
): Promise<void> {
  for (const r of reads) {
    await strapi.db.query(AUDIT_ENTRY).create({
      data: {
        occurredAt: at,
        action: 'confidential_read',
        targetUid: r.uid,
        targetDocumentId: r.documentId,
        targetLocale: null,
        targetLabel: r.label,
        actorType: actor.type,
        actorId: actor.id,
        actorName: actor.name,
        actorEmail: actor.email,
        statusFrom: null,
        statusTo: null,
        changedFields: '',
        changes: [],
      },
    });
  }
}

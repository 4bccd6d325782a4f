/**
 * The audit trail (Strapi Community Edition has none): a Document Service middleware that records
 * every create, update, status change, publish, unpublish, discard and delete of an organization
 * or a law-enforcement protocol in `audit-entry`, in the same transaction as the write. The diff
 * is taken from the stored versions before and after, so it sees exactly what was written,
 * whichever way (admin, API, script) it came. Audit entries themselves cannot be written by any
 * request: the admin shows them read-only, even to super admins.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Core, UID } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { currentActor, inRequest, type Actor } from './actor';
import { attributesOf, diffVersions, populateOf, type Attributes, type Change, type Row } from './audit-diff';
import { NO_PUBLIC_FIELDS, PUBLIC_ORGANIZATION_FIELDS, type PublicFields } from './audit-fields';
import { documentIdOf, isRecord, text } from './values';
import { AUDIT_ENTRY, ORGANIZATION as ORG, PROTOCOL } from '../content-types';
import { documentInput } from '../document-input';
import { type DocumentReader, documentReader } from '../operations/bulk-read';
import { readInTransaction } from '../operations/sqlite-reader';

export { AUDIT_ENTRY };

export type AuditAction = 'create' | 'update' | 'status_change' | 'publish' | 'unpublish' | 'discard_draft' | 'delete';

const ACTIONS: Readonly<Record<string, AuditAction>> = {
  create: 'create',
  update: 'update',
  publish: 'publish',
  unpublish: 'unpublish',
  discardDraft: 'discard_draft',
  delete: 'delete',
};
/** Which stored versions show what an action changed. */
const VERSIONS: Readonly<Partial<Record<AuditAction, 'draft' | 'published'>>> = {
  create: 'draft',
  update: 'draft',
  discard_draft: 'draft',
  publish: 'published',
};

interface Audited {
  attributes: Attributes;
  publicFields: PublicFields;
  label: string;
  hasStatus: boolean;
  draftAndPublish: boolean;
  /** The document's rows with every component and relation the diff compares (see versions). */
  read: DocumentReader;
}

export interface AuditEntryData {
  occurredAt: string;
  action: AuditAction;
  targetUid: string;
  targetDocumentId: string | null;
  targetLocale: string | null;
  targetLabel: string | null;
  actorType: Actor['type'];
  actorId: string | null;
  actorName: string;
  actorEmail: string | null;
  statusFrom: string | null;
  statusTo: string | null;
  changedFields: string;
  changes: Change[];
}

const writer = new AsyncLocalStorage<true>();

/** Refuses writes of audit entries from any request, except the audit's own. */
export function auditGuard(strapi: Core.Strapi): Parameters<Core.Strapi['documents']['use']>[0] {
  return async (context, next) => {
    const write = ['create', 'update', 'delete', 'clone', 'publish', 'unpublish', 'discardDraft'].includes(context.action);
    if (context.uid === AUDIT_ENTRY && write && !writer.getStore() && inRequest(strapi)) {
      throw new errors.ForbiddenError('Audit entries are read-only.');
    }
    return next();
  };
}

const localeLabel = (v: unknown): string | null =>
  typeof v === 'string' ? v : Array.isArray(v) ? v.filter((x) => typeof x === 'string').join(',') || null : null;

export function auditMiddleware(strapi: Core.Strapi): Parameters<Core.Strapi['documents']['use']>[0] {
  const audited = new Map<string, Audited>();
  const describe = (uid: UID.ContentType): Audited | null => {
    if (uid !== ORG && uid !== PROTOCOL) return null;
    let a = audited.get(uid);
    if (!a) {
      const model = strapi.getModel(uid);
      const attributes = attributesOf(model);
      a = {
        attributes,
        publicFields: uid === ORG ? PUBLIC_ORGANIZATION_FIELDS : NO_PUBLIC_FIELDS,
        label: uid === ORG ? 'name' : 'agency',
        hasStatus: uid === ORG,
        draftAndPublish: model.options?.draftAndPublish === true,
        read: documentReader(strapi, uid, Object.keys(populateOf(attributes))),
      };
      audited.set(uid, a);
    }
    return a;
  };

  /**
   * The document's stored versions (`which`: its drafts, its published versions, or every row), by
   * locale, read within the write's transaction (its own writes seen) by the bulk reader.
   */
  const versions = async (a: Audited, documentId: string, which: 'draft' | 'published' | 'all') => {
    const rows = await readInTransaction(strapi, a.read, [documentId]);
    const out = new Map<string, Row>();
    for (const r of rows) {
      if (a.draftAndPublish && which !== 'all' && (r.publishedAt == null) !== (which === 'draft')) continue;
      out.set(typeof r.locale === 'string' ? r.locale : '', r);
    }
    return out;
  };

  return async (context, next) => {
    const action = ACTIONS[context.action];
    const a = describe(context.uid);
    if (!action || !a) return next();
    const uid = context.uid;
    return strapi.db.transaction(async () => {
      const params: unknown = context.params;
      const which = VERSIONS[action];
      const givenId = documentIdOf(params);
      const before = givenId ? await versions(a, givenId, which ?? 'all') : new Map<string, Row>();
      const result = await next();
      const documentId = givenId ?? documentIdOf(result);
      const after = documentId && which ? await versions(a, documentId, which) : new Map<string, Row>();
      const changes = which ? diffVersions(before, after, a.attributes, a.publicFields) : [];
      if ((action === 'update' || action === 'discard_draft') && changes.length === 0) return result;

      const first = (m: Map<string, Row>) => m.get('en') ?? m.get('') ?? [...m.values()][0];
      const b = first(before);
      const n = first(after);
      const statusFrom = a.hasStatus ? text(b?.listingStatus) : null;
      const statusTo = a.hasStatus ? (text(n?.listingStatus) ?? (action === 'delete' ? null : statusFrom)) : null;
      const actor = currentActor(strapi);
      const entry: AuditEntryData = {
        occurredAt: new Date().toISOString(),
        action: action === 'update' && statusFrom !== statusTo ? 'status_change' : action,
        targetUid: uid,
        targetDocumentId: documentId,
        targetLocale: localeLabel(isRecord(params) ? params.locale : null) ?? (after.size === 1 ? text([...after.keys()][0]) : null),
        targetLabel: text(n?.[a.label]) ?? text(b?.[a.label]),
        actorType: actor.type,
        actorId: actor.id,
        actorName: actor.name,
        actorEmail: actor.email,
        statusFrom,
        statusTo,
        changedFields: [...new Set(changes.map((c) => c.field))].join(', '),
        changes,
      };
      // An audit entry writes null on purpose where no actor is known (see documentInput).
      await writer.run(true, () => strapi.documents(AUDIT_ENTRY).create({ data: documentInput(AUDIT_ENTRY, entry) }));
      return result;
    });
  };
}

/**
 * Writing an import (see import.ts): the organizations already here, and the new and updated drafts.
 */
import type { Core } from '@strapi/strapi';
import type { Locale } from '@referral-directory/sdk';
import { serviceComponents } from '../directory/mapper';
import { ORGANIZATION_POPULATE, type OrganizationRow } from '../directory/rows';
import { hsdsId } from './ids';
import { type ImportLocation, type ImportRecord, type TermDefinition } from './record';
import { LOCALES } from '../workflow/bilingual';
import { BulkCreateAudit } from '../workflow/audit-bulk';
import { DocumentCreator } from '../operations/bulk-create';
import { collectGarbage } from '../operations/memory';
import { documentTables } from '../operations/bulk-tables';
import type { Knex } from '../operations/bulk-write';
import { localizedOrganizationData, TAXONOMY_UIDS } from '../operations/seed';
import { AUDIT_ENTRY, ORGANIZATION } from '../content-types';
import { documentInput } from '../document-input';
import type { ImportOptions } from './import-report';
import { type Codes, type TaxonomyKey } from './import-read';

const ORG = ORGANIZATION;

export interface Plan {
  row: number;
  index: number;
  record: ImportRecord;
  action: 'create' | 'update' | 'unchanged' | 'conflict';
  documentId: string | null;
  slug: string;
  editor: { at: string; by: string } | null;
}

const IN_CHUNK = 200;

/** Every organization's keys, in one query: by external id, slug and the HSDS ids derived from the slug. */
export async function existingOrganizations(strapi: Core.Strapi) {
  const rows = (await strapi.db.query(ORG).findMany({ select: ['documentId', 'slug', 'externalId', 'locale'] })) as Array<{
    documentId: string;
    slug: string | null;
    externalId: string | null;
    locale: string;
  }>;
  const byExternalId = new Map<string, { documentId: string; slug: string }>();
  const bySlug = new Map<string, { documentId: string; slug: string }>();
  const byHsdsId = new Map<string, { documentId: string; slug: string }>();
  const slugs = new Set<string>();
  for (const r of rows) {
    if (!r.slug) continue;
    const hit = { documentId: r.documentId, slug: r.slug };
    slugs.add(r.slug);
    if (r.externalId && !byExternalId.has(r.externalId)) byExternalId.set(r.externalId, hit);
    if (!bySlug.has(r.slug)) {
      bySlug.set(r.slug, hit);
      byHsdsId.set(hsdsId.organization(r.slug), hit);
      byHsdsId.set(hsdsId.service(r.slug), hit);
    }
  }
  return { byExternalId, bySlug, byHsdsId, slugs };
}

/** The draft rows (every locale, populated) of the given documents, by document id. */
export async function draftRowsOf(strapi: Core.Strapi, documentIds: string[]): Promise<Map<string, OrganizationRow[]>> {
  const out = new Map<string, OrganizationRow[]>();
  for (let i = 0; i < documentIds.length; i += IN_CHUNK) {
    const rows = (await strapi.db.query(ORG).findMany({
      where: { documentId: { $in: documentIds.slice(i, i + IN_CHUNK) }, publishedAt: null },
      populate: ORGANIZATION_POPULATE,
    })) as OrganizationRow[];
    for (const r of rows) (out.get(r.documentId) ?? out.set(r.documentId, []).get(r.documentId)!).push(r);
  }
  return out;
}

/** The latest change by an editor (admin or API token, not a script) of each given document. */
export async function latestEditorChanges(strapi: Core.Strapi, documentIds: string[]): Promise<Map<string, { at: string; by: string }>> {
  const out = new Map<string, { at: string; by: string }>();
  for (let i = 0; i < documentIds.length; i += IN_CHUNK) {
    const rows = (await strapi.db.query(AUDIT_ENTRY).findMany({
      where: { targetDocumentId: { $in: documentIds.slice(i, i + IN_CHUNK) }, actorType: { $ne: 'system' } },
      orderBy: [{ occurredAt: 'desc' }, { id: 'desc' }],
      select: ['targetDocumentId', 'occurredAt', 'actorName', 'actorType'],
    })) as Array<{ targetDocumentId: string; occurredAt: string | Date; actorName: string | null; actorType: string }>;
    for (const r of rows) {
      if (!out.has(r.targetDocumentId))
        out.set(r.targetDocumentId, { at: new Date(r.occurredAt).toISOString(), by: r.actorName ?? r.actorType });
    }
  }
  return out;
}

/** Public, shared (non-localized) fields only: internal fields and state are never written here. */
function shared(r: ImportRecord, ids: (key: TaxonomyKey, codes: string[]) => unknown[], locations: ImportLocation[]) {
  return {
    kind: r.kind,
    role: r.role,
    focusAreas: ids('focusAreas', r.focusAreas),
    services: ids('services', r.services),
    populations: ids('populations', r.populations),
    languages: ids('languages', r.languages),
    ...serviceComponents(r),
    ageMin: r.ageMin,
    ageMax: r.ageMax,
    national: r.national,
    serviceAreas: r.serviceAreas.map((a) => ({ province: a.province, regions: a.regions.join('\n'), regionsFr: a.regionsFr.join('\n') })),
    locations: locations.map((l) => ({ ...l })),
    phones: r.phones.map((p) => ({ type: p.type, number: p.number, extension: p.extension, labelEn: p.labelEn, labelFr: p.labelFr })),
    email: r.email,
    website: r.website,
    open24x7: r.open24x7,
    openingHours: r.openingHours.map((h) => ({ ...h })),
    lastVerifiedAt: r.lastVerified,
  };
}

/** A confidential site from a file has only its city: keep the stored street and name of the same site. */
export function keepConfidentialDetails(incoming: ImportLocation[], stored: ImportLocation[]): ImportLocation[] {
  const pool = stored.filter((l) => l.confidential);
  return incoming.map((l) => {
    if (!l.confidential || l.street) return l;
    const k = pool.findIndex((s) => s.city === l.city && s.province === l.province);
    if (k < 0) return l;
    const [match] = pool.splice(k, 1);
    return { ...match! };
  });
}

/** The terms the file defines that the directory lacks, after the last of each vocabulary. */
export async function addTerms(
  strapi: Core.Strapi,
  codes: Codes,
  newTerms: Array<{ key: TaxonomyKey; def: TermDefinition }>,
): Promise<void> {
  for (const k of Object.keys(TAXONOMY_UIDS) as TaxonomyKey[]) {
    const terms = newTerms.filter((x) => x.key === k);
    if (terms.length === 0) continue;
    let order = Math.max(
      -1,
      ...((await strapi.db.query(TAXONOMY_UIDS[k]).findMany({ select: ['sortOrder'] })) as Array<{ sortOrder: number | null }>).map(
        (r) => r.sortOrder ?? 0,
      ),
    );
    for (const t of terms) {
      const doc = await strapi
        .documents(TAXONOMY_UIDS[k])
        .create({ data: { code: t.def.code, labelEn: t.def.labelEn, labelFr: t.def.labelFr, sortOrder: ++order } });
      codes[k].set(t.def.code, {
        id: typeof doc.id === 'number' ? doc.id : null,
        documentId: doc.documentId,
        labelEn: t.def.labelEn,
        labelFr: t.def.labelFr,
      });
    }
  }
}

/** The organization's fields for one locale, with its terms as the Document Service takes them (document ids), the bulk writer (row ids) or the audit reads them (codes). */
function draftData(p: Plan, codes: Codes, locale: Locale, by: 'documentId' | 'id' | 'code'): Record<string, unknown> {
  const ids = (key: TaxonomyKey, list: string[]): unknown[] =>
    by === 'code'
      ? list.filter((c) => codes[key].has(c)).map((code) => ({ code }))
      : list.map((c) => codes[key].get(c)?.[by]).filter((x) => x != null);
  return { ...shared(p.record, ids, p.record.locations), ...localizedOrganizationData(p.record, locale), slug: p.slug };
}

const CREATE_CHUNK = 250;
/** A full garbage collection after every GC_EVERY groups (src/operations/memory.ts says why). */
const GC_EVERY = 4;

/**
 * New organizations in bulk SQL (a few statements per 250 records, not ~10 Document Service
 * calls each), both locales, with the audit entries the Document Service path would record,
 * a group at a time. The workflow middlewares add nothing to a new under-review draft without
 * consent (no verification, consent or contact stamp applies), so nothing is skipped.
 */
export async function createDrafts(
  strapi: Core.Strapi,
  trx: Knex,
  plans: Plan[],
  codes: Codes,
  statusNote: string,
  beforeWrite: ImportOptions['beforeWrite'],
): Promise<string[]> {
  const creator = new DocumentCreator(trx, documentTables(strapi, ORG));
  const audit = new BulkCreateAudit(strapi, trx);
  const documentIds: string[] = [];
  const state = { listingStatus: 'under_review', publicConsent: false, statusNote };
  for (let c = 0; c < plans.length; c += CREATE_CHUNK) {
    const chunk = plans.slice(c, c + CREATE_CHUNK);
    for (const p of chunk) await beforeWrite?.(p.record, p.index);
    const fields = (p: Plan, locale: Locale, by: 'id' | 'code') => ({
      ...draftData(p, codes, locale, by),
      ...state,
      externalId: p.record.externalId,
    });
    const created = await creator.create(
      chunk.map((p) => ({ rows: LOCALES.map((locale) => ({ locale, attributes: fields(p, locale, 'id') })) })),
    );
    await audit.created(
      chunk.map((p, i) => ({
        documentId: created.documentIds[i]!,
        versions: new Map(LOCALES.map((locale) => [locale, fields(p, locale, 'code')])),
      })),
    );
    if ((c / CREATE_CHUNK) % GC_EVERY === GC_EVERY - 1) collectGarbage();
    documentIds.push(...created.documentIds);
  }
  return documentIds;
}

/** Existing organizations get a new draft through the Document Service (workflow rules, audit diff). */
export async function updateDrafts(
  strapi: Core.Strapi,
  plans: Plan[],
  codes: Codes,
  beforeWrite: ImportOptions['beforeWrite'],
): Promise<void> {
  const docs = strapi.documents(ORG);
  for (const p of plans) {
    await beforeWrite?.(p.record, p.index);
    for (const locale of LOCALES)
      await docs.update({ documentId: p.documentId!, locale, data: documentInput(ORG, draftData(p, codes, locale, 'documentId')) });
  }
}

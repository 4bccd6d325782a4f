/**
 * Loads fixtures into Strapi through the Document Service. Idempotent: records are matched by
 * their stable key (taxonomy code, externalId, reference) and updated in place, and the
 * draft/published state is brought to what the fixture says.
 */
import { serviceComponents } from '../directory/mapper';
import type { Core } from '@strapi/strapi';
import { documentInput } from '../document-input';
import {
  type Fixtures,
  type LocalizedOrgText,
  type OrganizationFixture,
  type PhoneFixture,
  type Taxonomies,
  validateOrganization,
  validateProtocol,
} from './fixtures';

import {
  APPLICATION,
  FOCUS_AREA,
  LANGUAGE,
  ORGANIZATION as ORG,
  POPULATION,
  PROTOCOL,
  SEARCH_SYNONYM_TYPE as SYNONYM,
  SERVICE_CATEGORY,
  SETTINGS_TYPE as SETTINGS,
  SUGGESTION,
} from '../content-types';
const BATCH = 100;

/** The taxonomy content types, by fixture key. */
export const TAXONOMY_UIDS = {
  focusAreas: FOCUS_AREA,
  services: SERVICE_CATEGORY,
  populations: POPULATION,
  languages: LANGUAGE,
} as const;

export interface SeedReport {
  created: number;
  updated: number;
  rejected: Array<{ record: string; field: string; message: string }>;
}

type CodeIndex = Record<keyof Taxonomies, Map<string, string>>;

async function upsertTaxonomies(strapi: Core.Strapi, t: Taxonomies, report: SeedReport): Promise<CodeIndex> {
  const index = {} as CodeIndex;
  for (const key of Object.keys(TAXONOMY_UIDS) as Array<keyof Taxonomies>) {
    const uid = TAXONOMY_UIDS[key];
    const map = new Map<string, string>();
    for (const [order, term] of t[key].entries()) {
      const data = { code: term.code, labelEn: term.labelEn, labelFr: term.labelFr, sortOrder: order };
      const existing = await strapi.documents(uid).findFirst({ filters: { code: term.code } });
      const doc = existing
        ? await strapi.documents(uid).update({ documentId: existing.documentId, data: data })
        : await strapi.documents(uid).create({ data: data });
      if (!doc) throw new Error(`taxonomy term ${term.code} could not be saved`);
      report[existing ? 'updated' : 'created']++;
      map.set(term.code, doc.documentId);
    }
    index[key] = map;
  }
  return index;
}

const phone = (p: PhoneFixture) => ({
  type: p.type,
  number: p.number,
  extension: p.extension ?? null,
  labelEn: p.labelEn ?? null,
  labelFr: p.labelFr ?? null,
});

/** Strapi data shared by both locales (non-localized fields). */
export function sharedOrganizationData(o: OrganizationFixture, codes: CodeIndex) {
  const ids = (key: keyof Taxonomies, list: string[]) => list.map((c) => codes[key].get(c)).filter((x): x is string => !!x);
  const s = o.state;
  return {
    slug: o.slug,
    externalId: o.externalId,
    kind: o.kind,
    role: o.role,
    focusAreas: ids('focusAreas', o.focusAreas),
    services: ids('services', o.services),
    populations: ids('populations', o.populations),
    languages: ids('languages', o.languages),
    ...serviceComponents(o),
    ageMin: o.ageMin,
    ageMax: o.ageMax,
    national: o.national,
    serviceAreas: o.serviceAreas.map((a) => ({
      province: a.province,
      regions: a.regions.join('\n'),
      regionsFr: a.regionsFr?.join('\n') ?? null,
    })),
    locations: o.locations.map((l) => ({ ...l })),
    phones: o.phones.map(phone),
    email: o.email,
    website: o.website,
    open24x7: o.open24x7,
    openingHours: o.openingHours.map((h) => ({ ...h })),
    designatedContact: o.internal.designatedContact,
    keyStaff: o.internal.keyStaff,
    internalPhones: o.internal.internalPhones.map(phone),
    internalEmail: o.internal.internalEmail,
    referralProtocol: o.internal.referralProtocol,
    capacityNotes: o.internal.capacityNotes,
    safetyNotes: o.internal.safetyNotes,
    internalNotes: o.internal.internalNotes,
    listingStatus: s.listingStatus,
    removalReason: s.removalReason,
    removedAt: s.removedAt,
    statusNote: s.statusNote,
    publicConsent: s.publicConsent,
    consentAt: s.consentAt,
    consentBy: s.consentBy,
    attestations: s.attestations,
    lastVerifiedAt: s.lastVerifiedAt,
    lastVerifiedBy: s.lastVerifiedBy,
    nextReviewDue: s.nextReviewDue,
    contactAttempts: s.contactAttempts,
  };
}

/** The localized fields of an organization's document (a fixture's or an import's texts), other names one per line. */
export function localizedOrganizationData(o: Readonly<Record<'en' | 'fr', LocalizedOrgText>>, locale: 'en' | 'fr') {
  const t = o[locale];
  return {
    name: t.name,
    otherNames: t.otherNames.join('\n'),
    description: t.description,
    eligibility: t.eligibility,
    fees: t.fees,
    hoursNotes: t.hoursNotes,
    accessibility: t.accessibility,
  };
}

/** Writes one organization in both locales and sets its publication state. Returns true when created. */
export async function upsertOrganization(strapi: Core.Strapi, o: OrganizationFixture, codes: CodeIndex): Promise<boolean> {
  const docs = strapi.documents(ORG);
  const shared = sharedOrganizationData(o, codes);
  const existing = await docs.findFirst({ locale: 'en', status: 'draft', filters: { externalId: o.externalId }, fields: ['documentId'] });
  let documentId: string;
  if (existing) {
    documentId = existing.documentId;
    await docs.update({ documentId, locale: 'en', data: documentInput(ORG, { ...shared, ...localizedOrganizationData(o, 'en') }) });
  } else {
    const created = await docs.create({ locale: 'en', data: documentInput(ORG, { ...shared, ...localizedOrganizationData(o, 'en') }) });
    documentId = created.documentId;
  }
  await docs.update({ documentId, locale: 'fr', data: documentInput(ORG, { ...shared, ...localizedOrganizationData(o, 'fr') }) });
  if (o.state.published) await docs.publish({ documentId, locale: '*' });
  else await docs.unpublish({ documentId, locale: '*' });
  return !existing;
}

async function upsertByKey(
  strapi: Core.Strapi,
  uid: typeof PROTOCOL | typeof APPLICATION | typeof SUGGESTION,
  key: 'externalId' | 'reference',
  value: string,
  data: Record<string, unknown>,
): Promise<boolean> {
  const docs = strapi.documents(uid);
  const existing = await docs.findFirst({ filters: { [key]: value } });
  if (existing) await docs.update({ documentId: existing.documentId, data: data });
  else await docs.create({ data: data });
  return !existing;
}

export interface SeedOptions {
  onProgress?: (done: number, total: number) => void;
}

export async function seed(strapi: Core.Strapi, f: Fixtures, options: SeedOptions = {}): Promise<SeedReport> {
  const report: SeedReport = { created: 0, updated: 0, rejected: [] };
  const count = (created: boolean) => {
    report[created ? 'created' : 'updated']++;
  };
  const codes = await upsertTaxonomies(strapi, f.taxonomies, report);

  const settings = strapi.documents(SETTINGS);
  const { en: _en, fr: _fr, ...sharedSettings } = f.settings;
  let settingsId = (await settings.findFirst({ locale: 'en' }))?.documentId;
  for (const locale of ['en', 'fr'] as const) {
    const data = documentInput(SETTINGS, { ...sharedSettings, ...f.settings[locale] });
    if (settingsId) await settings.update({ documentId: settingsId, locale, data });
    else settingsId = (await settings.create({ locale, data })).documentId;
  }

  // Valid records are written in batches, each in one transaction (much faster on SQLite).
  const valid: OrganizationFixture[] = [];
  for (const o of f.organizations) {
    const problems = validateOrganization(o, f.taxonomies);
    if (problems.length > 0)
      for (const p of problems) report.rejected.push({ record: `organization ${o.externalId ?? o.slug ?? '?'}`, ...p });
    else valid.push(o);
  }
  for (let i = 0; i < valid.length; i += BATCH) {
    options.onProgress?.(i, valid.length);
    await strapi.db.transaction(async () => {
      for (const o of valid.slice(i, i + BATCH)) count(await upsertOrganization(strapi, o, codes));
    });
  }

  for (const p of f.protocols) {
    const problems = validateProtocol(p);
    if (problems.length > 0) {
      for (const x of problems) report.rejected.push({ record: `protocol ${p.externalId ?? '?'}`, ...x });
      continue;
    }
    const { externalId, ...rest } = p;
    count(await upsertByKey(strapi, PROTOCOL, 'externalId', externalId, { externalId, ...rest }));
  }

  for (const a of f.applications) {
    count(await upsertByKey(strapi, APPLICATION, 'reference', a.reference, { ...a }));
  }

  const orgBySlug = new Map<string, string>();
  for (const s of f.suggestions) {
    if (!orgBySlug.has(s.organizationSlug)) {
      const org = await strapi.documents(ORG).findFirst({ filters: { slug: s.organizationSlug } });
      if (org) orgBySlug.set(s.organizationSlug, org.documentId);
    }
    const organization = orgBySlug.get(s.organizationSlug);
    if (!organization) {
      report.rejected.push({
        record: `suggestion ${s.reference}`,
        field: 'organizationSlug',
        message: `no organization ${s.organizationSlug}`,
      });
      continue;
    }
    count(await upsertByKey(strapi, SUGGESTION, 'reference', s.reference, { ...s, organization }));
  }

  // A group is known by its first term (editors may add terms after it).
  const synonyms = strapi.documents(SYNONYM);
  for (const g of f.searchSynonyms) {
    const first = g.terms[0];
    if (!first || g.terms.length < 2) {
      report.rejected.push({ record: `search synonym ${first ?? '?'}`, field: 'terms', message: 'needs at least two terms' });
      continue;
    }
    const data = documentInput(SYNONYM, { terms: g.terms.join(', '), note: g.note ?? null });
    const existing = (await synonyms.findMany({ filters: { terms: { $startsWith: first } } })).find(
      (s) =>
        String(s.terms ?? '')
          .split(/[\n,;]/)[0]
          ?.trim() === first,
    );
    if (existing) await synonyms.update({ documentId: existing.documentId, data });
    else await synonyms.create({ data });
    count(!existing);
  }
  return report;
}

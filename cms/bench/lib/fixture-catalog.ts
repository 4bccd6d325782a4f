/**
 * Catalogs built in-process from fixtures, without a database: fixture → the rows the database
 * would hold → the projection's own entryFromRows → Catalog. The benchmark's scaling table and
 * the relevance script use it, so both measure exactly what the server serves.
 */
import type { Locale } from '@referral-directory/sdk';
import { serviceComponents } from '../../src/directory/mapper';
import { Catalog, fixedVocabulary, type Entry, type Vocabulary } from '../../src/catalog/catalog';
import { entryFromRows } from '../../src/catalog/row-entries';
import { synonymGroups } from '../../src/catalog/synonyms';
import type { OrganizationRow, TermRow } from '../../src/directory/rows';
import type { OrganizationFixture, SearchSynonymFixture, Taxonomies, TaxonomyFixture } from '../../src/operations/fixtures';
import { localizedOrganizationData } from '../../src/operations/seed';

export type TermIndex = Record<keyof Taxonomies, Map<string, TermRow>>;

export function termIndex(t: Taxonomies): TermIndex {
  const index = (list: TaxonomyFixture[], prefix: string) =>
    new Map(
      list.map((x, i) => [
        x.code,
        { id: i + 1, documentId: `${prefix}-${x.code}`, code: x.code, labelEn: x.labelEn, labelFr: x.labelFr, sortOrder: i },
      ]),
    );
  return {
    focusAreas: index(t.focusAreas, 'focus'),
    services: index(t.services, 'service'),
    populations: index(t.populations, 'population'),
    languages: index(t.languages, 'language'),
  };
}

export function vocabularyOf(t: Taxonomies): Vocabulary {
  const v = (list: TaxonomyFixture[]) => list.map((x) => ({ value: x.code, labels: { en: x.labelEn, fr: x.labelFr } }));
  return { ...fixedVocabulary(), focus: v(t.focusAreas), service: v(t.services), population: v(t.populations), language: v(t.languages) };
}

/** The rows the database would hold for a fixture (published versions only; the seed writes drafts equal to them). */
export function rowsOf(o: OrganizationFixture, id: number, terms: TermIndex): OrganizationRow[] {
  if (!o.state.published) return [];
  const pick = (key: keyof Taxonomies, codes: string[]) => codes.map((c) => terms[key].get(c)).filter((x): x is TermRow => !!x);
  const at = '2026-06-01T00:00:00.000Z';
  const shared = {
    documentId: `doc-${id}`,
    publishedAt: at,
    updatedAt: at,
    slug: o.slug,
    kind: o.kind,
    role: o.role,
    focusAreas: pick('focusAreas', o.focusAreas),
    services: pick('services', o.services),
    populations: pick('populations', o.populations),
    languages: pick('languages', o.languages),
    ...serviceComponents(o),
    ageMin: o.ageMin,
    ageMax: o.ageMax,
    national: o.national,
    serviceAreas: o.serviceAreas.map((a) => ({ province: a.province, regions: a.regions.join('\n') })),
    locations: o.locations.map((l) => ({ ...l })),
    phones: o.phones.map((p) => ({ ...p })),
    email: o.email,
    website: o.website,
    open24x7: o.open24x7,
    openingHours: o.openingHours.map((h) => ({ ...h })),
    listingStatus: o.state.listingStatus,
    publicConsent: o.state.publicConsent,
    lastVerifiedAt: o.state.lastVerifiedAt,
    // The confidential fields, for the staff catalog (the public mapper never reads them).
    designatedContact: o.internal.designatedContact,
    keyStaff: o.internal.keyStaff,
    internalPhones: o.internal.internalPhones,
    internalEmail: o.internal.internalEmail,
    referralProtocol: o.internal.referralProtocol,
    capacityNotes: o.internal.capacityNotes,
    safetyNotes: o.internal.safetyNotes,
    internalNotes: o.internal.internalNotes,
  };
  return (['en', 'fr'] as Locale[]).map((locale, k) => {
    // Cast kept: a fixture holds strings (checked by validateOrganization) where a row holds the SDK's
    // literal unions, and these rows leave out the internal fields, which the public catalog never reads.
    return {
      ...shared,
      id: id * 2 + k,
      locale,
      ...localizedOrganizationData(o, locale),
    } as unknown as OrganizationRow;
  });
}

/** The public catalog of fixtures (the records the public API would serve), with the seed's synonyms. */
export function publicCatalogOf(
  organizations: OrganizationFixture[],
  taxonomies: Taxonomies,
  synonyms: SearchSynonymFixture[] = [],
): Catalog {
  const terms = termIndex(taxonomies);
  const entries: Entry[] = [];
  organizations.forEach((o, i) => {
    const rows = rowsOf(o, i + 1, terms);
    const e = rows.length > 0 ? entryFromRows(rows) : null;
    if (e) entries.push(e);
  });
  const groups = synonymGroups(synonyms.map((s) => s.terms.join(', ')));
  return new Catalog(entries, vocabularyOf(taxonomies), 'fixtures', undefined, groups);
}

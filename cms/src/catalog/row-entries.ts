/**
 * The catalogs' entries of one organization document, from its database rows (locales ×
 * draft/published): the public entry (allowlist mapper, both locales published and public) and
 * the staff entry (its latest version, whatever its status, with its confidential search text).
 */
import type { FilterName, InternalOrganization, Locale, PublicOrganization } from '@referral-directory/sdk';
import { FILTER_NAMES } from '@referral-directory/sdk';
import { type Catalog, type EntriesLoad, type Entry, filterValues, searchTextOf, toEntry } from './catalog';
import { confidentialWords, sameValue } from './entry';
import { PUBLIC_ORGANIZATION_FIELDS, toPublicOrganization } from '../directory/mapper';
import { toInternalOrganization } from '../directory/internal-mapper';
import type { OrganizationRow } from '../directory/rows';

export type InternalFilterName = FilterName | 'status';
export const INTERNAL_FILTER_NAMES: readonly InternalFilterName[] = [...FILTER_NAMES, 'status'];
export type InternalEntry = Entry<InternalOrganization, InternalFilterName>;
export type InternalCatalog = Catalog<InternalOrganization, InternalFilterName>;

/** Public iff approved and active, consenting, and published (and the draft agrees). */
export function isPublicState(row: Pick<OrganizationRow, 'listingStatus' | 'publicConsent'>): boolean {
  return row.listingStatus === 'active' && row.publicConsent === true;
}

/** A document's public entry, with the rows and words it was made of (a staff entry may use them). */
interface PublicSide {
  entry: Entry;
  published: Map<Locale, OrganizationRow>;
  /** The full load told of it last, if any (see EntriesLoad). */
  load: EntriesLoad<PublicOrganization, FilterName> | undefined;
}

function publicSide(rows: OrganizationRow[], load?: EntriesLoad<PublicOrganization, FilterName>): PublicSide | null {
  const published = new Map<Locale, OrganizationRow>();
  const drafts: OrganizationRow[] = [];
  for (const r of rows) {
    if (r.publishedAt) published.set(r.locale, r);
    else drafts.push(r);
  }
  // Both locales or nothing: the public directory never serves a missing translation.
  const en = published.get('en');
  const fr = published.get('fr');
  if (!en || !fr) return null;
  // Stricter of the two versions: a suspension saved as a draft takes effect at once.
  if (![...published.values(), ...drafts].every(isPublicState)) return null;
  // The record as mapped, its locale set in place (a spread into a new literal is V8's slow path).
  const record = (row: OrganizationRow, locale: Locale): PublicOrganization => {
    const r = toPublicOrganization(row, locale);
    r.locale = row.locale;
    return r;
  };
  const entry = toEntry(record(en, 'en'), record(fr, 'fr'));
  // From the records it keeps, whose recurring values (labels, cities) are one object for all the
  // records holding them: their words are then found by the same strings, hashed once.
  load?.add(entry, entry.searchText());
  return { entry, published, load };
}

/**
 * The public entry of one document, from all its rows (locales × draft/published), or null.
 * `load`: a full load, told the entry and its words (see EntriesLoad).
 */
export const entryFromRows = (rows: OrganizationRow[], load?: EntriesLoad<PublicOrganization, FilterName>): Entry | null =>
  publicSide(rows, load)?.entry ?? null;

/**
 * The public record a staff record of `row` may be made from: the document's public one in that
 * locale, when `row` holds the same public fields as the published version it was made from (a
 * draft saved since with a change shows the change, a draft unchanged since the publication
 * reads the same), else none.
 */
function publicRecordFor(side: PublicSide | null, row: OrganizationRow, locale: Locale): PublicOrganization | undefined {
  const published = side?.published.get(locale);
  if (!side || !published || row.locale !== locale) return undefined;
  // Ids aside: a draft's components are copies of the published version's, with ids of their own.
  const same = row === published || PUBLIC_ORGANIZATION_FIELDS.every((f) => sameValue(row[f], published[f], 'id'));
  return same ? side.entry.records[locale] : undefined;
}

/**
 * The staff entry of one document: its latest (draft) version, whatever its status. `load`: as
 * entryFromRows's. `side`: the document's public entry, whose records and words it takes where
 * its versions read the same (a full load maps, packs and analyses these once for both catalogs).
 */
export function internalEntryFromRows(
  rows: OrganizationRow[],
  load?: EntriesLoad<InternalOrganization, InternalFilterName>,
  side: PublicSide | null = null,
): InternalEntry | null {
  const latest = new Map<Locale, OrganizationRow>();
  for (const r of rows) if (!r.publishedAt || !latest.has(r.locale)) latest.set(r.locale, r);
  const published = rows.some((r) => r.publishedAt);
  const en = latest.get('en') ?? latest.get('fr');
  if (!en) return null;
  const fr = latest.get('fr') ?? en;
  const pubEn = publicRecordFor(side, en, 'en');
  const pubFr = publicRecordFor(side, fr, 'fr');
  const a = toInternalOrganization(en, 'en', published, pubEn);
  const b = toInternalOrganization(fr, 'fr', published, pubFr);
  // Filter values read from the English record alone: the public entry's when made from its record.
  const values = { ...(pubEn && side ? side.entry.values : filterValues(a)), status: [a.status] };
  const entry = toEntry<InternalOrganization, InternalFilterName>(a, b, values, internalText, false, side?.entry);
  // Made from the public records in both locales, its public fields' words are theirs, counted already.
  const publicLoad = pubEn && pubFr ? side?.load : undefined;
  if (publicLoad) load?.add(entry, confidentialWords(a, b, internalText), publicLoad);
  else load?.add(entry, searchTextOf(a, b, internalText));
  return entry;
}

/** The confidential text staff may search by (never part of a public entry). */
export function internalText(...records: InternalOrganization[]): string {
  const person = (p: { name: string; title: string | null; email: string | null } | null) => (p ? [p.name, p.title, p.email] : []);
  return records
    .flatMap((r) => [
      ...person(r.designatedContact),
      ...r.keyStaff.flatMap(person),
      r.internalEmail,
      r.referralProtocol?.eligibilityNotes,
      r.referralProtocol?.intakeHours,
      r.referralProtocol?.afterHours,
      r.capacityNotes,
      r.safetyNotes,
      r.internalNotes,
      ...r.contactAttempts.map((c) => c.notes),
      ...r.locations.flatMap((l) => [l.name, l.street, l.postalCode]),
    ])
    .filter((t): t is string => typeof t === 'string' && t !== '')
    .join(' ');
}

/** A full load's entries of both catalogs, in order (see EntriesLoad). */
export interface Loads {
  public: EntriesLoad<PublicOrganization, FilterName>;
  internal: EntriesLoad<InternalOrganization, InternalFilterName>;
}

/** A document's entries from its rows, into these maps (none: removed from them), and into `loads` when given. */
export function putDocument(
  entries: Map<string, Entry>,
  internalEntries: Map<string, InternalEntry>,
  documentId: string,
  rows: OrganizationRow[],
  loads?: Loads,
): void {
  const side = publicSide(rows, loads?.public);
  if (side) entries.set(documentId, side.entry);
  else entries.delete(documentId);
  const internal = internalEntryFromRows(rows, loads?.internal, side);
  if (internal) internalEntries.set(documentId, internal);
  else internalEntries.delete(documentId);
}

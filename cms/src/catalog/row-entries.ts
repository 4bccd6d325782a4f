/**
 * The catalogs' entries of one organization document, from its database rows (locales ×
 * draft/published): the public entry (allowlist mapper, both locales published and public) and
 * the staff entry (its latest version, whatever its status, with its confidential search text).
 */
import type { FilterName, InternalOrganization, Locale, PublicOrganization } from '@referral-directory/sdk';
import { FILTER_NAMES } from '@referral-directory/sdk';
import { type Catalog, type EntriesLoad, type Entry, filterValues, searchTextOf, toEntry } from './catalog';
import { toPublicOrganization } from '../directory/mapper';
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

/**
 * The public entry of one document, from all its rows (locales × draft/published), or null.
 * `load`: a full load, told the entry and its words (see EntriesLoad).
 */
export function entryFromRows(rows: OrganizationRow[], load?: EntriesLoad<PublicOrganization, FilterName>): Entry | null {
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
  return entry;
}

/** The staff entry of one document: its latest (draft) version, whatever its status. `load`: as entryFromRows's. */
export function internalEntryFromRows(
  rows: OrganizationRow[],
  load?: EntriesLoad<InternalOrganization, InternalFilterName>,
): InternalEntry | null {
  const latest = new Map<Locale, OrganizationRow>();
  for (const r of rows) if (!r.publishedAt || !latest.has(r.locale)) latest.set(r.locale, r);
  const published = rows.some((r) => r.publishedAt);
  const en = latest.get('en') ?? latest.get('fr');
  if (!en) return null;
  const fr = latest.get('fr') ?? en;
  const a = toInternalOrganization(en, 'en', published);
  const b = toInternalOrganization(fr, 'fr', published);
  const entry = toEntry<InternalOrganization, InternalFilterName>(a, b, { ...filterValues(a), status: [a.status] }, internalText, false);
  load?.add(entry, searchTextOf(a, b, internalText));
  return entry;
}

/** The confidential text staff may search by (never part of a public entry). */
function internalText(...records: InternalOrganization[]): string {
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
  const entry = entryFromRows(rows, loads?.public);
  if (entry) entries.set(documentId, entry);
  else entries.delete(documentId);
  const internal = internalEntryFromRows(rows, loads?.internal);
  if (internal) internalEntries.set(documentId, internal);
  else internalEntries.delete(documentId);
}

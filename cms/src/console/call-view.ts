/**
 * One organization as a call needs it: warnings first (with their confidential texts), then the
 * referral protocol and the private intake lines, then the public contact, services, areas,
 * languages and hours, with whether it is open now in its own time zone. The record is the staff
 * projection itself (src/directory/internal-mapper.ts); `confidentialFields` names the members an
 * advocate must never read out to a caller, so the page can mark them.
 */
import type { InternalOrganization, Locale, OpenState } from '@referral-directory/sdk';
import { geoOf } from '../catalog/near';
import type { InternalCatalog, InternalEntry } from '../catalog/row-entries';
import type { WorkflowSettings } from '../workflow/settings';
import { warningsOf, type ConsoleWarning } from './warnings';

export const CONFIDENTIAL_FIELDS = [
  'referralProtocol',
  'internalPhones',
  'internalEmail',
  'designatedContact',
  'keyStaff',
  'capacityNotes',
  'safetyNotes',
  'internalNotes',
  'contactAttempts',
  'consent',
  'attestations',
  'locations',
] as const satisfies ReadonlyArray<keyof InternalOrganization>;

export interface CallView {
  organization: InternalOrganization;
  warnings: ConsoleWarning[];
  /** Open or not now, in the location's time zone; null when the hours or the zone are unknown. */
  openNow: OpenState | null;
  /** Whether its public profile is in the public directory (only then can a referral message name it). */
  public: boolean;
  confidentialFields: readonly string[];
}

export function callView(
  catalog: InternalCatalog,
  entry: InternalEntry,
  locale: Locale,
  isPublic: boolean,
  today: string,
  settings: WorkflowSettings,
  now = new Date(),
): CallView {
  const organization = entry.records[locale];
  const i = catalog.entries.indexOf(entry);
  const openNow = i < 0 ? null : geoOf(catalog).index.open(i, { kind: 'now', instant: now });
  return {
    organization,
    warnings: warningsOf(organization, today, settings),
    openNow,
    public: isPublic,
    confidentialFields: CONFIDENTIAL_FIELDS,
  };
}

/**
 * The SDK checks the parts of a record that identify it (`slug`, `name`); the rest is trusted.
 * A record from a CMS in the middle of a migration may still miss a list or the hours: fill
 * them in, so that one odd record shows with less detail instead of breaking the whole list.
 */
import type { PublicOrganization } from '@referral-directory/sdk';

const list = <T>(value: readonly T[] | null | undefined): T[] => (Array.isArray(value) ? [...value] : []);
const text = (value: string | null | undefined): string | null => (typeof value === 'string' && value ? value : null);

export function normalizeOrganization(o: PublicOrganization): PublicOrganization {
  return {
    ...o,
    description: text(o.description) ?? '',
    otherNames: list(o.otherNames),
    focusAreas: list(o.focusAreas),
    services: list(o.services),
    timeframes: list(o.timeframes),
    needs: list(o.needs),
    indirectOfferings: list(o.indirectOfferings),
    populations: list(o.populations),
    ageRange: { min: o.ageRange?.min ?? null, max: o.ageRange?.max ?? null },
    national: o.national === true,
    provinces: list(o.provinces),
    serviceAreas: list(o.serviceAreas).map((a) => ({ ...a, regions: list(a.regions) })),
    locations: list(o.locations),
    languages: list(o.languages),
    phones: list(o.phones).filter((p) => typeof p?.number === 'string'),
    hours: { open24x7: o.hours?.open24x7 === true, schedule: list(o.hours?.schedule), notes: text(o.hours?.notes) },
  };
}

/**
 * Which law-enforcement protocol covers a place. A protocol's jurisdiction is its province and the
 * free-text area editors write ("Town of Lakeshore and surrounding Essex County municipalities"):
 * one covers a city when its area names it (accent- and case-insensitively). When none does, the
 * answer says so and falls back, stated: first to the province's protocols (provincial police
 * first), then to the federal ones. Contacts are the active ones, in the order editors keep.
 */
import type { LawEnforcementProtocol, Province } from '@referral-directory/sdk';
import { fold } from '../catalog/normalize';
import type { NearTarget } from '../catalog/near';

export type Coverage = 'covers' | 'provincial-fallback' | 'national-fallback' | 'none';

export interface PoliceLookup {
  place: { label: string; province: Province };
  coverage: Coverage;
  protocols: LawEnforcementProtocol[];
}

/** The city a resolved place names: `Montréal, QC` → Montréal, `H2X (Montréal, QC)` → Montréal. */
export function cityOf(label: string): string {
  const inner = /\(([^)]+)\)/.exec(label)?.[1] ?? label;
  return inner.split(',')[0]!.trim();
}

const names = (area: string | null, city: string): boolean => {
  if (!area || !city) return false;
  return ` ${fold(area)} `.includes(` ${fold(city)} `);
};

const KIND_ORDER: Record<LawEnforcementProtocol['agencyKind'], number> = {
  provincial: 0,
  municipal: 1,
  indigenous: 2,
  other: 3,
  federal: 4,
};

const activeContacts = (p: LawEnforcementProtocol): LawEnforcementProtocol => ({ ...p, contacts: p.contacts.filter((c) => c.active) });

export function policeLookup(target: NearTarget, all: readonly LawEnforcementProtocol[]): PoliceLookup {
  const province = target.kind === 'province' ? target.province : target.place.province;
  const label = target.kind === 'province' ? province : target.place.label;
  const city = target.kind === 'province' ? '' : cityOf(target.place.label);
  const answer = (coverage: Coverage, protocols: LawEnforcementProtocol[]): PoliceLookup => ({
    place: { label, province },
    coverage,
    protocols: protocols.map(activeContacts),
  });
  const inProvince = all.filter((p) => p.province === province);
  const covering = inProvince.filter((p) => names(p.area, city));
  if (covering.length > 0) return answer('covers', covering);
  if (inProvince.length > 0)
    return answer(
      'provincial-fallback',
      [...inProvince].sort((a, b) => KIND_ORDER[a.agencyKind] - KIND_ORDER[b.agencyKind]),
    );
  const federal = all.filter((p) => p.agencyKind === 'federal');
  if (federal.length > 0) return answer('national-fallback', federal);
  return answer('none', []);
}

/**
 * The postal areas (FSAs) the gazetteer can place: learned from the public, non-confidential
 * addresses of the directory's own records, each standing for the centre of the city those
 * records give for it. Confidential addresses are never read here, so whether a postal code is
 * recognised says nothing about where a shelter is.
 */
import { forwardSortationArea, provinceOfPostalCode, type Gazetteer, type Place } from './gazetteer';
import type { LocatedRecord } from './placement';

/** FSA → point, choosing for each FSA the city most of its public addresses name (ties: first seen). */
export function learnPostalAreas(locations: Iterable<LocatedRecord>, gazetteer: Gazetteer): Map<string, Place> {
  const votes = new Map<string, Map<string, { place: Place; count: number }>>();
  for (const l of locations) {
    if (l.confidential || !l.postalCode) continue;
    const fsa = forwardSortationArea(l.postalCode);
    if (!fsa || provinceOfPostalCode(fsa) !== l.province) continue;
    const city = gazetteer.city(l.city, l.province);
    if (!city) continue;
    const byCity = votes.get(fsa) ?? new Map<string, { place: Place; count: number }>();
    votes.set(fsa, byCity);
    const vote = byCity.get(city.label) ?? { place: city, count: 0 };
    vote.count += 1;
    byCity.set(city.label, vote);
  }
  const areas = new Map<string, Place>();
  for (const [fsa, byCity] of votes) {
    let best: { place: Place; count: number } | undefined;
    for (const vote of byCity.values()) if (!best || vote.count > best.count) best = vote;
    if (best) areas.set(fsa, { ...best.place, label: `${fsa} (${best.place.label})` });
  }
  return areas;
}

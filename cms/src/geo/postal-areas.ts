/**
 * The postal areas (FSAs) the gazetteer can place: learned from the public, non-confidential
 * addresses of the directory's own records, each standing for the centre of the city those
 * records give for it. Confidential addresses are never read here, so whether a postal code is
 * recognised says nothing about where a shelter is.
 */
import { forwardSortationArea, provinceOfPostalCode, type Gazetteer, type Place } from './gazetteer';
import type { LocatedRecord } from './placement';

/** One public address's say in what its postal area stands for: the FSA and the city it names. */
export interface PostalVote {
  fsa: string;
  place: Place;
}

/** The votes of some locations: their public addresses whose postal code and city the gazetteer knows. */
export function postalVotes(locations: Iterable<LocatedRecord>, gazetteer: Gazetteer): PostalVote[] {
  const votes: PostalVote[] = [];
  for (const l of locations) {
    if (l.confidential || !l.postalCode) continue;
    const fsa = forwardSortationArea(l.postalCode);
    if (!fsa || provinceOfPostalCode(fsa) !== l.province) continue;
    const place = gazetteer.city(l.city, l.province);
    if (place) votes.push({ fsa, place });
  }
  return votes;
}

/** FSA → point, choosing for each FSA the city most of its votes name (ties: first seen). */
export function electPostalAreas(votes: Iterable<PostalVote>): Map<string, Place> {
  const counts = new Map<string, Map<string, { place: Place; count: number }>>();
  for (const { fsa, place } of votes) {
    const byCity = counts.get(fsa) ?? new Map<string, { place: Place; count: number }>();
    counts.set(fsa, byCity);
    const vote = byCity.get(place.label) ?? { place, count: 0 };
    vote.count += 1;
    byCity.set(place.label, vote);
  }
  const areas = new Map<string, Place>();
  for (const [fsa, byCity] of counts) {
    let best: { place: Place; count: number } | undefined;
    for (const vote of byCity.values()) if (!best || vote.count > best.count) best = vote;
    if (best) areas.set(fsa, { ...best.place, label: `${fsa} (${best.place.label})` });
  }
  return areas;
}

/** FSA → point, from the public addresses of these locations. */
export const learnPostalAreas = (locations: Iterable<LocatedRecord>, gazetteer: Gazetteer): Map<string, Place> =>
  electPostalAreas(postalVotes(locations, gazetteer));

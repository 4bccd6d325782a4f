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

/** Per FSA, per city label, the city and how many votes name it. */
export type VoteTally = Map<string, Map<string, { place: Place; count: number }>>;

/** Adds votes to a tally, or takes them away (`weight` -1: the votes of a record gone). */
export function tallyVotes(tally: VoteTally, votes: Iterable<PostalVote>, weight = 1): void {
  for (const { fsa, place } of votes) {
    let byCity = tally.get(fsa);
    if (!byCity) tally.set(fsa, (byCity = new Map()));
    const vote = byCity.get(place.label);
    if (vote) vote.count += weight;
    else byCity.set(place.label, { place, count: weight });
  }
}

/**
 * What an FSA stands for: the city most of its votes name (ties: the first by name, so that the
 * choice does not depend on the order of the records), or undefined when none has a vote left.
 */
export function electArea(fsa: string, byCity: Iterable<{ place: Place; count: number }>): Place | undefined {
  let best: { place: Place; count: number } | undefined;
  for (const vote of byCity) {
    if (vote.count > 0 && (!best || vote.count > best.count || (vote.count === best.count && vote.place.label < best.place.label)))
      best = vote;
  }
  return best && { ...best.place, label: `${fsa} (${best.place.label})` };
}

/** FSA → point, from a tally of votes (see electArea). */
export function electTally(tally: VoteTally): Map<string, Place> {
  const areas = new Map<string, Place>();
  for (const [fsa, byCity] of tally) {
    const area = electArea(fsa, byCity.values());
    if (area) areas.set(fsa, area);
  }
  return areas;
}

/** FSA → point, from the public addresses of these locations (for each FSA, the city most of its votes name). */
export function learnPostalAreas(locations: Iterable<LocatedRecord>, gazetteer: Gazetteer): Map<string, Place> {
  const tally: VoteTally = new Map();
  tallyVotes(tally, postalVotes(locations, gazetteer));
  return electTally(tally);
}

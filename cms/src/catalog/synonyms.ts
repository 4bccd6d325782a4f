/**
 * Editor-kept synonyms (the `search-synonym` collection type): groups of equivalent terms, English
 * and French together. A query word or phrase found in a group also searches the group's other
 * terms, so `aboriginal` finds records that say `Indigenous` or `autochtone`.
 */
import { meaningful, words } from './analyze';

/** A group of equivalent terms; each term is a list of folded words (`crisis line` → two words). */
export type SynonymGroup = readonly (readonly string[])[];

/** The terms of an editor's entry: one per line or separated by commas or semicolons. */
export function parseSynonymTerms(text: string): string[] {
  return text
    .split(/[\n,;]+/)
    .map((t) => t.trim())
    .filter(Boolean);
}

/** Folded groups from editors' entries; terms that fold to nothing and groups of one are dropped. */
export function synonymGroups(entries: readonly string[]): SynonymGroup[] {
  const out: SynonymGroup[] = [];
  for (const text of entries) {
    const seen = new Set<string>();
    const group: string[][] = [];
    for (const term of parseSynonymTerms(text)) {
      const w = meaningful(words(term));
      const key = w.join(' ');
      if (w.length === 0 || seen.has(key)) continue;
      seen.add(key);
      group.push(w);
    }
    if (group.length > 1) out.push(group);
  }
  return out;
}

/** A phrase of the query that a group knows, and the group's other terms. */
export interface SynonymHit {
  start: number;
  length: number;
  alternatives: readonly (readonly string[])[];
}

/**
 * Finds, left to right and longest first, the query phrases that belong to a group. `same` says
 * whether a query word and a group word are equal (the caller compares stems too, so the plural
 * `refugees` finds the group of `refugee`).
 */
export function findSynonyms(
  terms: readonly string[],
  groups: readonly SynonymGroup[],
  same: (queryWord: string, groupWord: string) => boolean,
): SynonymHit[] {
  const hits: SynonymHit[] = [];
  for (let i = 0; i < terms.length; ) {
    let length = 0;
    let alternatives: (readonly string[])[] = [];
    // Index loops: every term of every group is looked at per query word (iterators made ~25 KB of garbage per search).
    for (let g = 0; g < groups.length; g++) {
      const group = groups[g]!;
      for (let t = 0; t < group.length; t++) {
        const term = group[t]!;
        if (term.length > terms.length - i || term.length < length) continue;
        let k = 0;
        while (k < term.length && same(terms[i + k]!, term[k]!)) k++;
        if (k < term.length) continue;
        const others = group.filter((t) => t !== term);
        // The longest phrase wins; phrases of the same length (in several groups) pool their terms.
        alternatives = term.length > length ? others : [...alternatives, ...others];
        length = term.length;
      }
    }
    if (length > 0) {
      hits.push({ start: i, length, alternatives });
      i += length;
    } else i++;
  }
  return hits;
}

/**
 * Where a hit matched: which of its fields hold a matched word, and the character ranges of those
 * words in its name and description (in the response's locale), so a client can mark them
 * without searching again. Ranges are UTF-16 offsets, [start, end), into the strings as sent.
 */
import type { SearchMatch } from '@referral-directory/sdk';
import { fold } from './normalize';

export interface Highlightable {
  name: string;
  otherNames: string[];
  description: string;
  eligibility: string | null;
  fees: string | null;
  services: { label: string }[];
  focusAreas: { label: string }[];
  populations: { label: string }[];
  languages: { label: string }[];
  serviceAreas: { regions: string[] }[];
  locations: Array<{ city: string }>;
}

/** The fields matchOf reads: a page's records are parsed for these alone (see Entry.fields). */
export const HIGHLIGHTED: ReadonlyArray<keyof Highlightable> = [
  'name',
  'otherNames',
  'description',
  'eligibility',
  'fees',
  'services',
  'focusAreas',
  'populations',
  'languages',
  'serviceAreas',
  'locations',
];

const WORD = /[\p{L}\p{N}]+/gu;

/**
 * A word's folded form, memoized: every hit of every search folds the words of its fields, and
 * the same few thousand words recur (bounded, so odd data cannot grow it without end).
 */
const foldedWords = new Map<string, string>();
const MAX_FOLDED = 50_000;
function foldWord(word: string): string {
  let f = foldedWords.get(word);
  if (f === undefined) {
    f = fold(word);
    if (foldedWords.size >= MAX_FOLDED) foldedWords.clear();
    foldedWords.set(word, f);
  }
  return f;
}

/** The ranges of the words of `text` whose folded form is in `words`. */
export function ranges(text: string, words: ReadonlySet<string>): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const m of text.matchAll(WORD)) {
    if (words.has(foldWord(m[0]))) out.push([m.index, m.index + m[0].length]);
  }
  return out;
}

function has(text: string, words: ReadonlySet<string>): boolean {
  for (const m of text.matchAll(WORD)) if (words.has(foldWord(m[0]))) return true;
  return false;
}

export function matchOf(r: Highlightable, words: ReadonlySet<string>): SearchMatch {
  const labels = (list: { label: string }[]) => list.map((t) => t.label).join(' ');
  const candidates: Array<[SearchMatch['fields'][number], string]> = [
    ['name', r.name],
    ['otherNames', r.otherNames.join(' ')],
    ['description', r.description],
    ['eligibility', r.eligibility ?? ''],
    ['fees', r.fees ?? ''],
    ['services', labels(r.services)],
    ['focusAreas', labels(r.focusAreas)],
    ['populations', labels(r.populations)],
    ['languages', labels(r.languages)],
    ['places', [...r.serviceAreas.flatMap((a) => a.regions), ...r.locations.map((l) => l.city)].join(' ')],
  ];
  return {
    fields: candidates.filter(([, text]) => has(text, words)).map(([field]) => field),
    name: ranges(r.name, words),
    description: ranges(r.description, words),
  };
}

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

/**
 * A word is a run of letters and digits (`/[\p{L}\p{N}]+/u`). The runs and the gaps between them
 * are found with sticky tests, which make nothing: `matchAll` made an array per word, and a page
 * of 20 hits has thousands of words (about 250 KB of garbage per search).
 */
const RUN = /[\p{L}\p{N}]+/uy;
const GAP = /[^\p{L}\p{N}]+/uy;

/** Calls `visit(start, end)` for each word of `text` in order, until it returns true; whether one did. */
function someWord(text: string, visit: (start: number, end: number) => boolean): boolean {
  let i = 0;
  while (i < text.length) {
    GAP.lastIndex = i;
    if (GAP.test(text)) i = GAP.lastIndex;
    if (i >= text.length) return false;
    RUN.lastIndex = i;
    const end = RUN.test(text) ? RUN.lastIndex : i + 1;
    if (visit(i, end)) return true;
    i = end;
  }
  return false;
}

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
  someWord(text, (start, end) => {
    if (words.has(foldWord(text.slice(start, end)))) out.push([start, end]);
    return false;
  });
  return out;
}

/** Whether a word of `text` folds to one of `words`. */
function has(text: string | null, words: ReadonlySet<string>): boolean {
  return text !== null && someWord(text, (start, end) => words.has(foldWord(text.slice(start, end))));
}

const hasLabel = (list: { label: string }[], words: ReadonlySet<string>) => list.some((t) => has(t.label, words));

/** The fields of `r` holding one of `words` (field order as SearchMatch lists them), and where its name and description do. */
export function matchOf(r: Highlightable, words: ReadonlySet<string>): SearchMatch {
  // Field by field and label by label (in SearchMatch's order): joining a field's texts would only make strings to split again.
  const fields: SearchMatch['fields'] = [];
  const mark = (field: SearchMatch['fields'][number], holds: boolean) => holds && fields.push(field);
  mark('name', has(r.name, words));
  mark(
    'otherNames',
    r.otherNames.some((n) => has(n, words)),
  );
  mark('description', has(r.description, words));
  mark('eligibility', has(r.eligibility, words));
  mark('fees', has(r.fees, words));
  mark('services', hasLabel(r.services, words));
  mark('focusAreas', hasLabel(r.focusAreas, words));
  mark('populations', hasLabel(r.populations, words));
  mark('languages', hasLabel(r.languages, words));
  mark('places', r.serviceAreas.some((a) => a.regions.some((x) => has(x, words))) || r.locations.some((l) => has(l.city, words)));
  return {
    fields,
    name: ranges(r.name, words),
    description: ranges(r.description, words),
  };
}
